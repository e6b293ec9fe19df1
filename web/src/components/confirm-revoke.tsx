import { useState } from 'react';
import { api } from '../api';
import { ErrorMessage } from './status';
import { useAction } from './use-action';

/**
 * A "Revoke" button that sends DELETE `path` only after a second, confirming click, so one stray click
 * does not undo a decision or cut a partner off. `label` names what is revoked for screen readers.
 */
export function ConfirmRevoke({
  path,
  label,
  onRevoked,
}: {
  path: string;
  label: string;
  onRevoked(): void;
}) {
  const [confirming, setConfirming] = useState(false);
  const revoke = useAction(async () => {
    await api(path, { method: 'DELETE' });
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
