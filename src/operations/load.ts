import { type Kysely, sql } from 'kysely';
import type { LinkDecision } from '../link/decisions.js';
import type { LinkReport } from '../link/types.js';
import type { Database } from '../store/schema.js';

/** Reports as the linker sees them, oldest first, with the operation each had before. */
export interface LinkInput {
  reports: LinkReport[];
  previous: Array<string | undefined>;
  index: Map<string, number>;
  /** Reports come first; crawled pages (ids `crawl:<capture id>`) follow from this index on. */
  reportCount: number;
}

/** The prefix of a crawled page's id among the linker's nodes. */
export const CAPTURE_PREFIX = 'crawl:';

/**
 * Loads every current report (the latest version of each) with its indicators. Indicators are read in
 * one pass ordered by report, so a million reports stream without a query per report.
 */
export async function loadLinkInput(db: Kysely<Database>): Promise<LinkInput> {
  const rows = await sql<{ id: string; operationId: string | null }>`
    SELECT r.id, ro.operation_id
    FROM reports r
    LEFT JOIN report_operations ro ON ro.report_id = r.id
    WHERE NOT EXISTS (
      SELECT 1 FROM reports v WHERE v.supersedes = coalesce(r.supersedes, r.id) AND v.version > r.version)
    ORDER BY r.seq`.execute(db);
  const reports: LinkReport[] = [];
  const previous: Array<string | undefined> = [];
  const index = new Map<string, number>();
  for (const r of rows.rows) {
    index.set(r.id, reports.length);
    reports.push({ id: r.id, indicators: [] });
    previous.push(r.operationId ?? undefined);
  }
  const indicators = await sql<{ reportId: string; kind: string; value: string }>`
    SELECT DISTINCT report_id, kind, value FROM report_indicators`.execute(db);
  for (const x of indicators.rows) {
    const r = index.get(x.reportId);
    if (r !== undefined) reports[r]!.indicators.push({ kind: x.kind, value: x.value });
  }
  const reportCount = reports.length;
  // Crawled pages are nodes of the same graph: what a popup shows links the reports that led to it.
  // They do not vote on operation ids (operations are of reports).
  const captures = await sql<{ captureId: string; kind: string; value: string }>`
    SELECT capture_id, kind, value FROM crawl_indicators ORDER BY capture_id`.execute(db);
  for (const x of captures.rows) {
    const id = `${CAPTURE_PREFIX}${x.captureId}`;
    let r = index.get(id);
    if (r === undefined) {
      r = reports.length;
      index.set(id, r);
      reports.push({ id, indicators: [] });
      previous.push(undefined);
    }
    reports[r]!.indicators.push({ kind: x.kind, value: x.value });
  }
  return { reports, previous, index, reportCount };
}

/** The analysts' decisions in force, oldest first. */
export async function loadDecisions(db: Kysely<Database>): Promise<LinkDecision[]> {
  const rows = await db
    .selectFrom('linkDecisions')
    .select(['decision'])
    .where('revokedAt', 'is', null)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.decision as unknown as LinkDecision);
}
