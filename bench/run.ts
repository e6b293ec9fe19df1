import os from 'node:os';
import { type Bench, type BenchRow, renderTable } from './table.js';

/**
 * `npm run bench [-- NAME...]`: runs every benchmark (or those named) and prints one table.
 * Each benchmark lives in bench/<name>.bench.ts and default-exports a Bench.
 */
const registry: Record<string, () => Promise<{ default: Bench }>> = {
  intake: () => import('./intake.bench.js'),
  extract: () => import('./extract.bench.js'),
  simulate: () => import('./simulate.bench.js'),
  'link-quality': () => import('./link-quality.bench.js'),
  'link-speed': () => import('./link-speed.bench.js'),
  crawl: () => import('./crawl.bench.js'),
  classify: () => import('./classify.bench.js'),
  api: () => import('./api.bench.js'),
  portal: () => import('./portal.bench.js'),
};

const only = process.argv.slice(2);
const rows: BenchRow[] = [];
for (const [name, load] of Object.entries(registry)) {
  if (only.length > 0 && !only.includes(name)) continue;
  process.stderr.write(`bench: ${name}…\n`);
  const bench = (await load()).default;
  rows.push(...(await bench()));
}
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
process.stdout.write(`\nDragnet benchmarks — ${os.cpus().length} × ${cpu}, Node ${process.version}\n\n`);
process.stdout.write(`${renderTable(rows)}\n`);
