import { type FormEvent, useEffect, useId, useRef } from 'react';
import { FormError } from '../../components/status';
import type { CaseVictim } from './types';
import { useCaseChange } from './use-case-change';
import { CONSENT_LABELS } from './vocabulary';

/** A victim by the name the team knows them: the report's external id, else the start of its id. */
export const victimName = (v: CaseVictim) => v.externalId ?? v.reportId.slice(0, 8);

/** Records a victim's declaration for the case and their consent to be contacted (PUT, replaces). */
export function DeclarationForm({
  caseId,
  victim,
  onSaved,
  onCancel,
}: {
  caseId: string;
  victim: CaseVictim;
  onSaved(message: string): void;
  onCancel(): void;
}) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const change = useCaseChange(caseId, () => {});
  useEffect(() => heading.current?.focus(), []);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const declaration = String(form.get('declaration') ?? '').trim();
    const consent = String(form.get('consent') ?? 'unknown');
    const done = `Declaration of ${victimName(victim)} recorded (consent: ${consent}).`;
    const ok = await change.run({
      method: 'PUT',
      path: `/victims/${victim.reportId}`,
      body: { consent, ...(declaration ? { declaration } : {}) },
      done,
    });
    if (ok) onSaved(done);
  };
  return (
    <form className="card declaration-form" aria-labelledby={id} onSubmit={(e) => void submit(e)}>
      <h3 id={id} ref={heading} tabIndex={-1}>
        Declaration of victim {victimName(victim)}
      </h3>
      <label>
        Declaration
        <textarea
          name="declaration"
          rows={5}
          maxLength={50_000}
          defaultValue={victim.declaration?.text ?? ''}
        />
      </label>
      <label>
        Consent to be contacted
        <select name="consent" defaultValue={victim.declaration?.consent ?? 'unknown'}>
          {Object.entries(CONSENT_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <div className="actions">
        <button type="submit" disabled={change.busy}>
          Save declaration
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <FormError message={change.error} />
    </form>
  );
}
