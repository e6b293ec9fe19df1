import { type Kysely, sql } from 'kysely';
import { commonValueEntries, type IndicatorKind, normaliseIndicator } from '../core/indicator-kinds.js';
import { previewExclusion as previewSplits } from '../link/exclusion-preview.js';
import { DEFAULT_LINK_POLICY, type LinkReport } from '../link/types.js';
import type { Database } from '../store/schema.js';
import { CAPTURE_PREFIX, loadDecisions } from './load.js';
import { suppressionFor } from './suppress.js';

/** The most reports an exclusion preview reclusters (the operations holding the value, largest share first). */
export const PREVIEW_MAX_REPORTS = 50_000;

/** What never links: the shipped list (block / inform) and the exclusions analysts made and did not revoke. */
export async function listExclusions(db: Kysely<Database>) {
  const registry = commonValueEntries().map((e) => ({
    kind: e.kind,
    value: e.value,
    mode: e.mode,
    match: e.match,
    reason: e.reason,
    source: 'built-in' as const,
  }));
  const rows = await sql<{
    id: string;
    kind: string;
    value: string;
    mode: 'block' | 'inform';
    reason: string | null;
    author: string | null;
    createdAt: Date;
  }>`
    SELECT id::text AS id, decision->>'kind' AS kind, decision->>'value' AS value,
           coalesce(decision->>'mode', 'block') AS mode, reason, author, created_at
    FROM link_decisions WHERE decision->>'type' = 'exclude' AND revoked_at IS NULL ORDER BY id DESC`.execute(
    db,
  );
  return { registry, decisions: rows.rows };
}

/** A preview's answer: reports holding the value, and how each operation holding it would split. */
export interface ExclusionPreview {
  kind: IndicatorKind;
  /** The value as stored (normalised). */
  value: string;
  reports: number;
  operations: Array<{ id: string; reportCount: number; holding: number; before: number[]; after: number[] }>;
  /** Operations left out to keep the work bounded (PREVIEW_MAX_REPORTS). */
  truncated: boolean;
  notPreviewed: Array<{ id: string; reportCount: number; holding: number }>;
}

/**
 * Previews an exclusion for real: the reports of the operations holding the value (and the crawled pages
 * in them) are clustered again with and without it, honouring every decision in force and the global
 * frequency cap, so `after` is what the next recluster would make of them. Bounded to PREVIEW_MAX_REPORTS.
 */
export async function previewExclusion(
  db: Kysely<Database>,
  kind: IndicatorKind,
  typed: string,
): Promise<ExclusionPreview> {
  const value = normaliseIndicator(kind, typed) ?? typed.trim();
  const holders = await sql<{ id: string; reportCount: number; holding: string }>`
    SELECT o.id, o.report_count, count(DISTINCT ri.report_id) AS holding
    FROM report_indicators ri JOIN report_operations ro ON ro.report_id = ri.report_id
    JOIN operations o ON o.id = ro.operation_id
    WHERE ri.kind = ${kind} AND ri.value = ${value}
    GROUP BY 1, 2 ORDER BY 3 DESC, 2 DESC, 1`.execute(db);
  const held = await sql<{ n: string }>`
    SELECT count(DISTINCT report_id) AS n FROM report_indicators WHERE kind = ${kind} AND value = ${value}`.execute(
    db,
  );
  const chosen: typeof holders.rows = [];
  const notPreviewed: ExclusionPreview['notPreviewed'] = [];
  let budget = PREVIEW_MAX_REPORTS;
  for (const h of holders.rows) {
    if (h.reportCount <= budget) {
      chosen.push(h);
      budget -= h.reportCount;
    } else notPreviewed.push({ id: h.id, reportCount: h.reportCount, holding: Number(h.holding) });
  }
  const splits =
    chosen.length > 0
      ? await splitsOf(
          db,
          chosen.map((c) => c.id),
          { kind, value },
        )
      : new Map();
  return {
    kind,
    value,
    reports: Number(held.rows[0]?.n ?? 0),
    operations: chosen.map((c) => ({
      id: c.id,
      reportCount: c.reportCount,
      holding: Number(c.holding),
      before: splits.get(c.id)?.before ?? [],
      after: splits.get(c.id)?.after ?? [],
    })),
    truncated: notPreviewed.length > 0,
    notPreviewed,
  };
}

