// `npm run bench -- soak` (run only when named): BENCH_SOAK_MINUTES (default 30) of mixed load against a
// real `dragnet serve --demo` child process (roles web, worker and crawler) on a fresh store, its memory
// sampled every BENCH_SOAK_SAMPLE_SECONDS (10): VmRSS from /proc/<pid>/status, and the JS heap (in use, and
// left by the latest full collection), which a probe loaded into the child with `--import` reports.
//
// The load, each part paced on its own (soak-mix.ts): victims' portal submissions, analysts' reads
// (operations list, the operation page's six calls, search, the public check, triage), a partner's API key
// reading the list, STIX and MISP exports and three feeds, a case with a note and a referral package (PDF
// dossier) every few minutes, and a crawl of a fixture popup page (test/fixtures/popups, served on
// loopback) every few minutes. Engines: BENCH_SOAK_ENGINES (default "pglite"; "pglite,postgres" runs a
// second soak on a throwaway PostgreSQL 15, whose own memory is not the server's).
//
// Bounded memory (soak-memory.ts): after a warm-up (BENCH_SOAK_WARMUP_MINUTES, default 5, or a sixth of a
// shorter run) the load is cut in three; the RSS floor of the last third is at most 1.25 × that of the
// first, and rises by less than 50 MB an hour between them. Also: no errors, and every acknowledged report
// is stored, and read by the worker, at the end. The samples go to test-results/soak-<engine>-<time>.csv.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { sql } from 'kysely';
import { v4 as uuidv4 } from 'uuid';
import { simulate } from '../src/simulate/simulate.js';
import { openStore } from '../src/store/database.js';
import { BIN, runCli } from '../test/helpers/cli.js';
import { startPgServer } from '../test/helpers/pg-server.js';
import { startPopupSite } from '../test/helpers/popup-site.js';
import { processedReports } from './processed.js';
import { quantile } from './soak-load.js';
import {
  memoryOf,
  memoryProbe,
  memoryVerdict,
  PROBE_TAG,
  type ProbeReport,
  rssMbOf,
  type Sample,
  writeSamplesCsv,
} from './soak-memory.js';
import { runLoad, type SoakLoad } from './soak-mix.js';
import { type Bench, type BenchRow, benchEngines } from './table.js';

const MINUTES = Number(process.env.BENCH_SOAK_MINUTES ?? 30);
const ENGINES = benchEngines('BENCH_SOAK_ENGINES', 'pglite');
const SAMPLE_SECONDS = Number(process.env.BENCH_SOAK_SAMPLE_SECONDS ?? 10);
const WARMUP_MINUTES = Number(process.env.BENCH_SOAK_WARMUP_MINUTES ?? Math.min(5, MINUTES / 6));
/** Crawls need the crawler role (a Chromium); 0 leaves both out. */
const CRAWL_MINUTES = Number(process.env.BENCH_SOAK_CRAWL_MINUTES ?? 2);
/** How long the worker may take to read the last submissions after the load. */
const DRAIN_SECONDS = Number(process.env.BENCH_SOAK_DRAIN_SECONDS ?? 300);
const MAX_GROWTH_MB_PER_HOUR = 50;
/** How far apart the RSS troughs landed without a leak in a 6-minute validation run (10 s samples). */
const TROUGH_NOISE_MB = 70;
const MAX_END_OVER_WARMUP = 1.25;
const TOKEN = 'soak-bench-token';
const HIGH = '100000000';
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

interface Server {
  child: ChildProcess;
  address: string;
  /** The latest report of the memory probe (bytes). */
  memory(): ProbeReport | undefined;
  /** The lowest RSS the probe reported since the last call, MB (NaN when none came). */
  takeRssFloor(): number;
  /** Lines the server logged at level error or above (pino's JSON on standard output). */
  loggedErrors(): string[];
  exited(): boolean;
}

