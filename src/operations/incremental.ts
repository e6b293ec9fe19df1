import { type Kysely, sql, type Transaction } from 'kysely';
import { getOrCreate } from '../core/collections.js';
import { blockNeighbourhood, inOneBlock } from '../link/blocks.js';
import { formedGroupSize } from '../link/contested.js';
import { facetOf } from '../link/facets.js';
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
 * when at most one of them is formed (≥ `splitMinReports`, or `formedGroupReports` when the report
 * shares only company names with it) and none was shaped by an analyst;
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
  const cap = await frequencyCap(db, policy);
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
  return underLinkLock(db, (trx) => linkOneLocked(trx, reportId, now, policy, suppress, cap));
}

/**
 * Runs `fn` in a transaction holding the linking lock. One linker at a time across every worker process
 * (and analysts' decisions wait too): two reports bridging the same operations must not each create or
 * merge operations from a view the other is changing.
 */
export function underLinkLock<T>(
  db: Kysely<Database>,
  fn: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(7405002)`.execute(trx);
    return fn(trx);
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
  const current = await db
    .selectFrom('reportOperations')
    .select('operationId')
    .where('reportId', '=', reportId)
    .executeTakeFirst();
  const byOperation = await operationsSharing(db, own, current?.operationId ?? null, policy, suppress, cap);
  const candidates = [...byOperation.keys()].filter((op) => op !== current?.operationId);
  if (candidates.length === 0 && current)
    return { reportId, operationId: current.operationId, action: 'joined' as const, merged: [] };
  const neighbour = candidates.length === 0 && !current ? await blockNeighbour(db, own, suppress) : null;
  if (neighbour) {
    await assign(db, reportId, neighbour, now);
    await touch(db, [[neighbour, 1]], now);
    return { reportId, operationId: neighbour, action: 'joined' as const, merged: [] };
  }
  if (candidates.length === 0) {
    const id = operationIdFor(reportId);
    await assign(db, reportId, id, now);
    await touch(db, [[id, 1]], now);
    return { reportId, operationId: id, action: 'new' as const, merged: [] };
  }
  const { target, merged, mergedReports } = await joinOrMerge(db, byOperation, candidates, now, policy);
  await assign(db, reportId, target, now);
  await touch(
    db,
    current
      ? [
          [target, 1 + mergedReports],
          [current.operationId, -1],
        ]
      : [[target, 1 + mergedReports]],
    now,
  );
  return {
    reportId,
    operationId: target,
    action: merged.length > 0 ? ('merged' as const) : ('joined' as const),
    merged,
  };
}

/**
 * Picks the operation a newcomer joins among those it shares values with (most shared values, then the
 * largest), and merges the others into it when at most one of them is formed (established, or of
 * `formedGroupReports` when it shares only company names with the newcomer) and none was shaped by an
 * analyst; otherwise the full recluster weighs the evidence.
 */
async function joinOrMerge(
  db: Transaction<Database>,
  byOperation: Map<string, Set<string>>,
  candidates: string[],
  now: Date,
  policy: LinkPolicy,
): Promise<{ target: string; merged: string[]; mergedReports: number }> {
  const ops = await db
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
  // As in the full recluster: an operation reached through names alone is formed from fewer reports.
  const formedAt = (id: string) =>
    [...byOperation.get(id)!].every((key) => facetOf(key.slice(0, key.indexOf('\u0000'))) === 'identity')
      ? formedGroupSize('identity', policy)
      : policy.splitMinReports;
  const formed = ops.filter((o) => o.reportCount >= formedAt(o.id));
  const mergeable = ops.filter((o) => o.id !== target.id && !o.pinned && o.reportCount < formedAt(o.id));
  const merged = formed.length <= 1 && !target.pinned ? mergeable.map((o) => o.id) : [];
  if (merged.length > 0) await mergeOperations(db, merged, target.id, now);
  const mergedReports = ops.filter((o) => merged.includes(o.id)).reduce((n, o) => n + o.reportCount, 0);
  return { target: target.id, merged, mergedReports };
}

/** Moves the reports and crawled pages of operations `from` into `into`, and deletes `from`. */
export async function mergeOperations(
  db: Transaction<Database>,
  from: string[],
  into: string,
  now: Date,
): Promise<void> {
  await db
    .updateTable('reportOperations')
    .set({ operationId: into, assignedAt: now })
    .where('operationId', 'in', from)
    .execute();
  await db.updateTable('crawlCaptures').set({ operationId: into }).where('operationId', 'in', from).execute();
  await db.deleteFrom('operations').where('id', 'in', from).execute();
}

/** Where one crawled page went: the operation it joined, or none when it shares nothing linking. */
export interface CaptureLinkOutcome {
  captureId: string;
  operationId: string | null;
  merged: string[];
}

/**
 * Links a crawled page into the operations by what it showed (its phone numbers, hosts, kit
 * fingerprints), with the rules reports follow. A page that shares nothing linking joins no operation:
 * operations are of reports, and a page alone is not one.
 */
export async function linkCapture(
  db: Kysely<Database>,
  captureId: string,
  now: Date,
  policy: LinkPolicy = DEFAULT_LINK_POLICY,
): Promise<CaptureLinkOutcome> {
  const suppress = suppressionFor(await loadDecisions(db));
  const cap = await frequencyCap(db, policy);
  return underLinkLock(db, async (trx) => {
    const own = await trx
      .selectFrom('crawlIndicators')
      .select(['kind', 'value'])
      .where('captureId', '=', captureId)
      .execute();
    const self = await trx
      .selectFrom('crawlCaptures')
      .select('operationId')
      .where('id', '=', captureId)
      .executeTakeFirst();
    const byOperation = await operationsSharing(trx, own, self?.operationId ?? null, policy, suppress, cap);
    const candidates = [...byOperation.keys()];
    if (candidates.length === 0) return { captureId, operationId: null, merged: [] };
    const { target, merged, mergedReports } = await joinOrMerge(trx, byOperation, candidates, now, policy);
    await trx.updateTable('crawlCaptures').set({ operationId: target }).where('id', '=', captureId).execute();
    await touch(trx, [[target, mergedReports]], now);
    return { captureId, operationId: target, merged };
  });
}

/**
 * The operations that share linking values with a report or a crawled page, and which values, read from
 * the value → operations summary (one row per operation holding a value, however many reports hold it).
 * The caller itself is a holder when it already belongs to `selfOperation`, and is not counted. Values
 * above the frequency cap, below the threshold or suppressed by analysts link nothing.
 */
async function operationsSharing(
  db: Transaction<Database>,
  own: Array<{ kind: string; value: string }>,
  selfOperation: string | null,
  policy: LinkPolicy,
  suppress: ReturnType<typeof suppressionFor>,
  cap: number,
): Promise<Map<string, Set<string>>> {
  const linking = own.filter(
    (x) => baseWeight(x.kind, x.value, policy) >= policy.threshold && !suppress(x.kind, x.value),
  );
  const byOperation = new Map<string, Set<string>>();
  if (linking.length === 0) return byOperation;
  const shared = await sql<{
    kind: string;
    value: string;
    operationId: string;
    holders: number;
    degree: string;
  }>`
    WITH mine AS (SELECT DISTINCT unnest(${linking.map((x) => x.kind)}::text[]) AS kind, unnest(${linking.map((x) => x.value)}::text[]) AS value)
    SELECT vo.kind, vo.value, vo.operation_id, vo.holders, sum(vo.holders) OVER (PARTITION BY vo.kind, vo.value) AS degree
    FROM mine JOIN value_operations vo ON vo.kind = mine.kind AND vo.value = mine.value`.execute(db);
  const selfCounted = new Set(
    selfOperation === null
      ? []
      : shared.rows.filter((h) => h.operationId === selfOperation).map((h) => `${h.kind}\u0000${h.value}`),
  );
  for (const h of shared.rows) {
    const key = `${h.kind}\u0000${h.value}`;
    const self = selfCounted.has(key) ? 1 : 0;
    const others = h.operationId === selfOperation ? h.holders - self : h.holders;
    if (others <= 0 || Number(h.degree) - self + 1 > cap) continue;
    getOrCreate(byOperation, h.operationId, () => new Set<string>()).add(key);
  }
  return byOperation;
}

/**
 * The one operation holding numbers next to a newcomer's own in their sequential block, when the newcomer
 * shares nothing with any operation (the full recluster's step 3 for a stray report); null when none or
 * several do.
 */
async function blockNeighbour(
  db: Transaction<Database>,
  own: Array<{ kind: string; value: string }>,
  suppress: ReturnType<typeof suppressionFor>,
): Promise<string | null> {
  const found = new Set<string>();
  for (const x of own) {
    if (x.kind !== 'phone' || suppress(x.kind, x.value)) continue;
    const range = blockNeighbourhood(x.value);
    if (!range) continue;
    const { rows } = await sql<{ value: string; operationId: string }>`
      SELECT value, operation_id FROM value_operations
      WHERE kind = 'phone' AND value BETWEEN ${range[0]} AND ${range[1]}`.execute(db);
    for (const r of rows)
      if (inOneBlock(x.value, r.value) && !suppress('phone', r.value)) found.add(r.operationId);
  }
  return found.size === 1 ? [...found][0]! : null;
}

/** The most reports a value may be shared by and still link (a share of everything stored). */
async function frequencyCap(db: Kysely<Database>, policy: LinkPolicy): Promise<number> {
  // Counting every assignment costs a scan per new report; the cap moves slowly, so it is kept a while.
  const cached = capCache.get(db);
  if (cached && cached.until > Date.now() && cached.policy === policy) return cached.cap;
  const total = Number(
    (
      await db
        .selectFrom('reportOperations')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  const cap = Math.max(policy.minCap, Math.floor(policy.maxShare * total));
  capCache.set(db, { cap, policy, until: Date.now() + CAP_TTL_MS });
  return cap;
}

const CAP_TTL_MS = 30_000;
const capCache = new WeakMap<Kysely<Database>, { cap: number; policy: LinkPolicy; until: number }>();

async function assign(db: Kysely<Database>, reportId: string, operationId: string, now: Date): Promise<void> {
  await db
    .insertInto('reportOperations')
    .values({ reportId, operationId, assignedAt: now })
    .onConflict((oc) => oc.column('reportId').doUpdateSet({ operationId, assignedAt: now }))
    .execute();
}

/** Creates or marks operations stale; their counts are kept current at once, summaries later. */
async function touch(db: Kysely<Database>, deltas: Array<[string, number]>, now: Date): Promise<void> {
  // Counts move by the reports that moved (a recount of a 20,000-report operation per new report would
  // dominate the time); summaries are recomputed from the reports themselves later.
  await sql`
    INSERT INTO operations (id, created_at, updated_at, report_count, stale)
    SELECT id, ${now}, ${now}, greatest(delta, 0), true
    FROM unnest(${deltas.map((d) => d[0])}::text[], ${deltas.map((d) => d[1])}::int[]) AS t(id, delta)
    ON CONFLICT (id) DO UPDATE SET stale = true, updated_at = excluded.updated_at,
      report_count = greatest(operations.report_count + ${sql.raw('excluded.report_count')}, 0)`.execute(db);
}
