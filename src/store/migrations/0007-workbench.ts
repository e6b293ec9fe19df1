import { type Kysely, sql } from 'kysely';

/**
 * What the analyst's workbench reads fast with a million reports: the triage queue in one index order
 * (triage score, then the report's own time, copied onto its extraction by a trigger because an index
 * cannot span two tables), and the latest review per report.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE report_extractions ADD COLUMN reported_at timestamptz`.execute(db);
  await sql`
    UPDATE report_extractions e SET reported_at = coalesce(r.submitted_at, r.received_at)
    FROM reports r WHERE r.id = e.report_id`.execute(db);
  // Reports are append-only, so the copy never goes stale; it is set on every insert of an extraction.
  await sql`
    CREATE FUNCTION dragnet_extraction_reported_at() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      SELECT coalesce(r.submitted_at, r.received_at) INTO NEW.reported_at FROM reports r WHERE r.id = NEW.report_id;
      RETURN NEW;
    END $$`.execute(db);
  await sql`CREATE TRIGGER report_extractions_reported_at BEFORE INSERT ON report_extractions
            FOR EACH ROW EXECUTE FUNCTION dragnet_extraction_reported_at()`.execute(db);
  await sql`CREATE INDEX report_extractions_queue_idx
            ON report_extractions (triage_score DESC, reported_at DESC, report_id)`.execute(db);
}

/** Forward-only. */
export async function down(): Promise<void> {
  throw new Error('Dragnet migrations are forward-only');
}
