import { type Kysely, sql } from 'kysely';

/**
 * Crawled pages: one row per visit (the capture as JSON beside the blobs it names by SHA-256), the
 * indicators the page showed (so crawls link in the same graph as reports), and the operation the
 * visit belongs to when it joined one.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE crawl_captures (
      id uuid PRIMARY KEY,
      url text NOT NULL,
      profile text NOT NULL,
      origin text NOT NULL,
      report_id uuid REFERENCES reports(id),
      started_at timestamptz NOT NULL,
      finished_at timestamptz NOT NULL,
      final_url text,
      status integer,
      title text,
      error text,
      screenshot_sha256 text,
      phash text,
      capture jsonb NOT NULL,
      operation_id text
    )`.execute(db);
  await sql`CREATE INDEX crawl_captures_url_idx ON crawl_captures (url, profile, finished_at DESC)`.execute(
    db,
  );
  await sql`CREATE INDEX crawl_captures_operation_idx ON crawl_captures (operation_id)`.execute(db);
  await sql`CREATE INDEX crawl_captures_report_idx ON crawl_captures (report_id)`.execute(db);
  await sql`
    CREATE TABLE crawl_indicators (
      capture_id uuid NOT NULL REFERENCES crawl_captures(id),
      kind text NOT NULL,
      value text NOT NULL,
      source text NOT NULL,
      PRIMARY KEY (capture_id, kind, value)
    )`.execute(db);
  await sql`CREATE INDEX crawl_indicators_value_idx ON crawl_indicators (kind, value)`.execute(db);
}

/** Forward-only. */
export async function down(): Promise<void> {
  throw new Error('Dragnet migrations are forward-only');
}
