/** One measured figure, printed as a row of `npm run bench`. */
export interface BenchRow {
  /** What was measured, e.g. "ingest NDJSON (CLI)". */
  name: string;
  /** The database engine ("pglite", "postgres"), or "-" when the figure does not depend on it. */
  variant: string;
  value: number;
  unit: string;
  /** The target from the issue, in the same unit, e.g. ">= 5000". */
  target?: string;
  /** The issue the target comes from (printed as #N beside it). */
  issue?: number;
  /** Whether the value meets the target (undefined when there is none). */
  ok?: boolean;
  notes?: string;
}

/** A benchmark module: runs its measurements and returns rows. */
export type Bench = () => Promise<BenchRow[]>;

/** The variant of a row that no database is involved in: printed once, not once per engine. */
export const ENGINE_FREE = '-';

/** Says in a row's notes why it is printed once (`what` runs without a database, e.g. "in memory"). */
export function engineFreeNote(what: string, notes?: string): string {
  return `engine-independent (${what}); ${notes ?? ''}`.replace(/; $/, '');
}

/** The engines a database-bound bench runs on: `variable` (a comma list), else `fallback` (both). */
export function benchEngines(variable: string, fallback = 'pglite,postgres'): Array<'pglite' | 'postgres'> {
  const asked = (process.env[variable] || fallback).split(',').map((e) => e.trim());
  const bad = asked.filter((e) => e !== 'pglite' && e !== 'postgres');
  if (bad.length > 0) throw new Error(`${variable}: unknown engine ${bad.join(', ')} (pglite, postgres)`);
  return asked as Array<'pglite' | 'postgres'>;
}

/** Renders rows as an aligned text table. */
export function renderTable(rows: BenchRow[]): string {
  const head = ['benchmark', 'variant', 'value', 'unit', 'target', 'issue', 'ok', 'notes'];
  const body = rows.map((r) => [
    r.name,
    r.variant,
    formatNumber(r.value),
    r.unit,
    r.target ?? '-',
    r.issue === undefined ? '' : `#${r.issue}`,
    r.ok === undefined ? '' : r.ok ? 'yes' : 'NO',
    r.notes ?? '',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

function formatNumber(n: number): string {
  if (Number.isNaN(n)) return '-';
  if (Number.isInteger(n)) return n.toLocaleString('en-US');
  const size = Math.abs(n);
  return size >= 100 ? Math.round(n).toLocaleString('en-US') : size >= 1 ? n.toFixed(2) : n.toPrecision(3);
}
