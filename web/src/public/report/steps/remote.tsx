import { useI18n } from '../../i18n/context';
import { EvidenceUpload } from '../evidence';
import { ChoiceGroup, FreeText, TextField } from '../fields';
import { TOOL_CHOICES, type YesNo } from '../form-state';
import type { StepProps } from './step-props';

/** Step 5: whether they connected to the computer, with which program, and the session code. */
export function RemoteStep({ draft, patch, addEvidence, removeEvidence }: StepProps) {
  const { t } = useI18n();
  const r = draft.remote;
  const answers: Array<readonly [Exclude<YesNo, ''>, string]> = [
    ['yes', t.form.yes],
    ['no', t.form.no],
    ['unsure', t.form.notSure],
  ];
  return (
    <>
      <ChoiceGroup
        name="remote-connected"
        legend={t.remote.legend}
        hint={t.remote.hint}
        options={answers}
        value={r.connected}
        onChange={(connected) => patch('remote', { connected })}
      />
      {(r.connected === 'yes' || r.connected === 'unsure') && (
        <>
          <ChoiceGroup
            name="remote-tool"
            legend={t.remote.toolLegend}
            options={TOOL_CHOICES.map((tool) => [tool, t.remote.tools[tool]] as const)}
            value={r.tool}
            onChange={(tool) => patch('remote', { tool })}
          >
            {r.tool === 'other' && (
              <TextField
                id="remote-tool-other"
                label={t.remote.toolOther}
                value={r.toolOther}
                onChange={(toolOther) => patch('remote', { toolOther })}
              />
            )}
          </ChoiceGroup>
          <TextField
            id="remote-session"
            label={t.remote.sessionLabel}
            hint={t.remote.sessionHint}
            value={r.sessionId}
            onChange={(sessionId) => patch('remote', { sessionId })}
            inputMode="numeric"
          />
          <EvidenceUpload
            step="remote"
            hint={t.remote.evidenceHint}
            evidence={draft.evidence}
            onAdd={addEvidence}
            onRemove={removeEvidence}
          />
        </>
      )}
      <FreeText id="remote-notes" value={r.notes} onChange={(notes) => patch('remote', { notes })} />
    </>
  );
}
