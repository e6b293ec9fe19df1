import { type Kysely, sql } from 'kysely';

/** Reports (append-only, enforced by a trigger), annotations, processing status and the blob index. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE reports (
      id uuid PRIMARY KEY,
      seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
      external_id text,
      source text,
      source_key text NOT NULL,
      content_hash text NOT NULL,
      received_at timestamptz NOT NULL,
      intake text NOT NULL,
      submitted_at timestamptz,
      channel text,
      impersonated_brand text,
      victim_country text,
      language text,
      version integer NOT NULL DEFAULT 1,
      supersedes uuid REFERENCES reports(id),
      input jsonb NOT NULL
    )`.execute(db);
  // Idempotency: one original report per (source, externalId); without an externalId, one per content.
  await sql`CREATE UNIQUE INDEX reports_external_uq ON reports (source_key, external_id)
            WHERE external_id IS NOT NULL AND supersedes IS NULL`.execute(db);
  await sql`CREATE UNIQUE INDEX reports_content_uq ON reports (content_hash)
            WHERE external_id IS NULL AND supersedes IS NULL`.execute(db);
  await sql`CREATE UNIQUE INDEX reports_version_uq ON reports (supersedes, version) WHERE supersedes IS NOT NULL`.execute(
    db,
  );
  await sql`CREATE INDEX reports_received_idx ON reports (received_at)`.execute(db);
  await sql`
    CREATE FUNCTION dragnet_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'table % is append-only: % refused (add an annotation or a new version instead)',
        TG_TABLE_NAME, TG_OP;
    END $$`.execute(db);
  await sql`CREATE TRIGGER reports_append_only BEFORE UPDATE OR DELETE ON reports
            FOR EACH ROW EXECUTE FUNCTION dragnet_append_only()`.execute(db);

  await sql`
    CREATE TABLE report_annotations (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      report_id uuid NOT NULL REFERENCES reports(id),
      author text,
      kind text NOT NULL,
      body jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX report_annotations_report_idx ON report_annotations (report_id)`.execute(db);
  await sql`CREATE TRIGGER report_annotations_append_only BEFORE UPDATE OR DELETE ON report_annotations
            FOR EACH ROW EXECUTE FUNCTION dragnet_append_only()`.execute(db);

  await sql`
    CREATE TABLE report_status (
      report_id uuid PRIMARY KEY REFERENCES reports(id),
      processed_at timestamptz NOT NULL,
      pipeline_version integer NOT NULL
    )`.execute(db);

  await sql`
    CREATE TABLE blobs (
      sha256 text PRIMARY KEY,
      size bigint NOT NULL,
      media_type text,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
}

/** Migrations only move forward; a down migration would destroy evidence. */
export async function down(): Promise<void> {
  throw new Error('Dragnet migrations are forward-only');
}
