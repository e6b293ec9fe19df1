import { type Kysely, sql } from 'kysely';

/**
 * The classifiers' verdict on each crawled page, and analysts' labels (scam / legitimate) that later
 * training runs may include.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE crawl_captures ADD COLUMN verdict text`.execute(db);
  await sql`ALTER TABLE crawl_captures ADD COLUMN scam_probability real`.execute(db);
  await sql`
    CREATE TABLE page_labels (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      capture_id uuid NOT NULL REFERENCES crawl_captures(id),
      label text NOT NULL CHECK (label IN ('scam', 'legitimate')),
      author text,
      note text,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX page_labels_capture_idx ON page_labels (capture_id, id DESC)`.execute(db);
}

/** Forward-only. */
export async function down(): Promise<void> {
  throw new Error('Dragnet migrations are forward-only');
}