/** Starts `dragnet serve --demo` with the memory probe and waits until it listens (seeding comes first). */
async function startServer(env: Record<string, string>, roles: string): Promise<Server> {
  const child = spawn(
    process.execPath,
    ['--import', memoryProbe(), BIN, 'serve', '--port', '0', '--roles', roles, '--demo'],
    { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let memory: ProbeReport | undefined;
  let rssFloor = Number.POSITIVE_INFINITY;
  const errors: string[] = [];
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  createInterface({ input: child.stdout! }).on('line', (line) => {
    if (/"level":(5|6)\d/.test(line)) errors.push(line.slice(0, 300));
  });
  const address = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('dragnet serve did not listen within 10 minutes')),
      600_000,
    );
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`dragnet serve exited (${code ?? signal}) before listening`));
    });
    createInterface({ input: child.stderr! }).on('line', (line) => {
      if (line.startsWith(PROBE_TAG)) {
        memory = JSON.parse(line.slice(PROBE_TAG.length)) as ProbeReport;
        rssFloor = Math.min(rssFloor, memory.rss);
      } else if (!line.startsWith('Demo analyst') && line.trim()) process.stderr.write(`  serve: ${line}\n`);
      const m = /listening on (http:\/\/\S+)/.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
  });
  return {
    child,
    address,
    memory: () => memory,
    takeRssFloor: () => {
      const floor = rssFloor;
      rssFloor = Number.POSITIVE_INFINITY;
      return Number.isFinite(floor) ? floor / (1024 * 1024) : Number.NaN;
    },
    loggedErrors: () => errors,
    exited: () => exited,
  };
}

/** Portal submissions as the form sends them, each with its own UUID, as many as asked for. */
function* portalBodies(): Generator<string> {
  const start = new Date(Date.now() - 60 * 86_400_000).toISOString().slice(0, 10);
  for (;;) {
    const sim = simulate({ reports: 20_000, seed: 9, start, days: 60 });
    for (const { report } of sim.reports())
      yield JSON.stringify({ ...report, source: 'portal', externalId: uuidv4() });
  }
}

interface SoakFigures {
  samples: Sample[];
  load: SoakLoad;
  csv: string;
  lost: number;
  unprocessed: number;
  drainSeconds: number | null;
  captures: number;
  loggedErrors: string[];
  exit: string;
}

