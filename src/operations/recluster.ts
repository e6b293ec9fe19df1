import { type Kysely, sql } from 'kysely';
import { clusterReports } from '../link/cluster.js';
import { applyDecisions } from '../link/decisions.js';
import { assignOperationIds } from '../link/stable-ids.js';
import { DEFAULT_LINK_POLICY, type LinkPolicy } from '../link/types.js';
import type { Database } from '../store/schema.js';
import { CAPTURE_PREFIX, loadDecisions, loadLinkInput } from './load.js';
import { refreshSummaries } from './summaries.js';
import { suppressionFor } from './suppress.js';

/** Figures of one full recluster. */
export interface ReclusterStats {
  reports: number;
  operations: number;
  reassigned: number;
  keptApart: number;
  hubs: number;
  seconds: { load: number; cluster: number; write: number; summaries: number };
}

/**
 * Reclusters every report from scratch (`dragnet link --full`): the same answer incremental linking
 * approximates, with analysts' decisions applied and operation ids kept stable. Only reports whose
 * operation changed are rewritten.
 */
export async function recluster(
  db: Kysely<Database>,
  now: Date,
  policy: LinkPolicy = DEFAULT_LINK_POLICY,
  /** The moment priorities are computed for (default: now); a past date replays a simulated world. */
  scoreAsOf: Date = now,
): Promise<ReclusterStats> {
  const t0 = performance.now();
  const input = await loadLinkInput(db);
  const decisions = await loadDecisions(db);
  const t1 = performance.now();
  const clustering = clusterReports(input.reports, policy, suppressionFor(decisions));
  const decided = applyDecisions(
    clustering.cluster,
    input.index,
    decisions,
    clustering.graph,
    clustering.weights,
  );
  const ids = assignOperationIds(
    decided.cluster,
    decided.count,
    input.reports.map((r) => r.id),
    input.previous,
  );
  const t2 = performance.now();
  const changedReports: string[] = [];
  const changedOps: string[] = [];
  const withReports = new Uint8Array(decided.count);
  for (let i = 0; i < input.reportCount; i++) {
    const op = ids[decided.cluster[i]!]!;
    withReports[decided.cluster[i]!] = 1;
    if (input.previous[i] !== op) {
      changedReports.push(input.reports[i]!.id);
      changedOps.push(op);
    }
  }
  // A crawled page belongs to the operation of the reports it clusters with; alone, to none.
  const captureIds: string[] = [];
  const captureOps: Array<string | null> = [];
  for (let i = input.reportCount; i < input.reports.length; i++) {
    const k = decided.cluster[i]!;
    captureIds.push(input.reports[i]!.id.slice(CAPTURE_PREFIX.length));
    captureOps.push(withReports[k] ? ids[k]! : null);
  }
  const pinned = new Set<string>();
  for (const d of decisions) {
    if (d.type === 'merge' || d.type === 'split') {
      for (const id of d.reportIds) {
        const r = input.index.get(id);
        if (r !== undefined) pinned.add(ids[decided.cluster[r]!]!);
      }
    }
  }
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < changedReports.length; i += 20_000) {
      await sql`
        INSERT INTO report_operations (report_id, operation_id, assigned_at)
        SELECT unnest(${changedReports.slice(i, i + 20_000)}::uuid[]), unnest(${changedOps.slice(i, i + 20_000)}::text[]), ${now}
        ON CONFLICT (report_id) DO UPDATE SET operation_id = excluded.operation_id, assigned_at = excluded.assigned_at`.execute(
        trx,
      );
    }
    await sql`
      UPDATE crawl_captures SET operation_id = c.op
      FROM (SELECT unnest(${captureIds}::uuid[]) AS id, unnest(${captureOps}::text[]) AS op) c
      WHERE crawl_captures.id = c.id AND crawl_captures.operation_id IS DISTINCT FROM c.op`.execute(trx);
    const live = new Set(ids.filter((_, k) => withReports[k]));
    // Operations that lost or gained reports, and new ones, get their summaries recomputed.
    const touched = [
      ...new Set([
        ...changedOps,
        ...input.previous.filter((p): p is string => p !== undefined && !live.has(p)),
      ]),
    ];
    for (let i = 0; i < touched.length; i += 20_000) {
      const chunk = touched.slice(i, i + 20_000);
      await sql`
        INSERT INTO operations (id, created_at, updated_at, report_count, stale)
        SELECT unnest(${chunk}::text[]), ${now}, ${now}, 0, true
        ON CONFLICT (id) DO UPDATE SET stale = true`.execute(trx);
    }
    // Every live operation has its row, even one whose reports did not move (e.g. after an upgrade).
    const all = [...live];
    for (let i = 0; i < all.length; i += 20_000) {
      await sql`
        INSERT INTO operations (id, created_at, updated_at, report_count, stale)
        SELECT unnest(${all.slice(i, i + 20_000)}::text[]), ${now}, ${now}, 0, true
        ON CONFLICT (id) DO NOTHING`.execute(trx);
    }
    await sql`UPDATE operations SET pinned = (id = ANY(${[...pinned]}::text[]))`.execute(trx);
  });
  const t3 = performance.now();
  await refreshSummaries(db, scoreAsOf);
  const t4 = performance.now();
  const stats: ReclusterStats = {
    reports: input.reportCount,
    operations: withReports.reduce((a, b) => a + b, 0),
    reassigned: changedReports.length,
    keptApart: clustering.keptApart.length,
    hubs: clustering.hubs.length,
    seconds: {
      load: round((t1 - t0) / 1000),
      cluster: round((t2 - t1) / 1000),
      write: round((t3 - t2) / 1000),
      summaries: round((t4 - t3) / 1000),
    },
  };
  await db
    .insertInto('linkRuns')
    .values({
      kind: 'full',
      startedAt: new Date(now.getTime()),
      finishedAt: new Date(),
      stats: JSON.stringify(stats),
    })
    .execute();
  return stats;
}

const round = (x: number) => Math.round(x * 100) / 100;
