// The shapes of the audit API (src/server/routes/sharing.ts; src/audit/log.ts and chain.ts).

/** One row of the hash-chained audit log. */
export interface AuditRecord {
  seq: number;
  at: string;
  actor: string | null;
  /** Dotted name of the act (case.status, export.stix …) or the request (POST /api/cases). */
  action: string;
  /** What it was done to (case:12, operation:op-…, key:…). */
  subject: string | null;
  detail: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

/** GET /api/audit/verify: the whole chain checked. */
export interface AuditVerdict {
  ok: boolean;
  rows: number;
  /** The last good row. */
  head: { seq: number; hash: string };
  broken: { seq: number; reason: string } | null;
}
