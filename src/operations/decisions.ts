import type { Kysely, Transaction } from 'kysely';
import { NotFoundError, ValidationError } from '../core/errors.js';
import type { LinkDecision } from '../link/decisions.js';
import { operationIdFor } from '../link/stable-ids.js';
import type { Database } from '../store/schema.js';
import { mergeOperations, underLinkLock } from './incremental.js';
import { refreshSummaries } from './summaries.js';

/** Who decided and why (kept with the decision). */
export interface DecisionContext {
  author: string | null;
  reason: string | null;
  now: Date;
}

/**
 * Records an analyst's decision (honoured by every later recluster) and applies it at once where it
 * can be applied locally: a merge joins operations, a split moves reports into a new operation. A
 * "not linked" pair and an exclusion change how values weigh, so they take effect at the next recluster.
 */
export async function decide(
  db: Kysely<Database>,
  decision: LinkDecision,
  ctx: DecisionContext,
): Promise<{ id: string; appliedNow: boolean; operationId?: string }> {
  // The same lock as incremental linking: a decision and a linker never interleave.
  return underLinkLock(db, async (trx) => {
    let operationId: string | undefined;
    if (decision.type === 'merge') operationId = await merge(trx, decision.reportIds, ctx.now);
    if (decision.type === 'split') operationId = await split(trx, decision.reportIds, ctx.now);
    const row = await trx
      .insertInto('linkDecisions')
      .values({ decision: JSON.stringify(decision), author: ctx.author, reason: ctx.reason })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: row.id, appliedNow: operationId !== undefined, ...(operationId ? { operationId } : {}) };
  }).then(async (r) => {
    if (r.appliedNow) await refreshSummaries(db, ctx.now);
    return r;
  });
}

/** Every report of the given operations, to record a merge by its reports (ids change, reports stay). */
export async function reportsOfOperations(db: Kysely<Database>, operationIds: string[]): Promise<string[]> {
  const rows = await db
    .selectFrom('reportOperations')
    .select('reportId')
    .where('operationId', 'in', operationIds)
    .execute();
  const found = new Set(
    (await db.selectFrom('operations').select('id').where('id', 'in', operationIds).execute()).map(
      (r) => r.id,
    ),
  );
  const missing = operationIds.filter((id) => !found.has(id));
  if (missing.length > 0) throw new NotFoundError(`no operation ${missing.join(', ')}`);
  return rows.map((r) => r.reportId);
}

async function merge(db: Transaction<Database>, reportIds: string[], now: Date): Promise<string> {
  const ops = await db
    .selectFrom('reportOperations')
    .innerJoin('operations', 'operations.id', 'reportOperations.operationId')
    .select(['operations.id', 'operations.reportCount'])
    .distinct()
    .where('reportOperations.reportId', 'in', reportIds)
    .execute();
  if (ops.length < 2)
    throw new ValidationError('a merge needs reports of at least two operations', [
      { path: 'operationIds', message: 'name two or more operations' },
    ]);
  ops.sort((a, b) => b.reportCount - a.reportCount || (a.id < b.id ? -1 : 1));
  const into = ops[0]!.id;
  const others = ops.slice(1).map((o) => o.id);
  await mergeOperations(db, others, into, now);
  await db.updateTable('operations').set({ pinned: true, stale: true }).where('id', '=', into).execute();
  return into;
}

async function split(db: Kysely<Database>, reportIds: string[], now: Date): Promise<string> {
  const assigned = await db
    .selectFrom('reportOperations')
    .select(['reportId', 'operationId'])
    .where('reportId', 'in', reportIds)
    .execute();
  if (assigned.length !== new Set(reportIds).size)
    throw new ValidationError('every report of a split must be in an operation', [
      { path: 'reportIds', message: 'unknown or unprocessed report' },
    ]);
  const id = operationIdFor(`split:${[...reportIds].sort().join(',')}`);
  const from = [...new Set(assigned.map((a) => a.operationId))];
  await db
    .updateTable('reportOperations')
    .set({ operationId: id, assignedAt: now })
    .where('reportId', 'in', reportIds)
    .execute();
  await db
    .insertInto('operations')
    .values({
      id,
      createdAt: now,
      updatedAt: now,
      reportCount: reportIds.length,
      firstSeen: null,
      lastSeen: null,
      priority: 0,
      summary: '{}',
      pinned: true,
      stale: true,
    })
    .onConflict((oc) => oc.column('id').doUpdateSet({ pinned: true, stale: true }))
    .execute();
  await db.updateTable('operations').set({ stale: true, pinned: true }).where('id', 'in', from).execute();
  return id;
}

/** Revokes a decision; the next recluster no longer honours it. */
export async function revokeDecision(db: Kysely<Database>, id: string, now: Date): Promise<void> {
  const r = await db
    .updateTable('linkDecisions')
    .set({ revokedAt: now })
    .where('id', '=', id)
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw new NotFoundError(`no active decision ${id}`);
}
