import { type Kysely, sql } from 'kysely';

/**
 * People who sign in to the workbench (argon2id password hashes), their sessions (only a hash of the
 * cookie's token is kept, so a copy of the database signs nobody in), and analysts' triage reviews of
 * reports (the latest per report counts; the report itself is never changed).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE users (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      email text NOT NULL UNIQUE CHECK (email = lower(email)),
      name text NOT NULL,
      role text NOT NULL CHECK (role IN ('admin', 'analyst', 'partner')),
      password_hash text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      disabled_at timestamptz
    )`.execute(db);
  await sql`
    CREATE TABLE sessions (
      token_hash text PRIMARY KEY,
      user_id bigint NOT NULL REFERENCES users(id),
      csrf_token text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX sessions_user_idx ON sessions (user_id)`.execute(db);
  await sql`
    CREATE TABLE report_reviews (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      report_id uuid NOT NULL REFERENCES reports(id),
      status text NOT NULL CHECK (status IN ('confirmed', 'not_scam')),
      author text,
      note text,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX report_reviews_report_idx ON report_reviews (report_id, id DESC)`.execute(db);
}

/** Forward-only. */
export async function down(): Promise<void> {
  throw new Error('Dragnet migrations are forward-only');
}