async function soak(engine: 'pglite' | 'postgres'): Promise<SoakFigures> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dragnet-bench-soak-'));
  const pg = engine === 'postgres' ? startPgServer(54343) : undefined;
  const site = CRAWL_MINUTES > 0 ? await startPopupSite() : undefined;
  const dataDir = path.join(dir, 'data');
  const env: Record<string, string> = {
    DRAGNET_DATA: dataDir,
    ...(pg ? { DATABASE_URL: pg.url } : {}),
    DRAGNET_API_TOKEN: TOKEN,
    LOG_LEVEL: 'warn',
    DRAGNET_PUBLIC_REPORTS_PER_MINUTE: HIGH,
    DRAGNET_PUBLIC_CHECKS_PER_MINUTE: HIGH,
    DRAGNET_PUBLIC_TOTAL_PER_MINUTE: HIGH,
    // Simulated reports name made-up domains: only the fixture pages are crawled, on purpose.
    DRAGNET_CRAWL_REPORTED_URLS: '0',
    DRAGNET_CRAWL_CONCURRENCY: '1',
    ...(site ? { DRAGNET_CRAWL_ALLOW_LOOPBACK: new URL(site.origin).port } : {}),
  };
  try {
    const key = await runCli(['key', 'add', 'soak-partner', '--tlp', 'amber'], env);
    const partnerKey = /^dgk_\S+$/m.exec(key.stdout)?.[0];
    if (!partnerKey) throw new Error(`dragnet key add: ${key.stderr || key.stdout}`);
    process.stderr.write('  seeding the demo world and starting the server…\n');
    const server = await startServer(env, site ? 'web,worker,crawler' : 'web,worker');
    const pid = server.child.pid!;
    const samples: Sample[] = [];
    const started = performance.now();
    const deadline = started + MINUTES * 60_000;
    let phase: Sample['phase'] = 'idle';
    let load: SoakLoad | undefined;
    const sample = async () => {
      if (server.exited()) return;
      const processed = await processedReports(server.address, TOKEN).catch(() => null);
      const totals = load?.totals() ?? { requests: 0, errors: 0, acknowledged: 0 };
      samples.push({
        seconds: (performance.now() - started) / 1000,
        phase,
        rssMb: rssMbOf(pid),
        rssFloorMb: server.takeRssFloor(),
        ...memoryOf(server.memory()),
        ...totals,
        processed,
      });
      const last = samples.at(-1)!;
      process.stderr.write(
        `${process.stderr.isTTY ? '\r' : ''}  ${engine} ${phase} ${fmt(last.seconds)} s: RSS ${fmt(last.rssMb)} MB, heap ${fmt(last.heapUsedMb)} MB (${fmt(last.heapAfterFullGcMb)} after full GC), ${fmt(last.requests)} requests, ${last.errors} errors, ${fmt(last.acknowledged)} reports acknowledged, ${last.processed ?? '?'} processed${process.stderr.isTTY ? '   ' : '\n'}`,
      );
    };
    // The floor starts now, not during startup and seeding; a second later the probe has reported.
    server.takeRssFloor();
    await new Promise((r) => setTimeout(r, 1500));
    await sample();
    const baseline = samples[0]!.processed ?? 0;
    const sampler = setInterval(() => void sample(), SAMPLE_SECONDS * 1000);
    phase = 'load';
    load = runLoad({
      address: server.address,
      token: TOKEN,
      partnerKey,
      deadline,
      stopped: server.exited,
      bodies: portalBodies(),
      crawl: site && { origin: site.origin, pages: site.pages, minutes: CRAWL_MINUTES },
    });
    await load.done;
    phase = 'drain';
    const drainStart = performance.now();
    let drainSeconds: number | null = null;
    while (!server.exited() && (performance.now() - drainStart) / 1000 < DRAIN_SECONDS) {
      const processed = await processedReports(server.address, TOKEN).catch(() => 0);
      if (processed >= baseline + load.acknowledged.length) {
        drainSeconds = (performance.now() - drainStart) / 1000;
        break;
      }
      await new Promise((r) => setTimeout(r, 2000));
    }
    clearInterval(sampler);
    await sample();
    const captures = await capturesStored(server.address);
    const exit = await stopServer(server);
    const { lost, unprocessed } = await census(dataDir, pg?.url, load.acknowledged);
    return {
      samples,
      load,
      csv: writeSamplesCsv(engine, samples),
      lost,
      unprocessed,
      drainSeconds,
      captures,
      loggedErrors: server.loggedErrors(),
      exit,
    };
  } finally {
    await site?.close();
    pg?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Crawl captures the server holds (capped at the lists' 10,000, far above what a soak makes). */
async function capturesStored(address: string): Promise<number> {
  const res = await fetch(`${address}/api/crawls?limit=1`, { headers: { authorization: `Bearer ${TOKEN}` } });
  return res.ok ? ((await res.json()) as { total: number }).total : Number.NaN;
}

/** SIGTERM (graceful shutdown), then SIGKILL after two minutes; says how it ended. */
async function stopServer(server: Server): Promise<string> {
  if (server.exited())
    return `exited during the run (code ${server.child.exitCode ?? server.child.signalCode})`;
  const exited = once(server.child, 'exit');
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 120_000);
  const [code, signal] = (await exited) as [number | null, NodeJS.Signals | null];
  clearTimeout(timer);
  return code === 0 ? 'clean shutdown' : `shutdown ended with ${code ?? signal}`;
}

/** Acknowledged reports missing from the store, and those stored but never read by the worker. */
async function census(
  dataDir: string,
  databaseUrl: string | undefined,
  acknowledged: string[],
): Promise<{ lost: number; unprocessed: number }> {
  const store = await openStore({ dataDir, databaseUrl });
  try {
    const missing = await sql<{ n: string }>`
      SELECT count(*) AS n FROM unnest(${acknowledged}::uuid[]) AS a(id)
      WHERE NOT EXISTS (SELECT 1 FROM reports r WHERE r.id = a.id)`.execute(store.db);
    const unread = await sql<{ n: string }>`
      SELECT count(*) AS n FROM unnest(${acknowledged}::uuid[]) AS a(id)
      WHERE NOT EXISTS (SELECT 1 FROM report_extractions e WHERE e.report_id = a.id)`.execute(store.db);
    return { lost: Number(missing.rows[0]!.n), unprocessed: Number(unread.rows[0]!.n) };
  } finally {
    await store.close();
  }
}

function rows(engine: string, f: SoakFigures): BenchRow[] {
  const name = (what: string) => `soak (${MINUTES} min mixed load): ${what}`;
  const seconds = MINUTES * 60;
  const m = memoryVerdict(f.samples, {
    warmupSeconds: WARMUP_MINUTES * 60,
    loadSeconds: seconds,
    maxEndOverWarm: MAX_END_OVER_WARMUP,
    growthMbPerHour: MAX_GROWTH_MB_PER_HOUR,
    noiseMb: TROUGH_NOISE_MB,
  });
  const lanes = f.load.lanes;
  const requests = lanes.reduce((n, l) => n + l.requests, 0);
  const errors = lanes.reduce((n, l) => n + l.errors, 0);
  const laneCounts = lanes
    .map((l) => `${l.name} ${fmt(l.requests)} (${(l.requests / seconds).toFixed(1)}/s)`)
    .join(', ');
  const laneErrors = lanes
    .filter((l) => l.errors > 0)
    .map(
      (l) =>
        `${l.name}: ${[...l.failures].map(([k, n]) => `${k}×${n}`).join(' ')} (first: ${[...l.firstFailure.values()][0]})`,
    )
    .join('; ');
  const reads = lanes.find((l) => l.name === 'reads')!;
  const readP99 = (from: number, to: number) =>
    quantile(
      reads.latencies
        .filter(([t]) => t >= from && t < to)
        .map(([, ms]) => ms)
        .sort((a, b) => a - b),
      0.99,
    );
  const thirds = `the load after ${WARMUP_MINUTES.toFixed(1)} min of warm-up cut in three (${m.samplesPerThird}+ samples each), the lowest RSS of a third, read each second`;
  return [
    {
      name: name('requests served'),
      variant: engine,
      value: requests,
      unit: 'requests',
      notes: `${laneCounts}; ${f.captures} crawl captures stored; ${f.exit}`,
    },
    {
      name: name('errors'),
      variant: engine,
      value: errors,
      unit: 'errors',
      target: '0',
      issue: 11,
      ok: errors === 0 && f.loggedErrors.length === 0,
      notes: `${laneErrors || 'no failed call'}; ${f.loggedErrors.length} errors in the server's log${f.loggedErrors[0] ? ` (first: ${f.loggedErrors[0]})` : ''}`,
    },
    {
      name: name('acknowledged reports lost'),
      variant: engine,
      value: f.lost,
      unit: 'lost',
      target: '0',
      issue: 11,
      ok: f.lost === 0 && f.unprocessed === 0,
      notes: `${fmt(f.load.acknowledged.length)} acknowledged, looked up in the database after shutdown; ${f.unprocessed} not read by the worker; ${f.drainSeconds === null ? `backlog not drained within ${DRAIN_SECONDS} s` : `backlog drained ${f.drainSeconds.toFixed(0)} s after the load`}`,
    },
    {
      name: name('server RSS at start'),
      variant: engine,
      value: Math.round(m.startMb),
      unit: 'MB',
      notes: `demo world seeded, before any load; JS heap in use ${fmt(f.samples[0]!.heapUsedMb)} MB`,
    },
    {
      name: name('server RSS after warm-up (floor)'),
      variant: engine,
      value: Math.round(m.warmFloorMb),
      unit: 'MB',
      notes: `${thirds}: the first third; heap after full GC ${fmt(m.heapAfterGc[0])} MB`,
    },
    {
      name: name('server RSS at end (floor)'),
      variant: engine,
      value: Math.round(m.endFloorMb),
      unit: 'MB',
      target: `<= ${MAX_END_OVER_WARMUP} × warm-up`,
      issue: 11,
      ok: m.endFloorMb <= MAX_END_OVER_WARMUP * m.warmFloorMb,
      notes: `the last third: ${(m.endFloorMb / m.warmFloorMb).toFixed(2)} × warm-up; heap after full GC ${fmt(m.heapAfterGc[1])} MB`,
    },
    {
      name: name('server RSS growth after warm-up'),
      variant: engine,
      value: m.growthMbPerHour,
      unit: 'MB/hour',
      target: `< ${fmt(m.maxGrowthMbPerHour)}`,
      issue: 11,
      ok: m.growthMbPerHour < m.maxGrowthMbPerHour,
      notes: `memory ${m.bounded ? 'bounded' : 'NOT shown bounded'}: floor of the last third against the first; the target is ${MAX_GROWTH_MB_PER_HOUR} MB/h, or ${TROUGH_NOISE_MB} MB between the thirds when more (troughs land that far apart without a leak); heap after full GC ${m.heapGrowthMbPerHour.toFixed(0)} MB/h`,
    },
    {
      name: name('server RSS max'),
      variant: engine,
      value: Math.round(m.maxMb),
      unit: 'MB',
      notes: `${f.samples.length} samples every ${SAMPLE_SECONDS} s in ${f.csv}`,
    },
    {
      name: name('read latency p99, last third'),
      variant: engine,
      value: readP99((seconds * 2) / 3, Number.POSITIVE_INFINITY),
      unit: 'ms',
      notes: `first third ${readP99(0, seconds / 3).toFixed(0)} ms (a server that leaks slows down too)`,
    },
  ];
}

/** The soak on each engine of BENCH_SOAK_ENGINES. */
const bench: Bench = async () => {
  const out: BenchRow[] = [];
  for (const engine of ENGINES) {
    process.stderr.write(`bench soak: ${engine}, ${MINUTES} min…\n`);
    const figures = await soak(engine);
    process.stderr.write('\n');
    out.push(...rows(engine, figures));
  }
  return out;
};
export default bench;
