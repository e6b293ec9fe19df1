import { IndicatorChip } from '../../components/indicator-chip';
import { RevokeDecision } from '../../components/revoke-decision';
import { Time } from '../../components/time';
import type { ExclusionDecision } from './types';

/** Analysts' exclusions with who, when and why; each can be revoked after a second confirming click. */
export function DecisionsTable({
  decisions,
  onRevoked,
}: {
  decisions: readonly ExclusionDecision[];
  onRevoked(decision: ExclusionDecision): void;
}) {
  return (
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
              <RevokeDecision
                decisionId={d.id}
                label={`Revoke exclusion of ${d.value}`}
                onRevoked={() => onRevoked(d)}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
