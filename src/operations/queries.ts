import { type Kysely, sql } from 'kysely';
import { readableBy } from '../cases/markings.js';
import { NotFoundError } from '../core/errors.js';
import type { Tlp } from '../core/tlp.js';
import { freshness } from '../score/decay.js';
import { type CappedTotal, cappedCount } from '../store/counts.js';
import type { Database } from '../store/schema.js';
import { filterKey } from './filters.js';

/** Filters of the operation list. */
export interface OperationFilter {
  brand?: string | undefined;
  channel?: string | undefined;
  country?: string | undefined;
  paymentMethod?: string | undefined;
  /** Active on or after / before (ISO dates). */
  activeFrom?: string | undefined;
  activeTo?: string | undefined;
  /** Only operations a reader with this TLP ceiling may read. */
  tlpCeiling?: Tlp | undefined;
  limit: number;
  offset: number;
}

/** One row of the ranked list: the operation and its summary (priority components, profile). */
export interface OperationRow {
  id: string;
  reportCount: number;
  priority: number;
  firstSeen: Date | null;
  lastSeen: Date | null;
  pinned: boolean;
  /** Its reports changed since the summary (and the views written with it) were computed. */
  stale: boolean;
  summary: Record<string, unknown>;
}

/** Operations ranked by priority (fast movers first), filtered. */
export async function listOperations(
  db: Kysely<Database>,
  f: OperationFilter,
): Promise<CappedTotal & { rows: OperationRow[] }> {
  let q = db.selectFrom('operations');
  // The values an operation's profile lists, as keys under one GIN index (operations_filter_keys_idx).
  const keys = [
    f.brand && filterKey('brand', f.brand),
    f.channel && filterKey('channel', f.channel),
    f.paymentMethod && filterKey('payment', f.paymentMethod),
    f.country && filterKey('country', f.country.toUpperCase()),
  ].filter((k): k is string => Boolean(k));
  if (keys.length > 0) q = q.where(sql<boolean>`filter_keys @> ${keys}::text[]`);
  if (f.activeFrom) q = q.where('lastSeen', '>=', new Date(f.activeFrom));
  if (f.activeTo) q = q.where('firstSeen', '<=', new Date(f.activeTo));
  if (f.tlpCeiling) q = q.where(readableBy(f.tlpCeiling));
  const counted = await cappedCount(db, q.select(sql`1`.as('one')));
  const rows = await q
    .select(['id', 'reportCount', 'priority', 'firstSeen', 'lastSeen', 'pinned', 'stale', 'summary'])
    .orderBy('priority', 'desc')
    .orderBy('id')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { ...counted, rows };
}

/** One line of `dragnet operations --format ndjson` (DESIGN.md, "Operations export"). */
export interface OperationExport {
  id: string;
  reports: Array<{ id: string; externalId: string | null }>;
  priority: number;
  firstSeen: string | null;
  lastSeen: string | null;
  indicators: Array<{ kind: string; value: string; reportCount: number }>;
  victimCountries: Array<{ value: string; count: number }>;
  losses: Array<{ currency: string; value: number }>;
  profile: unknown;
}

/** Streams every operation in the export contract, highest priority first, in chunks. */
export async function* exportOperations(db: Kysely<Database>, chunk = 1000): AsyncGenerator<OperationExport> {
  for (let offset = 0; ; offset += chunk) {
    const ops = await db
      .selectFrom('operations')
      .select(['id', 'priority', 'firstSeen', 'lastSeen', 'summary'])
      .orderBy('priority', 'desc')
      .orderBy('id')
      .limit(chunk)
      .offset(offset)
      .execute();
    if (ops.length === 0) return;
    const ids = ops.map((o) => o.id);
    const reports = await sql<{ operationId: string; id: string; externalId: string | null }>`
      SELECT ro.operation_id, r.id, r.external_id FROM report_operations ro JOIN reports r ON r.id = ro.report_id
      WHERE ro.operation_id = ANY(${ids}) ORDER BY r.seq`.execute(db);
    const indicators = await sql<{ operationId: string; kind: string; value: string; n: string }>`
      SELECT ro.operation_id, ri.kind, ri.value, count(DISTINCT ri.report_id) AS n
      FROM report_operations ro JOIN report_indicators ri ON ri.report_id = ro.report_id
      WHERE ro.operation_id = ANY(${ids}) GROUP BY 1, 2, 3 ORDER BY 4 DESC, 2, 3`.execute(db);
    const byOp = new Map(
      ids.map((id) => [
        id,
        { reports: [] as OperationExport['reports'], indicators: [] as OperationExport['indicators'] },
      ]),
    );
    for (const r of reports.rows)
      byOp.get(r.operationId)?.reports.push({ id: r.id, externalId: r.externalId });
    for (const x of indicators.rows)
      byOp.get(x.operationId)?.indicators.push({ kind: x.kind, value: x.value, reportCount: Number(x.n) });
    for (const o of ops) {
      const s = o.summary as {
        profile?: {
          targets?: { victimCountries?: OperationExport['victimCountries'] };
          lossesByCurrency?: OperationExport['losses'];
        };
      };
      yield {
        id: o.id,
        reports: byOp.get(o.id)!.reports,
        priority: o.priority,
        firstSeen: o.firstSeen?.toISOString() ?? null,
        lastSeen: o.lastSeen?.toISOString() ?? null,
        indicators: byOp.get(o.id)!.indicators,
        victimCountries: s.profile?.targets?.victimCountries ?? [],
        losses: s.profile?.lossesByCurrency ?? [],
        profile: s.profile ?? null,
      };
    }
  }
}

