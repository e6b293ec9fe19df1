import { createHash } from 'node:crypto';
import { canonicalJson } from '../core/hash.js';

/** The hash the first row of the chain points back to. */
export const GENESIS_HASH = '0'.repeat(64);

/** One audit row as it is hashed. */
export interface AuditRow {
  seq: number;
  /** ISO timestamp (millisecond precision, as PostgreSQL keeps it). */
  at: string;
  actor: string | null;
  action: string;
  subject: string | null;
  detail: Record<string, unknown>;
  prevHash: string;
}

/** The SHA-256 of a row: its fields and the previous row's hash, so changing any row breaks every later link. */
export function rowHash(row: AuditRow): string {
  const text = canonicalJson([row.seq, row.at, row.actor, row.action, row.subject, row.detail, row.prevHash]);
  return createHash('sha256').update(text).digest('hex');
}

/** Where a chain breaks, and why. */
export interface ChainBreak {
  seq: number;
  reason: string;
}

/**
 * Checks rows in order (seq ascending) continuing from `prev` (the last checked row, or the genesis):
 * consecutive numbers, each pointing at the hash before it, each hash matching its content.
 */
export function checkRows(
  rows: Array<AuditRow & { hash: string }>,
  prev: { seq: number; hash: string },
): { last: { seq: number; hash: string }; broken: ChainBreak | null } {
  let last = prev;
  for (const r of rows) {
    if (r.seq !== last.seq + 1)
      return { last, broken: { seq: r.seq, reason: `row ${last.seq + 1} is missing (next is ${r.seq})` } };
    if (r.prevHash !== last.hash)
      return {
        last,
        broken: { seq: r.seq, reason: `row ${r.seq} does not point at row ${last.seq}'s hash` },
      };
    if (rowHash(r) !== r.hash)
      return { last, broken: { seq: r.seq, reason: `row ${r.seq} was changed after it was written` } };
    last = { seq: r.seq, hash: r.hash };
  }
  return { last, broken: null };
}

/** Removes what PostgreSQL cannot store in jsonb (NUL characters, lone surrogates) from a detail. */
export function storableDetail(detail: Record<string, unknown>): Record<string, unknown> {
  return clean(JSON.parse(JSON.stringify(detail))) as Record<string, unknown>;
}

function clean(v: unknown): unknown {
  if (typeof v === 'string') return v.replaceAll('\u0000', '').toWellFormed();
  if (Array.isArray(v)) return v.map(clean);
  if (v && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [clean(k) as string, clean(x)]));
  return v;
}
