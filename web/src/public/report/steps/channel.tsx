import { useI18n } from '../../i18n/context';
import { EvidenceUpload } from '../evidence';
import { ChoiceGroup, FreeText } from '../fields';
import { CHANNEL_CHOICES } from '../form-state';
import type { StepProps } from './step-props';

/** Step 2: how the scammers reached them (popup, call, e-mail, text, ad, social…). */
export function ChannelStep({ draft, patch, addEvidence, removeEvidence }: StepProps) {
  const { t } = useI18n();
  return (
    <>
      <ChoiceGroup
        name="channel"
        legend={t.channel.legend}
        options={CHANNEL_CHOICES.map((c) => [c, t.channel.options[c]] as const)}
        value={draft.channel.channel}
        onChange={(channel) => patch('channel', { channel })}
      />
      <EvidenceUpload
        step="channel"
        hint={t.channel.evidenceHint}
        evidence={draft.evidence}
        onAdd={addEvidence}
        onRemove={removeEvidence}
      />
      <FreeText
        id="channel-notes"
        value={draft.channel.notes}
        onChange={(notes) => patch('channel', { notes })}
      />
    </>
  );
}
