import { useState } from 'react';
import { api } from '../api';
import { ErrorMessage } from './status';
import { useAction } from './use-action';

/**
 * Revokes an analyst's link decision (DELETE /api/link-decisions/:id) after a second, confirming click, so
 * one stray click does not undo a merge, a split or an exclusion. `label` names the decision for screen
 * readers.
 */
export function RevokeDecision({
  decisionId,
  label,
  onRevoked,
}: {
  decisionId: string;
  label: string;
  onRevoked(): void;
}) {
  const [confirming, setConfirming] = useState(false);
  const revoke = useAction(async () => {
    await api(`/api/link-decisions/${decisionId}`, { method: 'DELETE' });
    return true;
  });
  const confirm = async () => {
    const done = await revoke.run();
    setConfirming(false);
    if (done) onRevoked();
  };
  return (
    <>
      {confirming ? (
        <span className="actions tight">
          <button type="button" className="danger" disabled={revoke.busy} onClick={() => void confirm()}>
            Confirm revoke
          </button>
          <button type="button" className="secondary" onClick={() => setConfirming(false)}>
            Keep
          </button>
        </span>
      ) : (
        <button type="button" className="secondary" aria-label={label} onClick={() => setConfirming(true)}>
          Revoke
        </button>
      )}
      {revoke.error && <ErrorMessage message={revoke.error} />}
    </>
  );
}
