import { type FormEvent, useId, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api';
import { FormError } from '../../components/status';
import { useAction } from '../../components/use-action';
import { CaseFields, readCaseFields } from '../case/fields';
import type { CaseDetail } from '../case/types';

/** What the case page says after a case was opened from here. */
export interface CaseNotice {
  notice: string;
}

/**
 * Opens a case (a draft) with title, agency, jurisdictions, TLP and summary, holding `operationIds` (the
 * operation page sends its own); then shows the new case.
 */
export function NewCaseForm({ operationIds }: { operationIds: readonly string[] }) {
  const headingId = useId();
  const navigate = useNavigate();
  const [included, setIncluded] = useState<readonly string[]>(operationIds);
  const create = useAction((body: unknown) => api<CaseDetail>('/api/cases', { method: 'POST', body }));
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = readCaseFields(new FormData(e.currentTarget));
    const made = await create.run({
      title: f.title,
      tlp: f.tlp,
      ...(f.agency ? { agency: f.agency } : {}),
      ...(f.jurisdictions.length ? { jurisdictions: f.jurisdictions } : {}),
      ...(f.summary ? { summary: f.summary } : {}),
      ...(included.length ? { operationIds: included } : {}),
    });
    if (!made) return;
    const state: CaseNotice = { notice: `Case ${made.reference} opened as a draft.` };
    navigate(`/cases/${made.id}`, { state });
  };
  return (
    <section className="card new-case" aria-labelledby={headingId}>
      <h2 id={headingId}>New case</h2>
      <form className="case-form" aria-labelledby={headingId} onSubmit={(e) => void submit(e)}>
        <CaseFields />
        {included.length > 0 && (
          <fieldset className="case-form-ops">
            <legend>Operations</legend>
            {included.map((id) => (
              <span key={id} className="nowrap">
                <Link to={`/operations/${id}`} className="mono">
                  {id}
                </Link>{' '}
                <button
                  type="button"
                  className="link"
                  aria-label={`Leave out ${id}`}
                  onClick={() => setIncluded(included.filter((o) => o !== id))}
                >
                  Leave out
                </button>
              </span>
            ))}
          </fieldset>
        )}
        <div className="actions">
          <button type="submit" disabled={create.busy}>
            {create.busy ? 'Opening…' : 'Open the case'}
          </button>
        </div>
        <FormError message={create.error} />
      </form>
    </section>
  );
}
