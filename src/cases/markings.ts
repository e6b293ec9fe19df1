import { type Kysely, sql } from 'kysely';
import { TLP_LEVELS, type Tlp, tlpRank } from '../core/tlp.js';
import type { Database } from '../store/schema.js';

/** An operation nobody marked is AMBER: shared with partners only once an analyst says so. */
export const DEFAULT_TLP: Tlp = 'amber';

/** The TLP of each operation asked about (the default where none was set). */
export async function markingsOf(db: Kysely<Database>, ids: string[]): Promise<Map<string, Tlp>> {
  const out = new Map<string, Tlp>(ids.map((id) => [id, DEFAULT_TLP]));
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('operationMarkings')
    .select(['operationId', 'tlp'])
    .where('operationId', 'in', ids)
    .execute();
  for (const r of rows) out.set(r.operationId, r.tlp as Tlp);
  return out;
}

/** Marks an operation (the marking keeps its id: it follows the operation through reclusters). */
export async function setMarking(db: Kysely<Database>, operationId: string, tlp: Tlp, by: string | null) {
  const row = { operationId, tlp, tlpRank: tlpRank(tlp), setBy: by, setAt: new Date() };
  await db
    .insertInto('operationMarkings')
    .values(row)
    .onConflict((oc) =>
      oc.column('operationId').doUpdateSet({ tlp, tlpRank: row.tlpRank, setBy: by, setAt: row.setAt }),
    )
    .execute();
}

/**
 * A condition on `operations.id` (the column given) keeping only what a reader with `ceiling` may read.
 * Two plans: when the default is within the ceiling, drop the few operations marked above it; when it is
 * not (a partner cleared for GREEN), start from the few marked at or under it — never a scan of all
 * operations' markings.
 */
export function readableBy(ceiling: Tlp, idColumn = 'operations.id') {
  const rank = tlpRank(ceiling);
  const id = sql.ref(idColumn);
  if (rank >= TLP_LEVELS.length - 1) return sql<boolean>`true`;
  return tlpRank(DEFAULT_TLP) <= rank
    ? sql<boolean>`NOT EXISTS (SELECT 1 FROM operation_markings m WHERE m.operation_id = ${id} AND m.tlp_rank > ${rank})`
    : sql<boolean>`${id} IN (SELECT m.operation_id FROM operation_markings m WHERE m.tlp_rank <= ${rank})`;
}
