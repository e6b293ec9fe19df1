// The case vocabularies as the workbench shows them. The server's lists are in src/cases/case-input.ts,
// which pulls in zod and the report schema, so the browser keeps this copy with the labels.

/** A case's life, in order: the stepper's steps. */
export const CASE_STATUS_LABELS = {
  draft: 'Draft',
  referred: 'Referred',
  verified: 'Verified',
  action_taken: 'Action taken',
  charged: 'Charged',
  trial: 'Trial',
  closed: 'Closed',
} as const;

/** A case status the server knows. */
export type CaseStatus = keyof typeof CASE_STATUS_LABELS;

/** Every case status, in the order a case moves through them. */
export const CASE_STATUSES = Object.keys(CASE_STATUS_LABELS) as CaseStatus[];

/** Civil actions a team takes itself, beside the referral. */
export const ACTION_LABELS = {
  cease_and_desist: 'Cease and desist',
  takedown_host: 'Takedown request to a host',
  takedown_registrar: 'Takedown request to a registrar',
  takedown_telco: 'Takedown request to a telco',
  takedown_payment: 'Takedown request to a payment provider',
  educational_letter: 'Educational letter',
} as const;

/** Where a civil action stands. */
export const ACTION_STATES = ['planned', 'sent', 'acknowledged', 'done', 'refused'] as const;

/** What came of a case. */
export const OUTCOME_LABELS = {
  arrest: 'Arrests',
  premises_sealed: 'Premises sealed',
  charges: 'Charges',
  conviction: 'Convictions',
  seizure: 'Seizures',
  takedown: 'Takedowns',
  other: 'Other',
} as const;

/** A victim's answer to being contacted about the case. */
export const CONSENT_LABELS = {
  unknown: 'Not asked yet',
  given: 'Given',
  refused: 'Refused',
  withdrawn: 'Withdrawn',
} as const;

/** The label of a word from one of these lists; an unknown word is shown as it is, underscores as spaces. */
export function labelOf(labels: Record<string, string>, word: string | null | undefined): string {
  if (!word) return '—';
  return labels[word] ?? word.replace(/_/g, ' ');
}

/** The status after `status`, or undefined at the end (closed) or for an unknown status. */
export function nextStatus(status: string): CaseStatus | undefined {
  const i = CASE_STATUSES.indexOf(status as CaseStatus);
  return i < 0 ? undefined : CASE_STATUSES[i + 1];
}
