import { type Kysely, sql } from 'kysely';
import type { Database } from '../store/schema.js';
import type { Interpretation } from './interpret.js';

/** Where and when a value was seen: in how many reports (per operation), and on how many crawled pages. */
export interface Sighting {
  kind: string;
  value: string;
  reports: number;
  firstSeen: Date | null;
  lastSeen: Date | null;
  /** Crawled pages that showed it, and how many of them are scams (latest label, else the verdict). */
  pages: number;
  scamPages: number;
  /** The operations whose reports carry it, with how many of their reports do. */
  operations: Array<{ operationId: string; reports: number }>;
}

interface OperationHolding {
  kind: string;
  value: string;
  operationId: string;
  holders: number;
  viewFirst: Date | null;
  viewLast: Date | null;
}

const key = (kind: string, value: string) => `${kind}\u0000${value}`;

/**
 * Looks values up in summaries, not in reports, so a value held by fifty thousand reports costs what one
 * held by five does: value_operations gives the operations holding a value and how many reports and pages
 * hold it there (exact, kept by triggers), operation_indicators its first and last report time per
 * operation (written with each summary). Only operations not summarised yet are read live. Values nobody
 * saw are absent from the answer.
 */
export async function sightings(db: Kysely<Database>, wanted: Interpretation[]): Promise<Sighting[]> {
  if (wanted.length === 0) return [];
  const q = sql`(SELECT * FROM unnest(${wanted.map((w) => w.kind)}::text[], ${wanted.map((w) => w.value)}::text[]) AS q(kind, value))`;
  const holdings = await sql<OperationHolding>`
    SELECT q.kind, q.value, vo.operation_id, vo.holders, oi.first_seen AS view_first, oi.last_seen AS view_last
    FROM ${q} q JOIN value_operations vo ON vo.kind = q.kind AND vo.value = q.value
    LEFT JOIN operation_indicators oi
      ON oi.operation_id = vo.operation_id AND oi.kind = q.kind AND oi.value = q.value`.execute(db);
  const pages = await sql<{
    kind: string;
    value: string;
    operationId: string | null;
    pages: string;
    scam: string;
  }>`
    SELECT q.kind, q.value, c.operation_id, count(*) AS pages,
           count(*) FILTER (WHERE coalesce(
             (SELECT l.label FROM page_labels l WHERE l.capture_id = c.id ORDER BY l.id DESC LIMIT 1),
             c.verdict) = 'scam') AS scam
    FROM ${q} q JOIN crawl_indicators ci ON ci.kind = q.kind AND ci.value = q.value
    JOIN crawl_captures c ON c.id = ci.capture_id
    GROUP BY 1, 2, 3`.execute(db);

  const found = new Map<string, Sighting>();
  const sightingOf = (kind: string, value: string) => {
    let s = found.get(key(kind, value));
    if (!s) {
      s = {
        kind,
        value,
        reports: 0,
        firstSeen: null,
        lastSeen: null,
        pages: 0,
        scamPages: 0,
        operations: [],
      };
      found.set(key(kind, value), s);
    }
    return s;
  };
  const pagesInOperation = new Map<string, number>();
  for (const p of pages.rows) {
    const s = sightingOf(p.kind, p.value);
    s.pages += Number(p.pages);
    s.scamPages += Number(p.scam);
    if (p.operationId) pagesInOperation.set(key(key(p.kind, p.value), p.operationId), Number(p.pages));
  }
  const unsummarised: OperationHolding[] = [];
  const widen = (s: Sighting, first: Date, last: Date) => {
    if (!s.firstSeen || first < s.firstSeen) s.firstSeen = first;
    if (!s.lastSeen || last > s.lastSeen) s.lastSeen = last;
  };
  for (const h of holdings.rows) {
    // Holders are reports and crawled pages of the operation; the pages were counted above.
    const reports = h.holders - (pagesInOperation.get(key(key(h.kind, h.value), h.operationId)) ?? 0);
    if (reports <= 0) continue;
    const s = sightingOf(h.kind, h.value);
    s.reports += reports;
    s.operations.push({ operationId: h.operationId, reports });
    if (h.viewFirst && h.viewLast) widen(s, h.viewFirst, h.viewLast);
    else unsummarised.push(h);
  }
  if (unsummarised.length > 0) {
    const live = await sql<{ kind: string; value: string; first: Date; last: Date }>`
      SELECT ri.kind, ri.value, min(coalesce(r.submitted_at, r.received_at)) AS first,
             max(coalesce(r.submitted_at, r.received_at)) AS last
      FROM unnest(${unsummarised.map((h) => h.kind)}::text[], ${unsummarised.map((h) => h.value)}::text[],
                  ${unsummarised.map((h) => h.operationId)}::text[]) AS q(kind, value, operation_id)
      JOIN report_indicators ri ON ri.kind = q.kind AND ri.value = q.value
      JOIN report_operations ro ON ro.report_id = ri.report_id AND ro.operation_id = q.operation_id
      JOIN reports r ON r.id = ri.report_id
      GROUP BY 1, 2`.execute(db);
    for (const l of live.rows) widen(sightingOf(l.kind, l.value), l.first, l.last);
  }
  for (const s of found.values()) s.operations.sort((a, b) => b.reports - a.reports);
  return wanted.map((w) => found.get(key(w.kind, w.value))).filter((s) => s !== undefined);
}
