import { z } from 'zod';
import { storableText } from '../core/report-input.js';
import { TLP_LEVELS } from '../core/tlp.js';

/** A case's life: drafted, referred to an agency, verified by it, acted on, charged, tried, closed. */
export const CASE_STATUSES = [
  'draft',
  'referred',
  'verified',
  'action_taken',
  'charged',
  'trial',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Civil actions a team takes itself, beside the referral. */
export const ACTION_TYPES = [
  'cease_and_desist',
  'takedown_host',
  'takedown_registrar',
  'takedown_telco',
  'takedown_payment',
  'educational_letter',
] as const;
/** Where a civil action stands. */
export const ACTION_STATES = ['planned', 'sent', 'acknowledged', 'done', 'refused'] as const;
/** What came of a case. */
export const OUTCOME_TYPES = [
  'arrest',
  'premises_sealed',
  'charges',
  'conviction',
  'seizure',
  'takedown',
  'other',
] as const;
/** Where a task stands. */
export const TASK_STATES = ['open', 'done'] as const;
/** A victim's answer to being contacted about the case. */
export const CONSENT_STATES = ['unknown', 'given', 'refused', 'withdrawn'] as const;

export const operationId = z.string().regex(/^op-[0-9a-f]{10}$/, 'must be an operation id (op-…)');
const country = z
  .string()
  .regex(/^[A-Za-z]{2}$/, 'a two-letter country code (ISO 3166-1)')
  .transform((c) => c.toUpperCase());
const when = z.iso.datetime({ offset: true }).or(z.iso.date());

/** A new case. */
export const newCaseInput = z.strictObject({
  title: z.string().trim().pipe(storableText(200)),
  summary: storableText(20_000, 0).optional(),
  agency: z.string().trim().pipe(storableText(200)).optional(),
  jurisdictions: z.array(country).max(50).optional(),
  tlp: z.enum(TLP_LEVELS).optional(),
  assigneeId: z
    .string()
    .regex(/^\d{1,18}$/)
    .nullable()
    .optional(),
  operationIds: z.array(operationId).max(500).optional(),
});
export type NewCaseInput = z.infer<typeof newCaseInput>;

/** Changes to a case (status moves add a time-stamped entry). */
export const casePatchInput = z.strictObject({
  title: z.string().trim().pipe(storableText(200)).optional(),
  summary: storableText(20_000, 0).nullable().optional(),
  agency: z.string().trim().pipe(storableText(200)).nullable().optional(),
  jurisdictions: z.array(country).max(50).optional(),
  tlp: z.enum(TLP_LEVELS).optional(),
  status: z.enum(CASE_STATUSES).optional(),
  assigneeId: z
    .string()
    .regex(/^\d{1,18}$/)
    .nullable()
    .optional(),
});
export type CasePatch = z.infer<typeof casePatchInput>;

/** A note, task, civil action or outcome added to a case. */
export const caseEntryInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('note'), body: storableText(20_000) }),
  z.strictObject({
    kind: z.literal('task'),
    body: storableText(2_000),
    dueAt: when.optional(),
    state: z.enum(TASK_STATES).optional(),
  }),
  z.strictObject({
    kind: z.literal('action'),
    subtype: z.enum(ACTION_TYPES),
    target: storableText(500),
    body: storableText(20_000, 0).optional(),
    state: z.enum(ACTION_STATES).optional(),
    occurredAt: when.optional(),
  }),
  z.strictObject({
    kind: z.literal('outcome'),
    subtype: z.enum(OUTCOME_TYPES),
    body: storableText(20_000, 0).optional(),
    quantity: z.number().int().min(0).max(1_000_000).optional(),
    occurredAt: when.optional(),
  }),
]);
export type CaseEntryInput = z.infer<typeof caseEntryInput>;

/** A change to a task's or action's state, or its text. */
export const caseEntryPatchInput = z.strictObject({
  state: z.enum([...TASK_STATES, ...ACTION_STATES]).optional(),
  body: storableText(20_000, 0).optional(),
});
export type CaseEntryPatch = z.infer<typeof caseEntryPatchInput>;

/** A victim's declaration for a case and their consent to be contacted. */
export const declarationInput = z.strictObject({
  declaration: storableText(50_000, 0).optional(),
  consent: z.enum(CONSENT_STATES),
});
export type DeclarationInput = z.infer<typeof declarationInput>;