async function splitsOf(db: Kysely<Database>, ops: string[], excluded: { kind: string; value: string }) {
  const members = await sql<{ reportId: string; operationId: string }>`
    SELECT report_id, operation_id FROM report_operations WHERE operation_id = ANY(${ops}) ORDER BY report_id`.execute(
    db,
  );
  const reports: LinkReport[] = [];
  const operationOf: Array<string | null> = [];
  const index = new Map<string, number>();
  for (const m of members.rows) {
    index.set(m.reportId, reports.length);
    reports.push({ id: m.reportId, indicators: [] });
    operationOf.push(m.operationId);
  }
  const indicators = await sql<{ reportId: string; kind: string; value: string }>`
    SELECT DISTINCT ri.report_id, ri.kind, ri.value FROM report_operations ro
    JOIN report_indicators ri ON ri.report_id = ro.report_id WHERE ro.operation_id = ANY(${ops})`.execute(db);
  for (const x of indicators.rows) reports[index.get(x.reportId)!]!.indicators.push(x);
  const pages = await sql<{ captureId: string; kind: string; value: string }>`
    SELECT ci.capture_id, ci.kind, ci.value FROM crawl_captures c JOIN crawl_indicators ci ON ci.capture_id = c.id
    WHERE c.operation_id = ANY(${ops}) ORDER BY 1`.execute(db);
  for (const p of pages.rows) {
    const id = `${CAPTURE_PREFIX}${p.captureId}`;
    if (!index.has(id)) {
      index.set(id, reports.length);
      reports.push({ id, indicators: [] });
      operationOf.push(null);
    }
    reports[index.get(id)!]!.indicators.push({ kind: p.kind, value: p.value });
  }
  // The cap of the whole store, and the values over it there: a subset must not let them link.
  const total = await sql<{ n: string }>`SELECT count(*) AS n FROM report_operations`.execute(db);
  const policy = {
    ...DEFAULT_LINK_POLICY,
    minCap: Math.max(
      DEFAULT_LINK_POLICY.minCap,
      Math.floor(DEFAULT_LINK_POLICY.maxShare * Number(total.rows[0]!.n)),
    ),
  };
  const shared = new Map<string, { kind: string; value: string; n: number }>();
  for (const x of indicators.rows) {
    const k = `${x.kind}\u0000${x.value}`;
    const s = shared.get(k) ?? { kind: x.kind, value: x.value, n: 0 };
    s.n++;
    shared.set(k, s);
  }
  const candidates = [...shared.values()].filter((s) => s.n >= 2);
  const tooFrequent = new Set<string>();
  if (candidates.length > 0) {
    const rows = await sql<{ kind: string; value: string }>`
      SELECT q.kind, q.value FROM unnest(${candidates.map((c) => c.kind)}::text[], ${candidates.map((c) => c.value)}::text[]) AS q(kind, value)
      WHERE (SELECT count(DISTINCT report_id) FROM (SELECT ri.report_id FROM report_indicators ri
             WHERE ri.kind = q.kind AND ri.value = q.value LIMIT ${4 * policy.minCap}) t) > ${policy.minCap}`.execute(
      db,
    );
    for (const r of rows.rows) tooFrequent.add(`${r.kind}\u0000${r.value}`);
  }
  const decisions = await loadDecisions(db);
  const suppress = suppressionFor(decisions);
  return previewSplits(
    reports,
    operationOf,
    excluded,
    policy,
    (kind, value) =>
      tooFrequent.has(`${kind}\u0000${value}`)
        ? { mode: 'block', reason: 'too frequent' }
        : suppress(kind, value),
    decisions,
  );
}
