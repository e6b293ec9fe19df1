/** One measured figure, printed as a row of `npm run bench`. */
export interface BenchRow {
  /** What was measured, e.g. "ingest NDJSON (CLI)". */
  name: string;
  /** The engine or variant ("pglite", "postgres", "-"). */
  variant: string;
  value: number;
  unit: string;
  /** The target from the issue, in the same unit, e.g. ">= 5000". */
  target?: string;
  /** Whether the value meets the target (undefined when there is none). */
  ok?: boolean;
  notes?: string;
}

/** A benchmark module: runs its measurements and returns rows. */
export type Bench = () => Promise<BenchRow[]>;

/** Renders rows as an aligned text table. */
export function renderTable(rows: BenchRow[]): string {
  const head = ['benchmark', 'variant', 'value', 'unit', 'target', 'ok', 'notes'];
  const body = rows.map((r) => [
    r.name,
    r.variant,
    formatNumber(r.value),
    r.unit,
    r.target ?? '',
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
  if (Number.isInteger(n)) return n.toLocaleString('en-US');
  return n >= 100 ? n.toFixed(0) : n >= 1 ? n.toFixed(2) : n.toPrecision(3);
}
