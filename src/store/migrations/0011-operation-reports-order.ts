import { type Kysely, sql } from 'kysely';

/**
 * An operation's reports in id order (UUIDv7: the order they came in), so "its latest reports" is a short
 * index scan even for an operation of a hundred thousand reports. It replaces the index on the operation
 * alone, which it covers.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX report_operations_operation_report_idx ON report_operations (operation_id, report_id)`.execute(
    db,
  );
  await sql`DROP INDEX report_operations_operation_idx`.execute(db);
}

/** Forward-only. */
export async function down(): Promise<void> {
  throw new Error('Dragnet migrations are forward-only');
}