/** The operation a report belongs to. */
export async function operationOfReport(db: Kysely<Database>, reportId: string): Promise<string> {
  const r = await db
    .selectFrom('reportOperations')
    .select('operationId')
    .where('reportId', '=', reportId)
    .executeTakeFirst();
  if (!r) throw new NotFoundError(`report ${reportId} is in no operation yet (not processed, or unknown)`);
  return r.operationId;
}

/** An operation with its summary, or NotFoundError. */
export async function operationDetail(db: Kysely<Database>, id: string): Promise<OperationRow> {
  const row = await db
    .selectFrom('operations')
    .select(['id', 'reportCount', 'priority', 'firstSeen', 'lastSeen', 'pinned', 'stale', 'summary'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError(`no operation ${id}`);
  return row;
}

/** A page of an operation's reports, newest first, with their triage. */
export async function operationReports(db: Kysely<Database>, id: string, limit: number, offset: number) {
  await operationDetail(db, id);
  const rows = await sql<{
    id: string;
    externalId: string | null;
    receivedAt: Date;
    submittedAt: Date | null;
    channel: string | null;
    victimCountry: string | null;
    triageScore: number | null;
    severity: string | null;
    narrative: string | null;
  }>`
    SELECT r.id, r.external_id, r.received_at, r.submitted_at, r.channel, r.victim_country,
           e.triage_score, e.severity, left(r.input->>'narrative', 280) AS narrative
    FROM report_operations ro JOIN reports r ON r.id = ro.report_id
    LEFT JOIN report_extractions e ON e.report_id = r.id
    WHERE ro.operation_id = ${id}
    ORDER BY coalesce(r.submitted_at, r.received_at) DESC, r.id
    LIMIT ${limit} OFFSET ${offset}`.execute(db);
  return rows.rows;
}

/**
 * A page of an operation's indicators, most reported first, with first and last seen, and how fresh each
 * still is at `now` (decay 0..1 and when it expires: phone numbers churn in days, wallets last a year).
 */
export async function operationIndicators(
  db: Kysely<Database>,
  id: string,
  limit: number,
  offset: number,
  now: Date = new Date(),
) {
  return indicatorsOf(db, await operationDetail(db, id), limit, offset, now);
}

/**
 * Operations larger than this are read from the views written with their summary even while a refresh
 * is pending (the worker refreshes every few seconds): counting them live takes seconds, and a call
 * centre that is reported every minute would be stale, and slow, most of the time. Smaller ones are
 * counted live until then, exact at once. The operation's `stale` flag says which figures are behind.
 */
export const LIVE_VIEW_LIMIT = 5_000;

/** True when an operation's pages are read from the views written with its summary. */
const readsStoredViews = (op: { stale: boolean; reportCount: number }) =>
  !op.stale || op.reportCount > LIVE_VIEW_LIMIT;

/** The indicators page of an operation already read (see readsStoredViews: stored or counted live). */
async function indicatorsOf(
  db: Kysely<Database>,
  op: OperationRow,
  limit: number,
  offset: number,
  now: Date,
) {
  const id = op.id;
  // Written with the summary: a row read, where counting a large operation's values takes seconds.
  const stored = readsStoredViews(op)
    ? await sql<{ kind: string; value: string; reportCount: string; firstSeen: Date; lastSeen: Date }>`
        SELECT kind, value, report_count, first_seen, last_seen FROM operation_indicators
        WHERE operation_id = ${id} ORDER BY report_count DESC, last_seen DESC, kind, value
        LIMIT ${limit} OFFSET ${offset}`.execute(db)
    : null;
  // A large operation born stale (a merge) has no stored values before its first summary.
  const rows =
    stored && (stored.rows.length > 0 || offset > 0 || !op.stale)
      ? stored
      : await sql<{ kind: string; value: string; reportCount: string; firstSeen: Date; lastSeen: Date }>`
    SELECT ri.kind, ri.value, count(DISTINCT ri.report_id) AS report_count,
           min(coalesce(r.submitted_at, r.received_at)) AS first_seen, max(coalesce(r.submitted_at, r.received_at)) AS last_seen
    FROM report_operations ro JOIN report_indicators ri ON ri.report_id = ro.report_id JOIN reports r ON r.id = ro.report_id
    WHERE ro.operation_id = ${id}
    GROUP BY 1, 2 ORDER BY 3 DESC, 5 DESC, 1, 2
    LIMIT ${limit} OFFSET ${offset}`.execute(db);
  return rows.rows.map((r) => ({
    ...r,
    reportCount: Number(r.reportCount),
    ...freshness(r.kind, r.lastSeen.getTime(), now.getTime()),
  }));
}

/** The graph's links are counted over at most this many of an operation's latest reports. */
export const GRAPH_SAMPLE_REPORTS = 5_000;

/**
 * The operation's graph, summarised on the server (never the whole graph): its most reported values as
 * nodes, with how many reports carry each, and edges between values that appear in the same reports,
 * weighted by how many. `expand` lists the reports carrying one value, a page at a time.
 */
export async function operationGraph(db: Kysely<Database>, id: string, nodes: number) {
  const op = await operationDetail(db, id);
  const linksFrom = { reports: Math.min(op.reportCount, GRAPH_SAMPLE_REPORTS), of: op.reportCount };
  const top = await indicatorsOf(db, op, nodes, 0, new Date());
  if (top.length === 0) return { nodes: [], edges: [], linksFrom };
  // Pairs are counted in JS, not in SQL: the planner cannot estimate a CTE's size and joined it to itself
  // by nested loop (4,500² rows: 9 s). A call centre's hundred thousand reports would take seconds to read; which values go together shows
  // as well in its latest reports (ids are time-ordered UUIDv7), so links are counted over those. Each of
  // them is read by its id, then matched with the top values in one hash join (OFFSET 0 and the
  // materialised CTE keep the planner from starting at the top values, each held by up to a hundred
  // thousand reports: 2.4 s at 1M reports; this way 60–80 ms over 5,000 reports on a loaded machine).
  const hits = await sql<{ n: number; reportId: string }>`
    WITH top AS (SELECT * FROM unnest(${top.map((t) => t.kind)}::text[], ${top.map((t) => t.value)}::text[])
                 WITH ORDINALITY AS t(kind, value, n)),
    latest AS (SELECT report_id FROM report_operations WHERE operation_id = ${id}
               ORDER BY report_id DESC LIMIT ${GRAPH_SAMPLE_REPORTS}),
    held AS MATERIALIZED (SELECT latest.report_id, ri.kind, ri.value FROM latest
                          CROSS JOIN LATERAL (SELECT kind, value FROM report_indicators ri
                                              WHERE ri.report_id = latest.report_id OFFSET 0) ri)
    SELECT DISTINCT top.n - 1 AS n, held.report_id FROM held
    JOIN top ON top.kind = held.kind AND top.value = held.value
    ORDER BY 2, 1`.execute(db);
  return {
    nodes: top.map((t, i) => ({ index: i, ...t })),
    edges: coOccurrences(hits.rows.map((h) => ({ node: Number(h.n), report: h.reportId }))),
    /** How many of the operation's reports the links were counted over (its latest). */
    linksFrom,
  };
}

/** Edges between nodes held by the same reports, weighted by how many (input sorted by report, then node). */
export function coOccurrences(
  hits: Array<{ node: number; report: string }>,
): Array<{ a: number; b: number; reports: number }> {
  const counts = new Map<number, number>();
  const STRIDE = 1 << 16;
  for (let lo = 0; lo < hits.length; ) {
    let hi = lo;
    while (hi < hits.length && hits[hi]!.report === hits[lo]!.report) hi++;
    for (let x = lo; x < hi; x++)
      for (let y = x + 1; y < hi; y++) {
        const key = hits[x]!.node * STRIDE + hits[y]!.node;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    lo = hi;
  }
  return [...counts]
    .map(([key, reports]) => ({ a: Math.floor(key / STRIDE), b: key % STRIDE, reports }))
    .sort((p, q) => p.a - q.a || p.b - q.b);
}

/** The reports of an operation that carry one value (expanding a graph node), a page at a time. */
export async function reportsWithValue(
  db: Kysely<Database>,
  id: string,
  kind: string,
  value: string,
  limit: number,
  offset: number,
) {
  const rows = await sql<{ id: string; externalId: string | null; receivedAt: Date }>`
    SELECT DISTINCT r.id, r.external_id, r.received_at FROM report_indicators ri
    JOIN report_operations ro ON ro.report_id = ri.report_id AND ro.operation_id = ${id}
    JOIN reports r ON r.id = ri.report_id
    WHERE ri.kind = ${kind} AND ri.value = ${value}
    ORDER BY r.received_at DESC, r.id LIMIT ${limit} OFFSET ${offset}`.execute(db);
  return rows.rows;
}
