import { useState } from 'react';
import { api } from '../../api';
import { IndicatorChip } from '../../components/indicator-chip';
import { ErrorMessage } from '../../components/status';
import { Time } from '../../components/time';
import { useAction } from '../../components/use-action';
import type { ExclusionDecision } from './types';

/** Analysts' exclusions with who, when and why; each can be revoked after a second confirming click. */
export function DecisionsTable({
  decisions,
  onRevoked,
}: {
  decisions: readonly ExclusionDecision[];
  onRevoked(decision: ExclusionDecision): void;
}) {
  const [confirming, setConfirming] = useState<string | undefined>();
  const revoke = useAction(async (d: ExclusionDecision) => {
    await api(`/api/link-decisions/${d.id}`, { method: 'DELETE' });
    return d;
  });
  const run = async (d: ExclusionDecision) => {
    const done = await revoke.run(d);
    if (done) {
      setConfirming(undefined);
      onRevoked(done);
    }
  };
  return (
    <>
      {revoke.error && <ErrorMessage message={revoke.error} />}
      <table className="dense">
        <caption className="visually-hidden">Exclusions decided by analysts</caption>
        <thead>
          <tr>
            <th scope="col">Value</th>
            <th scope="col">List</th>
            <th scope="col">Reason</th>
            <th scope="col">By</th>
            <th scope="col">When</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {decisions.map((d) => (
            <tr key={d.id}>
              <td>
                <IndicatorChip kind={d.kind} value={d.value} />
              </td>
              <td>{d.mode ?? 'block'}</td>
              <td>{d.reason || <span className="muted">—</span>}</td>
              <td>{d.author ?? <span className="muted">—</span>}</td>
              <td className="nowrap">
                <Time value={d.createdAt} />
              </td>
              <td className="nowrap">
                {confirming === d.id ? (
                  <span className="actions tight">
                    <button
                      type="button"
                      className="danger"
                      disabled={revoke.busy}
                      onClick={() => void run(d)}
                    >
                      Confirm revoke
                    </button>
                    <button type="button" className="secondary" onClick={() => setConfirming(undefined)}>
                      Keep
                    </button>
                  </span>
                ) : (
                  <button
                    type="button"
                    className="secondary"
                    aria-label={`Revoke exclusion of ${d.value}`}
                    onClick={() => setConfirming(d.id)}
                  >
                    Revoke
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
