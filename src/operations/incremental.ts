import { type Kysely, sql, type Transaction } from 'kysely';
import { getOrCreate } from '../core/collections.js';
import { operationIdFor } from '../link/stable-ids.js';
import { DEFAULT_LINK_POLICY, type LinkPolicy } from '../link/types.js';
import { baseWeight } from '../link/weights.js';
import type { Database } from '../store/schema.js';
import { loadDecisions } from './load.js';
import { suppressionFor } from './suppress.js';

/** Where one report went, and why. */
export interface IncrementalOutcome {
  reportId: string;
  operationId: string;
  action: 'new' | 'joined' | 'merged';
  /** Operations merged into `operationId` because of this report. */
  merged: string[];
}

/**
 * Links newly processed reports one by one into the existing operations, with the rules of the full
 * recluster: a report joins the operations its linking values point to; it merges operations only
 * when at most one of them is established (≥ `splitMinReports`) and none was shaped by an analyst;
 * otherwise it joins the one it shares most values with, and the full recluster weighs the evidence.
 */
export async function linkIncrementally(
  db: Kysely<Database>,
  reportIds: string[],
  now: Date,
  policy: LinkPolicy = DEFAULT_LINK_POLICY,
): Promise<IncrementalOutcome[]> {
  if (reportIds.length === 0) return [];
  const suppress = suppressionFor(await loadDecisions(db));
  const total = Number(
    (
      await db
        .selectFrom('reportOperations')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  const cap = Math.max(policy.minCap, Math.floor(policy.maxShare * total));
  const outcomes: IncrementalOutcome[] = [];
  for (const reportId of reportIds) outcomes.push(await linkOne(db, reportId, now, policy, suppress, cap));
  return outcomes;
}

function linkOne(
  db: Kysely<Database>,
  reportId: string,
  now: Date,
  policy: LinkPolicy,
  suppress: ReturnType<typeof suppressionFor>,
  cap: number,
): Promise<IncrementalOutcome> {
  // One linker at a time across every worker process: two reports bridging the same operations must
  // not each create or merge operations from a view the other is changing.
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(7405002)`.execute(trx);
    return linkOneLocked(trx, reportId, now, policy, suppress, cap);
  });
}

async function linkOneLocked(
  db: Transaction<Database>,
  reportId: string,
  now: Date,
  policy: LinkPolicy,
  suppress: ReturnType<typeof suppressionFor>,
  cap: number,
): Promise<IncrementalOutcome> {
  const own = await db
    .selectFrom('reportIndicators')
    .select(['kind', 'value'])
    .distinct()
    .where('reportId', '=', reportId)
    .execute();
  const linking = own.filter(
    (x) => baseWeight(x.kind, x.value, policy) >= policy.threshold && !suppress(x.kind, x.value),
  );
  const byOperation = new Map<string, Set<string>>();
  if (linking.length > 0) {
    const shared = await sql<{ kind: string; value: string; operationId: string; degree: string }>`
      WITH mine AS (SELECT unnest(${linking.map((x) => x.kind)}::text[]) AS kind, unnest(${linking.map((x) => x.value)}::text[]) AS value),
      hits AS (
        SELECT ri.kind, ri.value, ro.operation_id, count(*) OVER (PARTITION BY ri.kind, ri.value) AS degree
        FROM mine JOIN report_indicators ri ON ri.kind = mine.kind AND ri.value = mine.value
        JOIN report_operations ro ON ro.report_id = ri.report_id
        WHERE ri.report_id <> ${reportId})
      SELECT DISTINCT kind, value, operation_id, degree FROM hits`.execute(db);
    for (const h of shared.rows) {
      if (Number(h.degree) + 1 > cap) continue;
      getOrCreate(byOperation, h.operationId, () => new Set<string>()).add(`${h.kind}\u0000${h.value}`);
    }
  }
  {
    const trx = db;
    const current = await trx
      .selectFrom('reportOperations')
      .select('operationId')
      .where('reportId', '=', reportId)
      .executeTakeFirst();
    const candidates = [...byOperation.keys()].filter((op) => op !== current?.operationId);
    if (candidates.length === 0 && current)
      return { reportId, operationId: current.operationId, action: 'joined' as const, merged: [] };
    if (candidates.length === 0) {
      const id = operationIdFor(reportId);
      await assign(trx, reportId, id, now);
      await touch(trx, [id], now);
      return { reportId, operationId: id, action: 'new' as const, merged: [] };
    }
    const ops = await trx
      .selectFrom('operations')
      .select(['id', 'reportCount', 'pinned'])
      .where('id', 'in', candidates)
      .execute();
    ops.sort(
      (a, b) =>
        byOperation.get(b.id)!.size - byOperation.get(a.id)!.size ||
        b.reportCount - a.reportCount ||
        (a.id < b.id ? -1 : 1),
    );
    const established = ops.filter((o) => o.reportCount >= policy.splitMinReports);
    const target = established[0] ?? ops[0]!;
    const mergeable = ops.filter(
      (o) => o.id !== target.id && !o.pinned && o.reportCount < policy.splitMinReports,
    );
    const merged = established.length <= 1 && !target.pinned ? mergeable.map((o) => o.id) : [];
    if (merged.length > 0) {
      await trx
        .updateTable('reportOperations')
        .set({ operationId: target.id, assignedAt: now })
        .where('operationId', 'in', merged)
        .execute();
      await trx.deleteFrom('operations').where('id', 'in', merged).execute();
    }
    await assign(trx, reportId, target.id, now);
    await touch(trx, [target.id], now);
    return {
      reportId,
      operationId: target.id,
      action: merged.length > 0 ? ('merged' as const) : ('joined' as const),
      merged,
    };
  }
}

async function assign(db: Kysely<Database>, reportId: string, operationId: string, now: Date): Promise<void> {
  await db
    .insertInto('reportOperations')
    .values({ reportId, operationId, assignedAt: now })
    .onConflict((oc) => oc.column('reportId').doUpdateSet({ operationId, assignedAt: now }))
    .execute();
}

/** Creates or marks operations stale; their counts are kept current at once, summaries later. */
async function touch(db: Kysely<Database>, ids: string[], now: Date): Promise<void> {
  await sql`
    INSERT INTO operations (id, created_at, updated_at, report_count, stale)
    SELECT id, ${now}, ${now}, (SELECT count(*) FROM report_operations WHERE operation_id = id), true
    FROM unnest(${ids}::text[]) AS id
    ON CONFLICT (id) DO UPDATE SET stale = true, updated_at = excluded.updated_at, report_count = excluded.report_count`.execute(
    db,
  );
}
