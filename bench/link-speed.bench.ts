// `npm run bench -- link-speed`: how fast linking is.
// a. Full recluster of the pure clustering (`clusterReports`) on 1,000,000 simulated reports, extracted as the
//    worker does (cached by link-quality.bench.ts's helpers: the first run extracts the million reports with
//    two worker threads, ~3 min on 2 cores; later runs read the cache). Run in a child process so its peak
//    RSS (`process.resourceUsage().maxRSS`) is the clustering's own: it includes holding the million
//    LinkReports, as `recluster` does after loading them.
// b. The same report–indicator graph in graphology: connected components and Louvain, each in a child.
// c. Incremental linking in the database, on PGlite and on a throwaway PostgreSQL 15 server
//    (BENCH_LINK_DB_ENGINES, default both): 100,000 reports stored, processed and reclustered, then 1,000 more
//    of the same world linked one at a time (`linkIncrementally`), timed per report. The same at 1,000,000
//    reports is part of `npm run bench -- api` (its cached stores).
// Total on 2 cores: ~9 min with the extraction cache warm (c ~3 min per engine), ~12 min cold.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UndirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import { connectedComponents } from 'graphology-components';
import type { ReportInput } from '../src/core/report-input.js';
import { processReports } from '../src/jobs/process-reports.js';
import { linkIncrementally } from '../src/operations/incremental.js';
import { recluster } from '../src/operations/recluster.js';
import { simulate } from '../src/simulate/simulate.js';
import { openStore } from '../src/store/database.js';
import { JobQueue } from '../src/store/queue.js';
import { type StoreOutcome, storeReports } from '../src/store/reports.js';
import { startPgServer } from '../test/helpers/pg-server.js';
import { dragnet, extractedWorldFile, readExtractedWorld, worldOptions } from './link-quality.bench.js';
import { type Bench, type BenchRow, benchEngines, ENGINE_FREE, engineFreeNote } from './table.js';

// The package is CommonJS and its types declare `export default`: under NodeNext TypeScript sees the default
// import as the module object, while Node hands over `module.exports`, the function itself.
const louvain = louvainModule as unknown as typeof louvainModule.default;

/** The stored report's id (a conflict cannot happen: simulated reports have no external ids that repeat). */
function storedId(o: StoreOutcome): string {
  if (o.status === 'conflict') throw new Error(o.message);
  return o.id;
}

const SEED = 1;
const N = Number(process.env.BENCH_LINK_SPEED_REPORTS ?? 1_000_000);
/** Louvain on the full million-report graph takes longer than its components; measured on a subset when smaller. */
const LOUVAIN_REPORTS = Math.min(N, Number(process.env.BENCH_LINK_LOUVAIN_REPORTS ?? 1_000_000));
/** Reports in the database before incremental linking is timed (1M on PGlite would take over an hour). */
const DB_REPORTS = Number(process.env.BENCH_LINK_DB_REPORTS ?? 100_000);
const DB_INCREMENTAL = Number(process.env.BENCH_LINK_DB_INCREMENTAL ?? 1_000);
const DB_ENGINES = benchEngines('BENCH_LINK_DB_ENGINES');
const MB = 1024 * 1024;
const fmt = (n: number) => n.toLocaleString('en-US');

// ---------------------------------------------------------------------------------------------------------
// Child processes: one measurement each, reported as one JSON line on stdout.

type ChildJob =
  | { mode: 'dragnet'; file: string }
  | { mode: 'components'; file: string; limit: number }
  | { mode: 'louvain'; file: string; limit: number };

interface ChildResult {
  reports: number;
  links: number;
  nodes: number;
  /** Seconds to read the cached reports (not part of the measurement). */
  loadSeconds: number;
  /** Seconds to build the library's graph (graphology only; ours builds its graph inside clusterReports). */
  buildSeconds: number;
  seconds: number;
  clusters: number;
  /** Largest cluster / community, reports. */
  largest: number;
  rssAfterLoadMb: number;
  maxRssMb: number;
  linkingValues?: number;
}

const maxRssMb = () => process.resourceUsage().maxRSS / 1024;

