import { type Kysely, sql } from 'kysely';
import type { Database } from '../store/schema.js';
import { operationDetail } from './queries.js';

/** An analyst's link decision as the workbench lists it. */
export interface DecisionRow {
  id: string;
  type: string;
  decision: Record<string, unknown>;
  author: string | null;
  reason: string | null;
  createdAt: Date;
  revokedAt: Date | null;
}

/** How many decisions one answer lists (newest first). */
const MAX_DECISIONS = 1000;

/**
 * Analysts' link decisions, newest first: all of them, or those that involve an operation's reports (a
 * merge or split naming one of them, a "not linked" pair with one of them, an exclusion of a value one of
 * them carries); `active` keeps the ones in force (true) or the revoked ones (false).
 */
export async function listDecisions(
  db: Kysely<Database>,
  f: { operationId?: string | undefined; active?: boolean | undefined },
): Promise<DecisionRow[]> {
  if (f.operationId) await operationDetail(db, f.operationId);
  const op = f.operationId ?? null;
  const active =
    f.active === undefined ? sql`true` : f.active ? sql`d.revoked_at IS NULL` : sql`d.revoked_at IS NOT NULL`;
  const involves =
    op === null
      ? sql`true`
      : sql`(
        EXISTS (SELECT 1 FROM jsonb_array_elements_text(CASE WHEN jsonb_typeof(d.decision->'reportIds') = 'array'
                                                             THEN d.decision->'reportIds' ELSE '[]'::jsonb END) x(id)
                JOIN report_operations ro ON ro.report_id = x.id::uuid AND ro.operation_id = ${op})
        OR EXISTS (SELECT 1 FROM report_operations ro WHERE ro.operation_id = ${op}
                   AND ro.report_id IN ((d.decision->>'a')::uuid, (d.decision->>'b')::uuid))
        OR (d.decision->>'type' = 'exclude' AND EXISTS (
              SELECT 1 FROM report_indicators ri JOIN report_operations ro ON ro.report_id = ri.report_id
              WHERE ro.operation_id = ${op} AND ri.kind = d.decision->>'kind' AND ri.value = d.decision->>'value')))`;
  const rows = await sql<DecisionRow & { decision: Record<string, unknown> }>`
    SELECT d.id::text AS id, d.decision->>'type' AS type, d.decision, d.author, d.reason, d.created_at, d.revoked_at
    FROM link_decisions d WHERE ${active} AND ${involves}
    ORDER BY d.id DESC LIMIT ${MAX_DECISIONS}`.execute(db);
  return rows.rows;
}
