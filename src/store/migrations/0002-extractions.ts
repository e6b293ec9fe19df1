import { type Kysely, sql } from 'kysely';

/** What the machine read in each report: the facts, and every indicator with where it was found. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE report_extractions (
      report_id uuid PRIMARY KEY REFERENCES reports(id),
      extractor_version integer NOT NULL,
      extracted_at timestamptz NOT NULL,
      is_tss boolean NOT NULL,
      triage_score real NOT NULL,
      severity text NOT NULL,
      channel text,
      language text,
      brands text[] NOT NULL,
      payment_methods text[] NOT NULL,
      remote_tools text[] NOT NULL,
      losses jsonb NOT NULL,
      result jsonb NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX report_extractions_triage_idx ON report_extractions (is_tss, triage_score DESC)`.execute(
    db,
  );
  await sql`
    CREATE TABLE report_indicators (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      report_id uuid NOT NULL REFERENCES reports(id),
      kind text NOT NULL,
      value text NOT NULL,
      raw text NOT NULL,
      field text NOT NULL,
      start_pos integer,
      end_pos integer,
      meta jsonb
    )`.execute(db);
  await sql`CREATE INDEX report_indicators_value_idx ON report_indicators (kind, value)`.execute(db);
  await sql`CREATE INDEX report_indicators_report_idx ON report_indicators (report_id)`.execute(db);
}

/** Forward-only. */
export async function down(): Promise<void> {
  throw new Error('Dragnet migrations are forward-only');
}