async function runChild(job: ChildJob): Promise<ChildResult> {
  const t0 = performance.now();
  const world = await readExtractedWorld(job.file);
  const reports = job.mode === 'dragnet' ? world.reports : world.reports.slice(0, job.limit);
  const loadSeconds = (performance.now() - t0) / 1000;
  const rssAfterLoadMb = process.memoryUsage().rss / MB;
  if (job.mode === 'dragnet') {
    const t1 = performance.now();
    const c = dragnet(reports);
    const seconds = (performance.now() - t1) / 1000;
    const sizes = new Int32Array(c.count);
    for (const k of c.cluster) sizes[k]!++;
    return {
      reports: reports.length,
      links: c.graph.repInds.length,
      nodes: reports.length + c.graph.kinds.length,
      loadSeconds,
      buildSeconds: 0,
      seconds,
      clusters: c.count,
      largest: sizes.reduce((a, b) => Math.max(a, b), 0),
      rssAfterLoadMb,
      maxRssMb: maxRssMb(),
      linkingValues: c.weights.reason.filter((r) => r === 'linking').length,
    };
  }
  const t1 = performance.now();
  const graph = new UndirectedGraph({ allowSelfLoops: false });
  let links = 0;
  reports.forEach((r, i) => {
    const node = `r${i}`;
    graph.addNode(node);
    for (const x of r.indicators) {
      const value = `${x.kind}\u0000${x.value}`;
      graph.mergeNode(value);
      graph.addEdge(node, value);
      links++;
    }
  });
  world.reports.length = 0; // the graph holds everything now
  const buildSeconds = (performance.now() - t1) / 1000;
  const t2 = performance.now();
  const isReport = (n: string) => n.charCodeAt(0) === 114 && !n.includes('\u0000');
  let clusters = 0;
  let largest = 0;
  if (job.mode === 'components') {
    for (const component of connectedComponents(graph)) {
      const size = component.filter(isReport).length;
      if (size > 0) clusters++;
      largest = Math.max(largest, size);
    }
  } else {
    const communities = louvain(graph, { rng: seeded(42) });
    const sizes = new Map<number, number>();
    for (const [node, k] of Object.entries(communities))
      if (isReport(node)) sizes.set(k, (sizes.get(k) ?? 0) + 1);
    clusters = sizes.size;
    for (const size of sizes.values()) largest = Math.max(largest, size);
  }
  const seconds = (performance.now() - t2) / 1000;
  return {
    reports: reports.length,
    links,
    nodes: graph.order,
    loadSeconds,
    buildSeconds,
    seconds,
    clusters,
    largest,
    rssAfterLoadMb,
    maxRssMb: maxRssMb(),
  };
}

