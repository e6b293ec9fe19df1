import { type Kysely, sql } from 'kysely';
import { commonNormalisedValue, type IndicatorKind } from '../core/indicator-kinds.js';
import { type Interpretation, interpretQuery } from '../search/interpret.js';
import type { Database } from '../store/schema.js';

/** What the public check looks up: what a victim can see of a scammer (never e-mails, names or accounts). */
export const CHECK_KINDS: ReadonlySet<IndicatorKind> = new Set(['phone', 'url', 'domain']);

/** What the public may know of one value: counts and dates only, never a report, a victim or an operation. */
export interface CheckResult {
  kind: IndicatorKind;
  value: string;
  /** Reported as a scam (at least one report), or shown on a crawled page judged a scam. */
  known: boolean;
  reports: number;
  firstSeen: string | null;
  lastSeen: string | null;
  crawledPages: number;
  crawledScam: number;
  /**
   * A well-known legitimate value (a brand's real support number or site): scammers name it, but it is
   * not theirs, so it is never "known" and its counts are not shown.
   */
  common: boolean;
}

/** The readings of a typed value the check answers for (phone numbers, URLs and domains only). */
export function checkInterpretations(query: string, country?: string): Interpretation[] {
  return interpretQuery(query, country).filter((i) => CHECK_KINDS.has(i.kind));
}

interface OperationHolding {
  kind: string;
  value: string;
  operationId: string;
  holders: number;
  viewReports: number | null;
  viewFirst: Date | null;
  viewLast: Date | null;
}

/**
 * Answers the check for each reading from summaries, not from reports: value_operations gives the
 * operations holding a value and how many reports and pages hold it there (exact, kept by triggers), and
 * operation_indicators its first and last report time per operation (written with each summary, so up to
 * one refresh behind). Only operations created since their last summary are read live. A domain counts the
 * reports that gave any URL on it, since the extractor records a URL's host as a domain too.
 */
export async function checkValues(db: Kysely<Database>, readings: Interpretation[]): Promise<CheckResult[]> {
  // A brand's own values are answered without reading anything: they are never "known".
  const wanted = readings.filter((w) => !commonNormalisedValue(w.kind, w.value));
  const common = (w: Interpretation): CheckResult => ({ ...emptyResult(w), common: true });
  if (wanted.length === 0) return readings.map(common);
  const q = sql`(SELECT * FROM unnest(${wanted.map((w) => w.kind)}::text[], ${wanted.map((w) => w.value)}::text[]) AS q(kind, value))`;
  const holdings = await sql<OperationHolding>`
    SELECT q.kind, q.value, vo.operation_id, vo.holders, oi.report_count AS view_reports,
           oi.first_seen AS view_first, oi.last_seen AS view_last
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

  const key = (kind: string, value: string) => `${kind}\u0000${value}`;
  const results = new Map(wanted.map((w) => [key(w.kind, w.value), emptyResult(w)]));
  const pagesInOperation = new Map<string, number>();
  for (const p of pages.rows) {
    const r = results.get(key(p.kind, p.value))!;
    r.crawledPages += Number(p.pages);
    r.crawledScam += Number(p.scam);
    if (p.operationId) pagesInOperation.set(key(key(p.kind, p.value), p.operationId), Number(p.pages));
  }
  const unsummarised: OperationHolding[] = [];
  const span = new Map<string, { first: number; last: number }>();
  const widen = (k: string, first: Date, last: Date) => {
    const s = span.get(k) ?? { first: Number.POSITIVE_INFINITY, last: Number.NEGATIVE_INFINITY };
    span.set(k, { first: Math.min(s.first, first.getTime()), last: Math.max(s.last, last.getTime()) });
  };
  for (const h of holdings.rows) {
    const k = key(h.kind, h.value);
    // Holders are reports and crawled pages of the operation; the pages were counted above.
    const reports = h.holders - (pagesInOperation.get(key(k, h.operationId)) ?? 0);
    if (reports <= 0) continue;
    results.get(k)!.reports += reports;
    if (h.viewFirst && h.viewLast) widen(k, h.viewFirst, h.viewLast);
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
    for (const l of live.rows) widen(key(l.kind, l.value), l.first, l.last);
  }
  return readings.map((w) => {
    const r = results.get(key(w.kind, w.value));
    if (!r) return common(w);
    const s = span.get(key(r.kind, r.value));
    if (s) {
      r.firstSeen = new Date(s.first).toISOString();
      r.lastSeen = new Date(s.last).toISOString();
    }
    return { ...r, known: r.reports > 0 || r.crawledScam > 0 };
  });
}

function emptyResult(w: Interpretation): CheckResult {
  return {
    kind: w.kind,
    value: w.value,
    known: false,
    reports: 0,
    firstSeen: null,
    lastSeen: null,
    crawledPages: 0,
    crawledScam: 0,
    common: false,
  };
}
