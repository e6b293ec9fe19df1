import { useState } from 'react';
import { query } from '../../api';
import { useApi } from '../../use-api';
import { RevokeDecision } from '../revoke-decision';
import { ErrorMessage, Loading } from '../status';
import { Time } from '../time';
import type { LinkDecisionRow } from './types';

const TYPE_NAMES: Record<string, string> = {
  merge: 'Merge',
  split: 'Split',
  not_linked: 'Not linked',
  exclude: 'Exclusion',
};

function describe(d: LinkDecisionRow['decision']): string {
  const ids = Array.isArray(d.reportIds) ? d.reportIds.length : undefined;
  if (d.type === 'exclude' && typeof d.kind === 'string' && typeof d.value === 'string')
    return `${d.kind} ${d.value}`;
  if (d.type === 'not_linked' && typeof d.a === 'string' && typeof d.b === 'string')
    return `reports ${d.a.slice(0, 8)} and ${d.b.slice(0, 8)}`;
  return ids === undefined ? '' : `${ids} reports`;
}

/** Analysts' decisions that touch this operation, each revocable. */
export function Decisions({ operationId }: { operationId: string }) {
  const list = useApi<{ decisions: LinkDecisionRow[] }>(`/api/link-decisions${query({ operationId })}`);
  const [notice, setNotice] = useState<string | undefined>();
  const revoked = (id: string) => {
    setNotice(`Decision ${id} revoked; the next recluster no longer honours it.`);
    list.reload();
  };
  if (list.error) return <ErrorMessage message={list.error} onRetry={list.reload} />;
  if (!list.data) return <Loading what="decisions" />;
  const rows = list.data.decisions;
  return (
    <div>
      <p aria-live="polite" className="op-notice">
        {notice}
      </p>
      {rows.length === 0 ? (
        <p className="muted">No analyst decisions touch this operation.</p>
      ) : (
        <table>
          <caption className="visually-hidden">Decisions affecting this operation</caption>
          <thead>
            <tr>
              <th scope="col">Decision</th>
              <th scope="col">What</th>
              <th scope="col">By</th>
              <th scope="col">Reason</th>
              <th scope="col">When</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => (
              <tr key={d.id}>
                <td>{TYPE_NAMES[d.type] ?? d.type}</td>
                <td className="op-value">{describe(d.decision)}</td>
                <td>{d.author ?? '—'}</td>
                <td>{d.reason ?? '—'}</td>
                <td>
                  <Time value={d.createdAt} withTime />
                </td>
                <td>
                  {d.revokedAt ? (
                    <span className="muted">
                      Revoked <Time value={d.revokedAt} />
                    </span>
                  ) : (
                    <RevokeDecision
                      decisionId={d.id}
                      label={`Revoke decision ${d.id}`}
                      onRevoked={() => revoked(d.id)}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
