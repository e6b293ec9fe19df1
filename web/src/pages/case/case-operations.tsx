import { type FormEvent, useId } from 'react';
import { Link } from 'react-router';
import { formatCount, formatNumber } from '../../components/format';
import { Empty, FormError, Notice } from '../../components/status';
import { Time } from '../../components/time';
import type { CaseOperation } from './types';
import { useCaseChange } from './use-case-change';

const OPERATION_ID = '\\s*op-[0-9a-f]{10}\\s*';

/** Where an operation's reports are now: the same place, another operation after a recluster, or gone. */
function Whereabouts({ op }: { op: CaseOperation }) {
  if (op.current === null) return <span className="badge gone">gone</span>;
  if (op.current === op.id) return <span className="muted">—</span>;
  return (
    <>
      now in{' '}
      <Link to={`/operations/${op.current}`} className="mono">
        {op.current}
      </Link>
    </>
  );
}

/** The case's operations (followed through reclusters), each removable, and a form to add one by id. */
export function CaseOperations({
  caseId,
  operations,
  onChanged,
}: {
  caseId: string;
  operations: readonly CaseOperation[];
  onChanged(): void;
}) {
  const id = useId();
  const change = useCaseChange(caseId, onChanged);
  const add = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const opId = String(new FormData(form).get('operation') ?? '').trim();
    if (!opId) return;
    const ok = await change.run({
      method: 'POST',
      path: '/operations',
      body: { operationIds: [opId] },
      done: `Added ${opId} to the case.`,
    });
    if (ok) form.reset();
  };
  return (
    <>
      {operations.length === 0 ? (
        <Empty>The case holds no operation yet.</Empty>
      ) : (
        <table className="dense">
          <caption className="visually-hidden">Operations of the case</caption>
          <thead>
            <tr>
              <th scope="col">Operation</th>
              <th scope="col">Now</th>
              <th scope="col" className="num">
                Reports
              </th>
              <th scope="col" className="num">
                Priority
              </th>
              <th scope="col">Added</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {operations.map((o) => (
              <tr key={o.id}>
                <td className="nowrap">
                  <Link to={`/operations/${o.id}`} className="mono">
                    {o.id}
                  </Link>
                </td>
                <td>
                  <Whereabouts op={o} />
                </td>
                <td className="num">{formatCount(o.reportCount)}</td>
                <td className="num">{formatNumber(o.priority, 1)}</td>
                <td className="nowrap">
                  <Time value={o.addedAt} /> {o.addedBy && <span className="muted">by {o.addedBy}</span>}
                </td>
                <td>
                  <button
                    type="button"
                    className="secondary small"
                    aria-label={`Remove ${o.id} from the case`}
                    disabled={change.busy}
                    onClick={() =>
                      void change.run({
                        method: 'DELETE',
                        path: `/operations/${o.id}`,
                        done: `Removed ${o.id} from the case.`,
                      })
                    }
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="op-inline-form case-add-op" aria-labelledby={`${id}-h`} onSubmit={(e) => void add(e)}>
        <h3 id={`${id}-h`}>Add an operation</h3>
        <label>
          Operation id
          <input
            name="operation"
            required
            placeholder="op-0123456789"
            pattern={OPERATION_ID}
            title="An operation id: op- and ten hexadecimal digits"
            autoComplete="off"
          />
        </label>
        <button type="submit" disabled={change.busy}>
          Add
        </button>
      </form>
      <Notice message={change.notice} />
      <FormError message={change.error} />
    </>
  );
}
