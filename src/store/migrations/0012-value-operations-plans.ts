import { type Kysely, sql } from 'kysely';
import { triggerFunctionSql, VALUE_OPERATIONS_TRIGGERS } from '../value-operations-triggers.js';

/**
 * The value → operations triggers of 0008 planned every statement as a join of the changed rows with the
 * whole of report_indicators or report_operations: one report linked at 100,000 reports cost 50 ms (a
 * hash join over every indicator). Their functions now look a few changed rows up by index and join only
 * many of them wholesale.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const t of VALUE_OPERATIONS_TRIGGERS) await sql.raw(triggerFunctionSql(t)).execute(db);
}

/** Forward-only. */
export async function down(): Promise<void> {
  throw new Error('Dragnet migrations are forward-only');
}