/** A small deterministic generator (mulberry32) so Louvain's results repeat. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CHILD_ENV = 'DRAGNET_LINK_SPEED_CHILD';
const THIS_FILE = fileURLToPath(import.meta.url);
if (process.env[CHILD_ENV] && process.argv[1] && path.resolve(process.argv[1]) === THIS_FILE) {
  const result = await runChild(JSON.parse(process.env[CHILD_ENV]) as ChildJob);
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}

/** Runs one measurement in a fresh Node process (same loader flags: tsx), heap limit raised for graphology. */
function child(job: ChildJob): ChildResult {
  process.stderr.write(`  ${job.mode} (child process)…\n`);
  const out = execFileSync(process.execPath, [...process.execArgv, '--max-old-space-size=12288', THIS_FILE], {
    env: { ...process.env, [CHILD_ENV]: JSON.stringify(job) },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as ChildResult;
}

// ---------------------------------------------------------------------------------------------------------
// c. Incremental linking in the database.

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

/** Incremental linking timed on `engine`, after a store of DB_REPORTS reports is built and reclustered. */
export async function incremental(engine: 'pglite' | 'postgres'): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dragnet-bench-link-'));
  const server = engine === 'postgres' ? startPgServer(54340) : undefined;
  const store = await openStore({ dataDir: dir, databaseUrl: server?.url });
  const queue = await JobQueue.open(store.db);
  const now = new Date('2026-01-01T00:00:00Z');
  try {
    const inputs: ReportInput[] = [];
    for (const g of simulate(worldOptions(SEED, DB_REPORTS + DB_INCREMENTAL)).reports())
      inputs.push(g.report);
    const t0 = performance.now();
    for (let i = 0; i < DB_REPORTS; i += 1000) {
      const stored = await storeReports(
        store.db,
        queue,
        inputs.slice(i, Math.min(i + 1000, DB_REPORTS)),
        now,
        'cli',
      );
      await processReports(store.db, stored.map(storedId), now, { link: false });
      if ((i + 1000) % 10_000 === 0)
        process.stderr.write(
          `\r  ${engine}: ${fmt(i + 1000)} / ${fmt(DB_REPORTS)} stored and processed (${((performance.now() - t0) / 1000).toFixed(0)} s)`,
        );
    }
    const loadSeconds = (performance.now() - t0) / 1000;
    process.stderr.write(`\n  ${engine}: full recluster…\n`);
    const t1 = performance.now();
    const stats = await recluster(store.db, now);
    const reclusterSeconds = (performance.now() - t1) / 1000;

    const held = await storeReports(store.db, queue, inputs.slice(DB_REPORTS), now, 'cli');
    const ms: number[] = [];
    const actions = { new: 0, joined: 0, merged: 0 };
    for (const [k, outcome] of held.entries()) {
      const id = storedId(outcome);
      await processReports(store.db, [id], now, { link: false });
      const t = performance.now();
      const [linked] = await linkIncrementally(store.db, [id], now);
      ms.push(performance.now() - t);
      actions[linked!.action]++;
      if ((k + 1) % 100 === 0) process.stderr.write(`\r  incremental: ${k + 1} / ${held.length}`);
    }
    process.stderr.write('\n');
    ms.sort((a, b) => a - b);
    const p50 = quantile(ms, 0.5);
    const p99 = quantile(ms, 0.99);
    const base = `incremental link, one report at a time (${fmt(DB_REPORTS)} reports stored)`;
    return [
      {
        name: base,
        variant: engine,
        value: p50,
        unit: 'ms p50',
        notes: `${held.length} reports one at a time: ${actions.new} new, ${actions.joined} joined, ${actions.merged} merged`,
      },
      {
        name: base,
        variant: engine,
        value: p99,
        unit: 'ms p99',
        target: '<= 10',
        issue: 5,
        ok: p99 <= 10,
        notes: `max ${ms.at(-1)!.toFixed(1)} ms; ${fmt(DB_REPORTS)} reports stored; the issue's 1,000,000 is in the api bench`,
      },
      {
        name: `store for incremental link (${fmt(DB_REPORTS)} reports)`,
        variant: engine,
        value: loadSeconds,
        unit: 's',
        notes: `storeReports + processReports (link: false) in batches of 1,000; then recluster ${reclusterSeconds.toFixed(1)} s (load ${stats.seconds.load.toFixed(1)}, cluster ${stats.seconds.cluster.toFixed(1)}, write ${stats.seconds.write.toFixed(1)}, summaries ${stats.seconds.summaries.toFixed(1)}), ${fmt(stats.operations)} operations`,
      },
    ];
  } finally {
    await queue.stop(false);
    await store.close();
    server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------------

/** `npm run bench -- link-speed`. */
const bench: Bench = async () => {
  const file = await extractedWorldFile(SEED, N);
  const rows: BenchRow[] = [];
  const graphOf = (r: ChildResult) =>
    `${fmt(r.reports)} reports, ${fmt(r.nodes)} nodes, ${fmt(r.links)} report–indicator links`;

  const ours = child({ mode: 'dragnet', file });
  rows.push(
    {
      name: `full recluster, clusterReports (${fmt(ours.reports)} reports)`,
      variant: ENGINE_FREE,
      value: ours.seconds,
      unit: 's',
      target: '<= 20',
      issue: 5,
      ok: ours.seconds <= 20,
      notes: engineFreeNote(
        'clustering in memory',
        `${graphOf(ours)}; ${fmt(ours.linkingValues ?? 0)} linking values; ${fmt(ours.clusters)} clusters, largest ${fmt(ours.largest)}`,
      ),
    },
    {
      name: `full recluster, clusterReports (${fmt(ours.reports)} reports)`,
      variant: ENGINE_FREE,
      value: Math.round(ours.maxRssMb),
      unit: 'MB peak RSS',
      target: '<= 2,048',
      issue: 5,
      ok: ours.maxRssMb <= 2048,
      notes: engineFreeNote(
        'clustering in memory',
        `child process maxRSS, input LinkReports included (${Math.round(ours.rssAfterLoadMb)} MB after reading them)`,
      ),
    },
  );

  const components = child({ mode: 'components', file, limit: N });
  rows.push(
    {
      name: `graphology connected components (${fmt(components.reports)} reports)`,
      variant: ENGINE_FREE,
      value: components.seconds,
      unit: 's',
      notes: engineFreeNote(
        'in memory',
        `beside the recluster, as issue 5 asks; + ${components.buildSeconds.toFixed(1)} s to build the graph; ${graphOf(components)}; ${fmt(components.clusters)} components, largest ${fmt(components.largest)} reports`,
      ),
    },
    {
      name: `graphology connected components (${fmt(components.reports)} reports)`,
      variant: ENGINE_FREE,
      value: Math.round(components.maxRssMb),
      unit: 'MB peak RSS',
      notes: engineFreeNote(
        'in memory',
        `child process maxRSS, graph build included (${Math.round(components.rssAfterLoadMb)} MB after reading the reports)`,
      ),
    },
  );

  const communities = child({ mode: 'louvain', file, limit: LOUVAIN_REPORTS });
  const subset =
    LOUVAIN_REPORTS < N ? `; a ${fmt(LOUVAIN_REPORTS)}-report subset (the full graph takes too long)` : '';
  rows.push(
    {
      name: `graphology Louvain (${fmt(communities.reports)} reports)`,
      variant: ENGINE_FREE,
      value: communities.seconds,
      unit: 's',
      notes: engineFreeNote(
        'in memory',
        `+ ${communities.buildSeconds.toFixed(1)} s to build the graph; ${graphOf(communities)}; ${fmt(communities.clusters)} communities, largest ${fmt(communities.largest)} reports${subset}`,
      ),
    },
    {
      name: `graphology Louvain (${fmt(communities.reports)} reports)`,
      variant: ENGINE_FREE,
      value: Math.round(communities.maxRssMb),
      unit: 'MB peak RSS',
      notes: engineFreeNote('in memory', 'child process maxRSS, graph build included'),
    },
  );

  for (const engine of DB_ENGINES) rows.push(...(await incremental(engine)));
  return rows;
};
export default bench;
