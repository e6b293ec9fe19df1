import { type Kysely, sql } from 'kysely';
import { NotFoundError } from '../core/errors.js';
import type { ReportInput } from '../core/report-input.js';
import type { Database } from '../store/schema.js';
import type { DeclarationInput } from './case-input.js';
import { caseOperations } from './cases.js';
import { redactNarrative } from './redact.js';

/** A victim of a case's operations as the case page lists them. */
export interface CaseVictim {
  reportId: string;
  externalId: string | null;
  operationId: string;
  reportedAt: Date;
  country: string | null;
  ageBand: string | null;
  channel: string | null;
  losses: Array<{ currency: string; value: number }>;
  paymentMethods: string[];
  /** What the report said about contact, and the declaration taken for this case. */
  consent: { lawEnforcementContact: boolean | null; partnerSharing: boolean | null };
  declaration: { text: string; consent: string; takenBy: string | null; takenAt: Date } | null;
  /** True when the victim may be contacted: they consented, and did not refuse or withdraw since. */
  mayContact: boolean;
  /** Name, e-mail and phone: only when `mayContact` (and the reader may see personal data). */
  contact: { name: string | null; email: string | null; phone: string | null } | null;
  /** The report's narrative with the victim's own identity blanked out (first 2,000 characters). */
  narrative: string | null;
}

/** Whether a victim may be contacted: a declaration's consent decides; else the report's own answer. */
export function mayContact(reportConsent: boolean | null | undefined, declared: string | null | undefined) {
  if (declared === 'given') return true;
  if (declared === 'refused' || declared === 'withdrawn') return false;
  return reportConsent === true;
}

/** The operation ids a case's reports are in today. */
export async function currentOperationIds(db: Kysely<Database>, caseId: string): Promise<string[]> {
  return [
    ...new Set(
      (await caseOperations(db, caseId)).map((o) => o.current).filter((x): x is string => x !== null),
    ),
  ];
}

interface VictimRow {
  reportId: string;
  externalId: string | null;
  operationId: string;
  reportedAt: Date;
  input: ReportInput;
  losses: Array<{ currency: string; value: number }> | null;
  paymentMethods: string[] | null;
  channel: string | null;
  declaration: string | null;
  declared: string | null;
  takenBy: string | null;
  takenAt: Date | null;
}

/** The victims of a case's operations, newest first (a page), with declarations and contact when allowed. */
export async function caseVictims(
  db: Kysely<Database>,
  caseId: string,
  q: { limit: number; offset: number; personalData: boolean },
): Promise<{ total: number; victims: CaseVictim[] }> {
  const ops = await currentOperationIds(db, caseId);
  if (ops.length === 0) return { total: 0, victims: [] };
  const total = await sql<{ n: string }>`
    SELECT count(*) AS n FROM report_operations WHERE operation_id = ANY(${ops})`.execute(db);
  const rows = await victimRows(db, caseId, ops, q.limit, q.offset);
  return { total: Number(total.rows[0]?.n ?? 0), victims: rows.map((r) => toVictim(r, q.personalData)) };
}

/** Rows of a case's victims, newest first. */
export async function victimRows(
  db: Kysely<Database>,
  caseId: string,
  ops: string[],
  limit: number,
  offset: number,
): Promise<VictimRow[]> {
  const rows = await sql<VictimRow>`
    SELECT r.id AS report_id, r.external_id, ro.operation_id, coalesce(r.submitted_at, r.received_at) AS reported_at,
           r.input, e.losses, e.payment_methods, coalesce(e.channel, r.channel) AS channel,
           v.declaration, v.consent AS declared, v.taken_by, v.taken_at
    FROM report_operations ro JOIN reports r ON r.id = ro.report_id
    LEFT JOIN report_extractions e ON e.report_id = r.id
    LEFT JOIN case_victims v ON v.case_id = ${caseId} AND v.report_id = r.id
    WHERE ro.operation_id = ANY(${ops})
    ORDER BY coalesce(r.submitted_at, r.received_at) DESC, r.id
    LIMIT ${limit} OFFSET ${offset}`.execute(db);
  return rows.rows;
}

/** A victim row as shown: contact details only when the victim may be contacted and the reader may see them. */
export function toVictim(r: VictimRow, personalData: boolean): CaseVictim {
  const v = r.input.victim ?? {};
  const consent = {
    lawEnforcementContact: r.input.consent?.lawEnforcementContact ?? null,
    partnerSharing: r.input.consent?.partnerSharing ?? null,
  };
  const contactable = mayContact(consent.lawEnforcementContact, r.declared);
  const narrative = r.input.narrative ? r.input.narrative.slice(0, 2000) : null;
  return {
    reportId: r.reportId,
    externalId: r.externalId,
    operationId: r.operationId,
    reportedAt: r.reportedAt,
    country: v.country?.toUpperCase() ?? null,
    ageBand: v.ageBand ?? null,
    channel: r.channel,
    losses: r.losses ?? [],
    paymentMethods: r.paymentMethods ?? [],
    consent,
    declaration:
      r.declared === null
        ? null
        : { text: r.declaration ?? '', consent: r.declared, takenBy: r.takenBy, takenAt: r.takenAt! },
    mayContact: contactable,
    contact:
      personalData && contactable
        ? { name: v.name ?? null, email: v.email ?? null, phone: v.phone ?? null }
        : null,
    narrative: narrative && (personalData && contactable ? narrative : redactNarrative(narrative, v)),
  };
}

/** Records (or replaces) a victim's declaration for a case and their consent to be contacted. */
export async function setDeclaration(
  db: Kysely<Database>,
  caseId: string,
  reportId: string,
  d: DeclarationInput,
  actor: string | null,
  now = new Date(),
): Promise<void> {
  const ops = await currentOperationIds(db, caseId);
  const inCase = await db
    .selectFrom('reportOperations')
    .select('reportId')
    .where('reportId', '=', reportId)
    .where('operationId', 'in', ops.length ? ops : [''])
    .executeTakeFirst();
  if (!inCase) throw new NotFoundError(`report ${reportId} is not a victim's report of case ${caseId}`);
  await db
    .insertInto('caseVictims')
    .values({
      caseId,
      reportId,
      declaration: d.declaration ?? '',
      consent: d.consent,
      takenBy: actor,
      takenAt: now,
      updatedAt: now,
    })
    .onConflict((oc) =>
      oc.columns(['caseId', 'reportId']).doUpdateSet({
        ...(d.declaration !== undefined ? { declaration: d.declaration } : {}),
        consent: d.consent,
        updatedAt: now,
      }),
    )
    .execute();
}
