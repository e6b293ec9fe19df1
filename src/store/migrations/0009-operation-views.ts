import { type Kysely, sql } from 'kysely';

/**
 * What the operation page shows, computed with each operation's summary instead of at every request: an
 * operation of a hundred thousand reports is read in milliseconds, not aggregated in seconds. Every
 * indicator of the operation with its counts and first / last seen, and the timeline and map as JSON.
 * Rows appear at the next summary refresh; until then (and while an operation is stale) the pages
 * compute live.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE operation_indicators (
      operation_id text NOT NULL,
      kind text NOT NULL,
      value text NOT NULL,
      report_count integer NOT NULL,
      first_seen timestamptz NOT NULL,
      last_seen timestamptz NOT NULL,
      PRIMARY KEY (operation_id, kind, value)
    )`.execute(db);
  await sql`CREATE INDEX operation_indicators_page_idx
            ON operation_indicators (operation_id, report_count DESC, last_seen DESC, kind, value)`.execute(
    db,
  );
  await sql`
    CREATE TABLE operation_views (
      operation_id text PRIMARY KEY,
      daily jsonb NOT NULL,
      geography jsonb NOT NULL
    )`.execute(db);
}

/** Forward-only. */
export async function down(): Promise<void> {
  throw new Error('Dragnet migrations are forward-only');
}
