import type { FeedEntry } from './entries.js';

/** The feed's columns, in order. */
export const CSV_HEADER = [
  'value',
  'kind',
  'operation_id',
  'report_count',
  'first_seen',
  'last_seen',
  'expires_at',
  'score',
  'tlp',
] as const;

/** A strict E.164 number: '+' then digits only, so a spreadsheet can read it as a number but never run it. */
const E164 = /^\+[1-9]\d{1,14}$/;
/** What a spreadsheet takes as the start of a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV field: a value a spreadsheet would run as a formula gets a leading single quote, then RFC 4180
 * quoting (quotes doubled) when it holds a comma, a quote or a line break.
 * E.164 phone numbers are left as they are, although they start with '+': telcos load this feed with a CSV
 * parser and need the exact number, and '+' followed by digits only is a number, not a formula.
 */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) && !E164.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

type Cell = string | number | boolean | null | undefined;

/** A table as CSV (RFC 4180: CRLF line ends, header first), every field safe to open in a spreadsheet. */
export function csvTable(header: readonly string[], rows: Cell[][]): string {
  const line = (cells: readonly Cell[]) =>
    cells.map((c) => csvField(c === null || c === undefined ? '' : String(c))).join(',');
  return [line(header), ...rows.map(line)].map((l) => `${l}\r\n`).join('');
}

/** A feed as CSV, safe to open in a spreadsheet. */
export function toCsv(entries: FeedEntry[]): string {
  return csvTable(
    CSV_HEADER,
    entries.map((e) => [
      e.value,
      e.kind,
      e.operationId,
      e.reportCount,
      e.firstSeen,
      e.lastSeen,
      e.expiresAt,
      e.score,
      e.tlp,
    ]),
  );
}
