import { createWriteStream, type WriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import type { Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import { writeSimulation } from '../../simulate/simulate.js';
import { resolveOptions, type WorldOptions } from '../../simulate/world.js';

interface SimulateOptions {
  reports: string;
  seed: string;
  out: string;
  truth?: string;
  days: string;
  operations?: string;
  start: string;
}

/** Default period start: fixed, so a seed alone reproduces a world (no clock in the simulator). */
const DEFAULT_START = '2025-01-01';

/** `dragnet simulate`: writes a synthetic scam world's reports (NDJSON) and its ground truth (JSON). */
export function registerSimulate(program: Command): void {
  program
    .command('simulate')
    .description(
      'generate synthetic reports (ReportInput NDJSON) with ground truth, deterministic for a seed',
    )
    .requiredOption('--reports <n>', 'number of reports')
    .requiredOption('--seed <n>', 'random seed (whole number)')
    .requiredOption('--out <file>', 'where the reports go, one JSON line each (- for standard output)')
    .option('--truth <file>', 'where the ground truth goes (JSON)')
    .option('--days <n>', 'length of the simulated period in days', '365')
    .option('--operations <n>', 'number of operations (default: about one per 200 reports)')
    .option('--start <date>', 'first day of the simulated period (ISO date)', DEFAULT_START)
    .addHelpText(
      'after',
      '\nExample: dragnet simulate --reports 100000 --seed 1 --out reports.ndjson --truth truth.json\n' +
        'Then: dragnet ingest reports.ndjson, and evaluate linking against truth.json.',
    )
    .action(async (opts: SimulateOptions) => {
      const options = parseOptions(opts);
      if (opts.truth === '-' && opts.out === '-')
        throw new UsageError('--out and --truth cannot both be standard output');
      const started = performance.now();
      const reportsOut = opts.out === '-' ? process.stdout : openFile(opts.out);
      const truthOut = opts.truth ? (opts.truth === '-' ? process.stdout : openFile(opts.truth)) : undefined;
      const summary = await writeSimulation(options, reportsOut, truthOut);
      await Promise.all([close(reportsOut), truthOut ? close(truthOut) : undefined]);
      const seconds = (performance.now() - started) / 1000;
      const log = opts.out === '-' || opts.truth === '-' ? process.stderr : process.stdout;
      log.write(
        `${summary.reports} reports (${summary.tss} tech support, ${summary.otherScam} other scams, ${summary.noise} noise) ` +
          `from ${summary.operations} operations (${summary.fastMoving} fast-moving, ${summary.sharedGroups} shared-infrastructure groups) ` +
          `in ${seconds.toFixed(1)} s${opts.truth ? `; truth in ${opts.truth}` : ''}\n`,
      );
    });
}

function parseOptions(opts: SimulateOptions): WorldOptions {
  const whole = (name: string, v: string) => {
    if (!/^-?\d+$/.test(v.trim())) throw new UsageError(`--${name} must be a whole number (got ${v})`);
    return Number(v);
  };
  if (!/^\d{4}-\d{2}-\d{2}/.test(opts.start) || Number.isNaN(Date.parse(opts.start)))
    throw new UsageError(`--start must be an ISO date such as 2025-01-01 (got ${opts.start})`);
  const options: WorldOptions = {
    reports: whole('reports', opts.reports),
    seed: whole('seed', opts.seed),
    days: whole('days', opts.days),
    start: opts.start,
  };
  if (opts.operations !== undefined) options.operations = whole('operations', opts.operations);
  if (options.reports < 1 || options.reports > 50_000_000)
    throw new UsageError('--reports must be from 1 to 50000000');
  try {
    resolveOptions(options);
  } catch (err) {
    if (err instanceof RangeError) throw new UsageError(`invalid simulation options: ${err.message}`);
    throw err;
  }
  return options;
}

function openFile(path: string): WriteStream {
  // A large buffer lets generation run ahead of the disk; backpressure still bounds memory.
  return createWriteStream(path, { highWaterMark: 1 << 20 });
}

function close(stream: Writable): Promise<void> {
  if (stream === process.stdout) return Promise.resolve();
  return new Promise((resolve, reject) => {
    stream.once('error', reject);
    stream.end(() => resolve());
  });
}
