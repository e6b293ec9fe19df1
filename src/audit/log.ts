import { type Kysely, sql } from 'kysely';
import type { Database } from '../store/schema.js';
import { type AuditRow, type ChainBreak, checkRows, GENESIS_HASH, rowHash, storableDetail } from './chain.js';

/** What is recorded: who did what to which thing, with the details that matter (never a victim's data). */
export interface AuditEntry {
  actor: string | null;
  /** Dotted name of the act, e.g. `case.status`, `export.stix`, `referral.download`, `POST /api/cases`. */
  action: string;
  /** What it was done to, e.g. `case:12`, `operation:op-…`, `key:k_…`. */
  subject?: string | null;
  detail?: Record<string, unknown>;
}

/** One audit row as read back. */
export interface AuditRecord extends AuditRow {
  hash: string;
}

// One lock for the whole chain: rows are numbered and linked one after another, from any process.
const CHAIN_LOCK = 0x64726167; // 'drag'

/**
 * Appends to the hash-chained audit log: under an advisory lock (so writers on several connections or
 * machines take turns), reads the last row and links the new one to it. Runs in its own transaction, or in
 * the caller's when given one (then the entry commits or rolls back with the change it records).
 */
export async function appendAudit(
  db: Kysely<Database>,
  e: AuditEntry,
  now = new Date(),
): Promise<AuditRecord> {
  const write = async (trx: Kysely<Database>) => {
    await sql`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`.execute(trx);
    const last = await trx
      .selectFrom('auditLog')
      .select(['seq', 'hash'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    const row: AuditRow = {
      seq: last ? Number(last.seq) + 1 : 1,
      at: new Date(now.getTime()).toISOString(),
      actor: e.actor,
      action: e.action,
      subject: e.subject ?? null,
      detail: storableDetail(e.detail ?? {}),
      prevHash: last?.hash ?? GENESIS_HASH,
    };
    const hash = rowHash(row);
    await trx
      .insertInto('auditLog')
      .values({ ...row, seq: String(row.seq), detail: JSON.stringify(row.detail), hash })
      .execute();
    return { ...row, hash };
  };
  return db.isTransaction ? write(db) : db.transaction().execute(write);
}

function toRecord({
  detailJson,
  ...r
}: {
  seq: string;
  at: Date;
  actor: string | null;
  action: string;
  subject: string | null;
  detailJson: string;
  prevHash: string;
  hash: string;
}): AuditRecord {
  return { ...r, seq: Number(r.seq), at: r.at.toISOString(), detail: JSON.parse(detailJson) };
}

const COLUMNS = [
  'seq',
  'at',
  'actor',
  'action',
  'subject',
  // As text: the CamelCasePlugin renames keys inside the jsonb values it reads (`a_b` becomes `aB`), which
  // would change a detail (a query's keys) after it was hashed and break the chain.
  sql<string>`detail::text`.as('detailJson'),
  'prevHash',
  'hash',
] as const;

/** A page of the log, newest first; `before` pages back; `subject` narrows to one thing. */
export async function listAudit(
  db: Kysely<Database>,
  q: {
    limit: number;
    before?: number | undefined;
    subject?: string | undefined;
    action?: string | undefined;
  },
): Promise<AuditRecord[]> {
  let query = db.selectFrom('auditLog').select(COLUMNS).orderBy('seq', 'desc').limit(q.limit);
  if (q.before !== undefined) query = query.where('seq', '<', String(q.before));
  if (q.subject) query = query.where('subject', '=', q.subject);
  if (q.action) query = query.where('action', 'like', `${q.action.replace(/[\\%_]/g, '\\$&')}%`);
  return (await query.execute()).map(toRecord);
}

/** The result of checking the whole chain. */
export interface AuditVerdict {
  ok: boolean;
  rows: number;
  /** The last good row: publish its hash somewhere else to notice a cut-off tail later. */
  head: { seq: number; hash: string };
  broken: ChainBreak | null;
}

/** Walks the whole log in order, in pages, and reports the first row that breaks the chain. */
export async function verifyAudit(db: Kysely<Database>, page = 5_000): Promise<AuditVerdict> {
  let prev = { seq: 0, hash: GENESIS_HASH };
  let rows = 0;
  for (;;) {
    const batch = (
      await db
        .selectFrom('auditLog')
        .select(COLUMNS)
        .where('seq', '>', String(prev.seq))
        .orderBy('seq')
        .limit(page)
        .execute()
    ).map(toRecord);
    if (batch.length === 0) return { ok: true, rows, head: prev, broken: null };
    const { last, broken } = checkRows(batch, prev);
    rows += last.seq - prev.seq;
    if (broken) return { ok: false, rows, head: last, broken };
    prev = last;
  }
}
