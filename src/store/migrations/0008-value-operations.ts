import { type Kysely, sql } from 'kysely';
import { triggerFunctionSql, triggerSql, VALUE_OPERATIONS_TRIGGERS } from '../value-operations-triggers.js';

/**
 * Which operations hold each value, and through how many reports or crawled pages: what incremental
 * linking asks for every new report ("which operations share my values, and how common is each?").
 * Without it that question reads every holder of a value (thousands of rows for a busy number); with it,
 * one row per operation. Kept by statement-level triggers on the four tables it summarises, so every
 * writer (recluster, incremental linking, analysts' decisions, re-extraction, crawls) keeps it exact
 * without knowing it exists, and set-based, so a recluster moving a million reports stays one join (the
 * triggers' SQL lives in ../value-operations-triggers.ts; migration 0012 replaced their first plans).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE value_operations (
      kind text NOT NULL,
      value text NOT NULL,
      operation_id text NOT NULL,
      holders integer NOT NULL,
      PRIMARY KEY (kind, value, operation_id)
    )`.execute(db);
  await sql`CREATE INDEX value_operations_operation_idx ON value_operations (operation_id)`.execute(db);
  for (const t of VALUE_OPERATIONS_TRIGGERS) {
    await sql.raw(triggerFunctionSql(t)).execute(db);
    await sql.raw(triggerSql(t)).execute(db);
  }
  await sql`
    INSERT INTO value_operations (kind, value, operation_id, holders)
    SELECT kind, value, operation_id, count(*) FROM (
      SELECT DISTINCT ri.kind, ri.value, ro.operation_id, ri.report_id::text AS holder
      FROM report_indicators ri JOIN report_operations ro ON ro.report_id = ri.report_id
      UNION ALL
      SELECT ci.kind, ci.value, cc.operation_id, 'crawl:' || ci.capture_id
      FROM crawl_indicators ci JOIN crawl_captures cc ON cc.id = ci.capture_id
      WHERE cc.operation_id IS NOT NULL) h
    GROUP BY 1, 2, 3`.execute(db);
}

/** Forward-only. */
export async function down(): Promise<void> {
  throw new Error('Dragnet migrations are forward-only');
}
