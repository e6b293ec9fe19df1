import type { FieldIssue } from '../core/errors.js';
import { LIMITS, type ReportInput, reportInputSchema } from '../core/report-input.js';
import { fieldIssues, nestedDeeperThan } from '../core/validate.js';

/** Deeper than any report (payments/0/recipient/name is four levels): refused before anything walks it. */
const MAX_DEPTH = 16;

/** A record checked against the ReportInput contract. */
export type Parsed = { ok: true; value: ReportInput } | { ok: false; issues: FieldIssue[] };

/** Validates one record (already parsed from JSON, CSV…) against the contract, naming every bad field. */
export function parseReportInput(raw: unknown, byteLength?: number): Parsed {
  // JSON.stringify below would overflow the stack (a 500) on the thousands of levels a body can hold.
  if (nestedDeeperThan(raw, MAX_DEPTH))
    return {
      ok: false,
      issues: [{ path: '(record)', message: `nested more than ${MAX_DEPTH} levels deep` }],
    };
  const size = byteLength ?? Buffer.byteLength(JSON.stringify(raw) ?? '');
  if (size > LIMITS.recordBytes) {
    return {
      ok: false,
      issues: [{ path: '(record)', message: `record is ${size} bytes; the limit is ${LIMITS.recordBytes}` }],
    };
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, issues: [{ path: '(record)', message: 'expected a JSON object' }] };
  }
  const result = reportInputSchema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, issues: fieldIssues(result.error) };
}
