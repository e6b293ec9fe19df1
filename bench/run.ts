import os from 'node:os';
import { type Bench, type BenchRow, renderTable } from './table.js';

/**
 * `npm run bench [-- NAME...]`: runs every benchmark (or those named) and prints one table.
 * Each benchmark lives in bench/<name>.bench.ts and default-exports a Bench. The order follows issue 11's
 * list: intake (CLI, then HTTP), extraction, linking, crawl, classification, API latencies.
 */
const registry: Record<string, () => Promise<{ default: Bench }>> = {
  intake: () => import('./intake.bench.js'),
  portal: () => import('./portal.bench.js'),
  extract: () => import('./extract.bench.js'),
  simulate: () => import('./simulate.bench.js'),
  'link-quality': () => import('./link-quality.bench.js'),
  'link-speed': () => import('./link-speed.bench.js'),
  crawl: () => import('./crawl.bench.js'),
  classify: () => import('./classify.bench.js'),
  api: () => import('./api.bench.js'),
  soak: () => import('./soak.bench.js'),
};
/** Run only when named: the soak takes half an hour by design. */
const ONLY_WHEN_NAMED = new Set(['soak']);

const only = process.argv.slice(2);
const unknown = only.filter((name) => !(name in registry));
if (unknown.length > 0) {
  process.stderr.write(
    `unknown benchmark ${unknown.join(', ')}; known: ${Object.keys(registry).join(', ')}\n`,
  );
  process.exit(2);
}
const rows: BenchRow[] = [];
for (const [name, load] of Object.entries(registry)) {
  if (only.length > 0 ? !only.includes(name) : ONLY_WHEN_NAMED.has(name)) continue;
  process.stderr.write(`bench: ${name}…\n`);
  try {
    const bench = (await load()).default;
    rows.push(...(await bench()));
  } catch (err) {
    // One broken bench must not cost the figures of the others (a full run takes hours).
    process.stderr.write(`bench ${name} failed: ${(err as Error).stack ?? err}\n`);
    rows.push({
      name: `${name}: failed`,
      variant: '-',
      value: Number.NaN,
      unit: '-',
      ok: false,
      notes: (err as Error).message.split('\n')[0]!.slice(0, 200),
    });
    process.exitCode = 1;
  }
}
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
process.stdout.write(`\nDragnet benchmarks — ${os.cpus().length} × ${cpu}, Node ${process.version}\n\n`);
process.stdout.write(`${renderTable(rows)}\n`);
