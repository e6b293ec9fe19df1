import { type FormEvent, useId } from 'react';
import { FormError, Notice } from '../../components/status';
import { useCaseChange } from './use-case-change';
import { CASE_STATUS_LABELS, CASE_STATUSES, type CaseStatus, labelOf, nextStatus } from './vocabulary';

/**
 * Where the case stands on its way from draft to closed, the button that moves it one step on, and a
 * select to set any status (a case sent back, or closed early). Every move is a dated history entry.
 */
export function StatusStepper({
  caseId,
  status,
  onChanged,
}: {
  caseId: string;
  status: string;
  onChanged(): void;
}) {
  const id = useId();
  const change = useCaseChange(caseId, onChanged);
  const at = CASE_STATUSES.indexOf(status as CaseStatus);
  const next = nextStatus(status);
  const move = (to: string) =>
    void change.run({
      method: 'PATCH',
      path: '',
      body: { status: to },
      done: `Status moved from ${labelOf(CASE_STATUS_LABELS, status)} to ${labelOf(CASE_STATUS_LABELS, to)}.`,
    });
  const setAny = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const to = String(new FormData(e.currentTarget).get('status') ?? '');
    if (to && to !== status) move(to);
  };
  return (
    <div className="case-status">
      <ol className="stepper" aria-label="Case status">
        {CASE_STATUSES.map((s, i) => (
          <li
            key={s}
            className={i < at ? 'done' : i === at ? 'current' : undefined}
            aria-current={i === at ? 'step' : undefined}
          >
            {CASE_STATUS_LABELS[s]}
            {i < at && <span className="visually-hidden"> (passed)</span>}
          </li>
        ))}
      </ol>
      <div className="op-inline-form">
        {next && (
          <button type="button" disabled={change.busy} onClick={() => move(next)}>
            Move to {CASE_STATUS_LABELS[next]}
          </button>
        )}
        <form className="op-inline-form" aria-labelledby={`${id}-set`} onSubmit={setAny} key={status}>
          <span id={`${id}-set`} className="visually-hidden">
            Set any status
          </span>
          <label>
            Status
            <select name="status" defaultValue={status}>
              {CASE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {CASE_STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="secondary" disabled={change.busy}>
            Set status
          </button>
        </form>
      </div>
      <Notice message={change.notice} />
      <FormError message={change.error} />
    </div>
  );
}
