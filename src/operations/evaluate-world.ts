import { type Kysely, sql } from 'kysely';
import { type Evaluation, evaluate } from '../simulate/evaluate.js';
import type { Truth } from '../simulate/truth.js';
import type { Database } from '../store/schema.js';

/**
 * Scores the current database against a simulated world's truth: the operation of every report (by
 * externalId), the ranking of operations by priority, and the indicators extracted.
 */
export async function evaluateWorld(db: Kysely<Database>, truth: Truth): Promise<Evaluation> {
  const assigned = await sql<{ externalId: string; operationId: string }>`
    SELECT r.external_id, ro.operation_id FROM reports r JOIN report_operations ro ON ro.report_id = r.id
    WHERE r.external_id IS NOT NULL`.execute(db);
  const assignment = new Map(assigned.rows.map((r) => [r.externalId, r.operationId]));
  const ranking = (
    await db
      .selectFrom('operations')
      .select('id')
      .orderBy('priority', 'desc')
      .orderBy('id')
      .limit(100)
      .execute()
  ).map((r) => r.id);
  const indicators = (
    await sql<{ kind: string; value: string }>`SELECT DISTINCT kind, value FROM report_indicators`.execute(db)
  ).rows;
  return evaluate(truth, { assignment, ranking, indicators });
}
