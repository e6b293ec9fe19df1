import { type Kysely, sql } from 'kysely';
import type { Database } from '../store/schema.js';
import type { Interpretation } from './interpret.js';

/** How many operations a match lists (the most concerned first). */
const OPERATIONS_PER_MATCH = 50;

/** A stored value that answers a search: where it was reported, when, and in which operations. */
export interface SearchMatch {
  kind: string;
  value: string;
  reportCount: number;
  firstSeen: Date | null;
  lastSeen: Date | null;
  /** Crawled pages that showed the value. */
  pages: number;
  /** Operations holding the value, with how many of their reports carry it (`reports`). */
  operations: Array<{ id: string; reportCount: number; priority: number; reports: number }>;
}

/** Looks every interpretation up in reports and crawled pages (index lookups on (kind, value)). */
export async function findValues(db: Kysely<Database>, wanted: Interpretation[]): Promise<SearchMatch[]> {
  if (wanted.length === 0) return [];
  const kinds = wanted.map((w) => w.kind);
  const values = wanted.map((w) => w.value);
  const wantedValues = sql`(SELECT * FROM unnest(${kinds}::text[], ${values}::text[]) AS q(kind, value))`;
  const hits = sql`(SELECT DISTINCT ri.kind, ri.value, ri.report_id FROM ${wantedValues} q
                    JOIN report_indicators ri ON ri.kind = q.kind AND ri.value = q.value)`;
  const reports = await sql<{ kind: string; value: string; n: string; first: Date; last: Date }>`
    SELECT h.kind, h.value, count(*) AS n, min(coalesce(r.submitted_at, r.received_at)) AS first,
           max(coalesce(r.submitted_at, r.received_at)) AS last
    FROM ${hits} h JOIN reports r ON r.id = h.report_id GROUP BY 1, 2`.execute(db);
  const operations = await sql<{
    kind: string;
    value: string;
    id: string;
    reports: string;
    reportCount: number;
    priority: number;
  }>`
    SELECT h.kind, h.value, o.id, count(*) AS reports, o.report_count, o.priority
    FROM ${hits} h JOIN report_operations ro ON ro.report_id = h.report_id
    JOIN operations o ON o.id = ro.operation_id
    GROUP BY 1, 2, 3 ORDER BY 4 DESC, o.priority DESC, 3`.execute(db);
  const pages = await sql<{ kind: string; value: string; n: string }>`
    SELECT ci.kind, ci.value, count(DISTINCT ci.capture_id) AS n FROM ${wantedValues} q
    JOIN crawl_indicators ci ON ci.kind = q.kind AND ci.value = q.value GROUP BY 1, 2`.execute(db);

  const key = (kind: string, value: string) => `${kind}\u0000${value}`;
  const matches = new Map<string, SearchMatch>();
  const matchOf = (kind: string, value: string) => {
    let m = matches.get(key(kind, value));
    if (!m) {
      m = { kind, value, reportCount: 0, firstSeen: null, lastSeen: null, pages: 0, operations: [] };
      matches.set(key(kind, value), m);
    }
    return m;
  };
  for (const r of reports.rows)
    Object.assign(matchOf(r.kind, r.value), {
      reportCount: Number(r.n),
      firstSeen: r.first,
      lastSeen: r.last,
    });
  for (const p of pages.rows) matchOf(p.kind, p.value).pages = Number(p.n);
  for (const o of operations.rows) {
    const m = matchOf(o.kind, o.value);
    if (m.operations.length < OPERATIONS_PER_MATCH)
      m.operations.push({
        id: o.id,
        reportCount: o.reportCount,
        priority: o.priority,
        reports: Number(o.reports),
      });
  }
  // In the order the query was read: the extractor's reading first.
  return wanted.map((w) => matches.get(key(w.kind, w.value))).filter((m) => m !== undefined);
}
