import { type Kysely, sql } from 'kysely';

/** Operations (clusters of reports), the assignment of every report, and analysts' link decisions. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE operations (
      id text PRIMARY KEY,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      report_count integer NOT NULL,
      first_seen timestamptz,
      last_seen timestamptz,
      priority real NOT NULL DEFAULT 0,
      summary jsonb NOT NULL DEFAULT '{}'::jsonb,
      -- shaped by an analyst (merge, split): incremental linking never merges it by itself
      pinned boolean NOT NULL DEFAULT false,
      -- its reports changed since its summary was computed
      stale boolean NOT NULL DEFAULT true
    )`.execute(db);
  await sql`CREATE INDEX operations_stale_idx ON operations (stale) WHERE stale`.execute(db);
  await sql`CREATE INDEX operations_priority_idx ON operations (priority DESC)`.execute(db);
  await sql`
    CREATE TABLE report_operations (
      report_id uuid PRIMARY KEY REFERENCES reports(id),
      operation_id text NOT NULL,
      assigned_at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX report_operations_operation_idx ON report_operations (operation_id)`.execute(db);
  await sql`
    CREATE TABLE link_decisions (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      decision jsonb NOT NULL,
      author text,
      reason text,
      created_at timestamptz NOT NULL DEFAULT now(),
      revoked_at timestamptz
    )`.execute(db);
  await sql`
    CREATE TABLE link_runs (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      kind text NOT NULL,
      started_at timestamptz NOT NULL,
      finished_at timestamptz NOT NULL,
      stats jsonb NOT NULL
    )`.execute(db);
}

/** Forward-only. */
export async function down(): Promise<void> {
  throw new Error('Dragnet migrations are forward-only');
}
