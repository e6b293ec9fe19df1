import { ConfirmRevoke } from './confirm-revoke';

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
  return <ConfirmRevoke path={`/api/link-decisions/${decisionId}`} label={label} onRevoked={onRevoked} />;
}
