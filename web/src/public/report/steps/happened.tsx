import { useI18n } from '../../i18n/context';
import { EvidenceUpload } from '../evidence';
import { ChoiceGroup, TextField } from '../fields';
import { BRAND_CHOICES, BRAND_NEEDS_NAME, type BrandChoice } from '../form-state';
import type { StepProps } from './step-props';

/** Step 1: the story in their own words, who the scammers claimed to be, and when. */
export function HappenedStep({ draft, patch, addEvidence, removeEvidence }: StepProps) {
  const { t } = useI18n();
  const h = draft.happened;
  const brands = (Object.keys(BRAND_CHOICES) as BrandChoice[]).map((b) => [b, t.happened.brands[b]] as const);
  return (
    <>
      <TextField
        id="happened-story"
        label={t.happened.storyLabel}
        hint={t.happened.storyHint}
        value={h.story}
        onChange={(story) => patch('happened', { story })}
        multiline
      />
      <ChoiceGroup
        name="brand"
        legend={t.happened.brandLegend}
        options={brands}
        value={h.brand}
        onChange={(brand) => patch('happened', { brand })}
      >
        {h.brand && BRAND_NEEDS_NAME.includes(h.brand) && (
          <TextField
            id="happened-brand-name"
            label={t.happened.brandWhich}
            value={h.brandName}
            onChange={(brandName) => patch('happened', { brandName })}
          />
        )}
      </ChoiceGroup>
      <TextField
        id="happened-date"
        label={t.happened.dateLabel}
        hint={t.happened.dateHint}
        type="date"
        value={h.date}
        onChange={(date) => patch('happened', { date })}
      />
      <EvidenceUpload
        step="happened"
        hint={t.happened.evidenceHint}
        evidence={draft.evidence}
        onAdd={addEvidence}
        onRemove={removeEvidence}
      />
    </>
  );
}
