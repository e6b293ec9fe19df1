import { type Kysely, sql } from 'kysely';

const TLP = `('clear', 'green', 'amber', 'amber+strict', 'red')`;

/**
 * From intelligence to action: cases (one or more operations: several make a sweep) with their
 * time-stamped entries (status changes, notes, tasks, civil actions, outcomes), victims' declarations,
 * referral packages; the TLP marking of operations and the ceiling of each reader; partners' API keys
 * (only a hash of the key is kept); and the audit log, append-only (a trigger refuses UPDATE and DELETE)
 * and hash-chained (each row's hash covers the one before, so `dragnet audit verify` finds a changed row).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    CREATE TABLE cases (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      reference text NOT NULL UNIQUE,
      title text NOT NULL,
      summary text,
      status text NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft', 'referred', 'verified', 'action_taken', 'charged', 'trial', 'closed')),
      tlp text NOT NULL DEFAULT 'amber' CHECK (tlp IN ${TLP}),
      agency text,
      jurisdictions text[] NOT NULL DEFAULT '{}',
      assignee_id bigint REFERENCES users(id),
      created_by text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX cases_updated_idx ON cases (updated_at DESC, id DESC);

    -- Operation ids are stable while most reports stay; a sample of its reports finds where an
    -- operation went when a recluster merged it away.
    CREATE TABLE case_operations (
      case_id bigint NOT NULL REFERENCES cases(id),
      operation_id text NOT NULL,
      anchor_reports uuid[] NOT NULL DEFAULT '{}',
      added_by text,
      added_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (case_id, operation_id)
    );
    CREATE INDEX case_operations_operation_idx ON case_operations (operation_id);

    CREATE TABLE case_entries (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      case_id bigint NOT NULL REFERENCES cases(id),
      kind text NOT NULL CHECK (kind IN ('status', 'note', 'task', 'action', 'outcome')),
      subtype text,
      body text NOT NULL DEFAULT '',
      target text,
      quantity integer CHECK (quantity IS NULL OR quantity >= 0),
      state text,
      occurred_at timestamptz,
      due_at timestamptz,
      author text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX case_entries_case_idx ON case_entries (case_id, id);

    CREATE TABLE case_victims (
      case_id bigint NOT NULL REFERENCES cases(id),
      report_id uuid NOT NULL REFERENCES reports(id),
      declaration text NOT NULL DEFAULT '',
      consent text NOT NULL DEFAULT 'unknown' CHECK (consent IN ('unknown', 'given', 'refused', 'withdrawn')),
      taken_by text,
      taken_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (case_id, report_id)
    );

    CREATE TABLE case_referrals (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      case_id bigint NOT NULL REFERENCES cases(id),
      recipient text NOT NULL,
      personal_data boolean NOT NULL,
      package_sha256 text NOT NULL,
      manifest jsonb NOT NULL,
      created_by text,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX case_referrals_case_idx ON case_referrals (case_id, id DESC);

    -- Absent: the operation has the default marking (amber).
    CREATE TABLE operation_markings (
      operation_id text PRIMARY KEY,
      tlp text NOT NULL CHECK (tlp IN ${TLP}),
      tlp_rank smallint NOT NULL,
      set_by text,
      set_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX operation_markings_rank_idx ON operation_markings (tlp_rank, operation_id);

    -- Blocklist feeds read one kind's recent values.
    CREATE INDEX operation_indicators_feed_idx ON operation_indicators (kind, last_seen DESC);

    ALTER TABLE users ADD COLUMN tlp_ceiling text CHECK (tlp_ceiling IS NULL OR tlp_ceiling IN ${TLP});

    CREATE TABLE api_keys (
      id text PRIMARY KEY,
      name text NOT NULL,
      secret_hash text NOT NULL,
      scopes text[] NOT NULL,
      tlp_ceiling text NOT NULL CHECK (tlp_ceiling IN ${TLP}),
      created_by text,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz,
      revoked_at timestamptz,
      last_used_at timestamptz
    );

    CREATE TABLE audit_log (
      seq bigint PRIMARY KEY,
      at timestamptz NOT NULL,
      actor text,
      action text NOT NULL,
      subject text,
      detail jsonb NOT NULL DEFAULT '{}'::jsonb,
      prev_hash text NOT NULL,
      hash text NOT NULL
    );
    CREATE INDEX audit_log_subject_idx ON audit_log (subject, seq DESC) WHERE subject IS NOT NULL;
    CREATE FUNCTION dragnet_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'the audit log is append-only (% refused)', TG_OP;
    END $$;
    CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION dragnet_audit_append_only();
    CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION dragnet_audit_append_only();
  `)
    .execute(db);
}

/** Forward-only. */
export async function down(): Promise<void> {
  throw new Error('Dragnet migrations are forward-only');
}
