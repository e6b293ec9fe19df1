import { type FormEvent, useId, useState } from 'react';
import { Link } from 'react-router';
import { api, query } from '../../api';
import type { CaseList } from '../../pages/case/types';
import { useApi } from '../../use-api';
import { FormError } from '../status';
import { useAction } from '../use-action';

/** Adds the operation to an existing case, or opens the new-case form with it filled in. */
export function AddToCase({ operationId }: { operationId: string }) {
  const id = useId();
  const cases = useApi<CaseList>(`/api/cases${query({ limit: 200 })}`);
  const [added, setAdded] = useState<{ caseId: string; reference: string } | undefined>();
  const add = useAction((caseId: string) =>
    api(`/api/cases/${caseId}/operations`, { method: 'POST', body: { operationIds: [operationId] } }),
  );
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const caseId = String(new FormData(e.currentTarget).get('case') ?? '');
    const chosen = cases.data?.cases.find((c) => c.id === caseId);
    if (!chosen) return;
    setAdded(undefined);
    if ((await add.run(caseId)) === undefined) return;
    setAdded({ caseId, reference: chosen.reference });
  };
  const open = (cases.data?.cases ?? []).filter((c) => c.status !== 'closed');
  return (
    <div className="add-to-case">
      <h3 id={id}>Add to a case</h3>
      <p>
        <Link to={`/cases${query({ operation: operationId })}`}>Open a new case with this operation</Link>
      </p>
      {open.length > 0 && (
        <form className="op-inline-form" aria-labelledby={id} onSubmit={(e) => void submit(e)}>
          <label>
            Existing case
            <select name="case">
              {open.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.reference}: {c.title}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" disabled={add.busy}>
            Add to case
          </button>
        </form>
      )}
      <p role="status" className={added ? 'notice' : 'visually-hidden'}>
        {added && (
          <>
            Added to <Link to={`/cases/${added.caseId}`}>{added.reference}</Link>.
          </>
        )}
      </p>
      <FormError message={add.error ?? cases.error} />
    </div>
  );
}
