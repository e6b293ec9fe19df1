import { useState } from 'react';
import { api } from '../../api';
import { formatCount } from '../../components/format';
import { ErrorMessage } from '../../components/status';
import { useAction } from '../../components/use-action';
import type { AuditVerdict } from './types';

/** What the check found: intact (rows and head hash), or the first broken row and why. */
function Verdict({ verdict: v }: { verdict: AuditVerdict }) {
  if (v.ok && !v.broken)
    return (
      <p className="notice">
        <strong>Chain intact</strong>: {formatCount(v.rows)} rows; head row #{v.head.seq}, hash{' '}
        <span className="mono">{v.head.hash}</span>. Keep this hash elsewhere to notice a cut-off tail later.
      </p>
    );
  return (
    <div className="error-box">
      <p>
        <strong>Chain broken</strong>
        {v.broken && (
          <>
            {' '}
            at row #{v.broken.seq}: {v.broken.reason}
          </>
        )}
        . The last good row is #{v.head.seq} (hash <span className="mono">{v.head.hash}</span>), after{' '}
        {formatCount(v.rows)} rows.
      </p>
    </div>
  );
}

/** Checks the hash chain of the whole audit log on request and says what it found. */
export function VerifyChain() {
  const [verdict, setVerdict] = useState<AuditVerdict | undefined>();
  const verify = useAction(() => api<AuditVerdict>('/api/audit/verify'));
  const run = async () => {
    setVerdict(undefined);
    setVerdict(await verify.run());
  };
  return (
    <div className="verify-chain">
      <button type="button" disabled={verify.busy} onClick={() => void run()}>
        {verify.busy ? 'Verifying…' : 'Verify chain'}
      </button>
      <div role="status">{verdict && <Verdict verdict={verdict} />}</div>
      {verify.error && <ErrorMessage message={verify.error} />}
    </div>
  );
}
