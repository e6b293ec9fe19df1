import { type Kysely, sql } from 'kysely';
import { NotFoundError } from '../core/errors.js';
import { type CappedTotal, cappedCount } from '../store/counts.js';
import type { Database } from '../store/schema.js';

/** Which reports the queue shows: not yet reviewed, reviewed one way or the other, or every one. */
export type TriageStatus = 'new' | 'confirmed' | 'not_scam' | 'all';

/** An analyst's verdict on a report. */
export type ReviewStatus = 'confirmed' | 'not_scam';

/** One report in the triage queue: what the machine read in it, and the latest review. */
export interface TriageReport {
  id: string;
  externalId: string | null;
  receivedAt: Date;
  submittedAt: Date | null;
  channel: string | null;
  victimCountry: string | null;
  language: string | null;
  narrative: string | null;
  triageScore: number;
  severity: string;
  isTss: boolean;
  reasons: string[];
  severityReasons: string[];
  brands: string[];
  paymentMethods: string[];
  remoteTools: string[];
  losses: Array<{ currency: string; value: number }>;
  indicators: Array<{
    kind: string;
    value: string;
    raw: string;
    field: string;
    start: number | null;
    end: number | null;
  }>;
  operationId: string | null;
  review: { status: ReviewStatus; author: string | null; note: string | null; createdAt: Date } | null;
}

/**
 * A page of processed reports, highest triage score first, then newest (one index walk:
 * report_extractions_queue_idx). `new` are those nobody has reviewed; `confirmed` and `not_scam` those
 * whose latest review says so.
 */
export async function triageQueue(
  db: Kysely<Database>,
  q: { status: TriageStatus; limit: number; offset: number },
): Promise<CappedTotal & { reports: TriageReport[] }> {
  const order = sql`ORDER BY e.triage_score DESC, e.reported_at DESC NULLS LAST, e.report_id`;
  const page = sql`LIMIT ${q.limit} OFFSET ${q.offset}`;
  const latest = sql`(SELECT DISTINCT ON (report_id) report_id, status FROM report_reviews ORDER BY report_id, id DESC)`;
  const matching =
    q.status === 'new'
      ? sql`SELECT e.report_id FROM report_extractions e
            WHERE NOT EXISTS (SELECT 1 FROM report_reviews v WHERE v.report_id = e.report_id)`
      : q.status === 'all'
        ? sql`SELECT e.report_id FROM report_extractions e`
        : sql`SELECT e.report_id FROM ${latest} l JOIN report_extractions e ON e.report_id = l.report_id
              WHERE l.status = ${q.status}`;
  const rows = await sql<{ reportId: string }>`${matching} ${order} ${page}`.execute(db);
  const counted = await cappedCount(db, matching);
  return {
    ...counted,
    reports: await triageReports(
      db,
      rows.rows.map((r) => r.reportId),
    ),
  };
}

/** The queue's view of the given reports, in the order given. */
export async function triageReports(db: Kysely<Database>, ids: string[]): Promise<TriageReport[]> {
  if (ids.length === 0) return [];
  const rows = await sql<
    Omit<TriageReport, 'reasons' | 'severityReasons' | 'indicators' | 'review'> & {
      triage: { reasons?: string[]; severityReasons?: string[] } | null;
      reviewStatus: ReviewStatus | null;
      reviewAuthor: string | null;
      reviewNote: string | null;
      reviewedAt: Date | null;
    }
  >`
    SELECT r.id, r.external_id, r.received_at, r.submitted_at, coalesce(r.channel, e.channel) AS channel,
           r.victim_country, coalesce(e.language, r.language) AS language, r.input->>'narrative' AS narrative,
           e.triage_score, e.severity, e.is_tss, e.result->'triage' AS triage, e.brands, e.payment_methods,
           e.remote_tools, e.losses, ro.operation_id, v.status AS review_status, v.author AS review_author,
           v.note AS review_note, v.created_at AS reviewed_at
    FROM reports r
    JOIN report_extractions e ON e.report_id = r.id
    LEFT JOIN report_operations ro ON ro.report_id = r.id
    LEFT JOIN LATERAL (SELECT status, author, note, created_at FROM report_reviews
                       WHERE report_id = r.id ORDER BY id DESC LIMIT 1) v ON true
    WHERE r.id = ANY(${ids}::uuid[])`.execute(db);
  const indicators = await sql<TriageReport['indicators'][number] & { reportId: string }>`
    SELECT report_id, kind, value, raw, field, start_pos AS start, end_pos AS "end"
    FROM report_indicators WHERE report_id = ANY(${ids}::uuid[]) ORDER BY report_id, id`.execute(db);
  const byReport = new Map<string, TriageReport['indicators']>();
  for (const { reportId, ...x } of indicators.rows) {
    const list = byReport.get(reportId) ?? [];
    list.push(x);
    byReport.set(reportId, list);
  }
  const byId = new Map(rows.rows.map((r) => [r.id, r]));
  return ids
    .map((id) => byId.get(id))
    .filter((r) => r !== undefined)
    .map(({ triage, reviewStatus, reviewAuthor, reviewNote, reviewedAt, ...r }) => ({
      ...r,
      reasons: triage?.reasons ?? [],
      severityReasons: triage?.severityReasons ?? [],
      indicators: byReport.get(r.id) ?? [],
      review: reviewStatus
        ? { status: reviewStatus, author: reviewAuthor, note: reviewNote, createdAt: reviewedAt! }
        : null,
    }));
}

/** Records an analyst's review of a report (the latest counts; the report itself never changes). */
export async function reviewReport(
  db: Kysely<Database>,
  reportId: string,
  review: { status: ReviewStatus; author: string | null; note: string | null },
): Promise<{ reportId: string; status: ReviewStatus }> {
  const known = await db.selectFrom('reports').select('id').where('id', '=', reportId).executeTakeFirst();
  if (!known) throw new NotFoundError(`no report ${reportId}`);
  await db
    .insertInto('reportReviews')
    .values({ reportId, status: review.status, author: review.author, note: review.note })
    .execute();
  return { reportId, status: review.status };
}
