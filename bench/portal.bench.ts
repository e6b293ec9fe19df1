// `npm run bench -- portal`: the public portal's submissions under load, counted in the database after.
// A real server (startDragnet: web and worker roles in one process, as `dragnet serve --roles web,worker`
// runs) on a fresh store, its anonymous limits raised for the run; autocannon posts realistic portal
// bodies (simulated reports, each with its own UUID externalId, source "portal", X-Dragnet-Intake: portal)
// at BENCH_PORTAL_RATE (default 550) submissions/s for BENCH_PORTAL_SECONDS (default 60). Every 2xx answer
// names the stored report's id; after the run the worker drains its backlog, the server stops, and the
// store is opened to check that every acknowledged report is there (none lost) and nothing else is.
// Engines: BENCH_PORTAL_ENGINES (default "pglite,postgres"; PostgreSQL 15 is started and thrown away).
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon, { type Result } from 'autocannon';
import { sql } from 'kysely';
import { v4 as uuidv4 } from 'uuid';
import type { Role } from '../src/server/context.js';
import { startDragnet } from '../src/server/start.js';
import { simulate } from '../src/simulate/simulate.js';
import { openStore } from '../src/store/database.js';
import { startPgServer } from '../test/helpers/pg-server.js';
import { processedReports } from './processed.js';
import { type Bench, type BenchRow, benchEngines } from './table.js';

const RATE = Number(process.env.BENCH_PORTAL_RATE ?? 550);
const SECONDS = Number(process.env.BENCH_PORTAL_SECONDS ?? 60);
const CONNECTIONS = Number(process.env.BENCH_PORTAL_CONNECTIONS ?? 128);
const ENGINES = benchEngines('BENCH_PORTAL_ENGINES');
/** How long the worker may take to finish the backlog after the run before the bench stops waiting. */
const DRAIN_SECONDS = Number(process.env.BENCH_PORTAL_DRAIN_SECONDS ?? 600);
const TARGET_RATE = 500;
const TOKEN = 'portal-bench-token';
const HIGH = '100000000';
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

// The server side: run as a child process, so the load generator does not share its event loop.
if (process.env.BENCH_PORTAL_SERVE === '1') {
  const roles = (process.env.BENCH_PORTAL_ROLES ?? 'web,worker').split(',') as Role[];
  const running = await startDragnet({ port: 0, host: '127.0.0.1', roles });
  process.stdout.write(`${JSON.stringify({ address: running.address })}\n`);
  process.once('SIGTERM', () => {
    running.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

/** Portal submissions as the form sends them: simulated reports in many languages, each its own UUID. */
function portalBodies(n: number): string[] {
  const sim = simulate({ reports: n, seed: 9, start: '2026-01-01', days: 60 });
  const out: string[] = [];
  for (const { report } of sim.reports())
    out.push(JSON.stringify({ ...report, source: 'portal', externalId: uuidv4() }));
  return out;
}

async function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; address: string }> {
  const flags = process.env.BENCH_PORTAL_NODE_FLAGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...flags, '--import', 'tsx', fileURLToPath(import.meta.url)], {
    env: {
      ...process.env,
      ...env,
      BENCH_PORTAL_SERVE: '1',
      DRAGNET_API_TOKEN: TOKEN,
      LOG_LEVEL: 'warn',
      DRAGNET_PUBLIC_REPORTS_PER_MINUTE: HIGH,
      DRAGNET_PUBLIC_TOTAL_PER_MINUTE: HIGH,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines) {
    const m = line.match(/^\{"address":"([^"]+)"\}$/);
    if (m) return { child, address: m[1]! };
  }
  throw new Error('the bench server exited before listening');
}

interface RunFigures {
  result: Result;
  acknowledged: string[];
  stored: number;
  lost: number;
  processedDuringRun: number;
  drainSeconds: number | null;
  load: number[];
}

async function run(engine: string, bodies: string[]): Promise<RunFigures> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dragnet-bench-portal-'));
  const pg = engine === 'postgres' ? startPgServer(54341) : undefined;
  const dataDir = path.join(dir, 'data');
  const env: Record<string, string> = { DRAGNET_DATA: dataDir, ...(pg ? { DATABASE_URL: pg.url } : {}) };
  try {
    const { child, address } = await startServer(env);
    const acknowledged: string[] = [];
    let next = 0;
    const loadBefore = os.loadavg()[0]!;
    const result = await autocannon({
      url: address,
      connections: CONNECTIONS,
      duration: SECONDS,
      overallRate: RATE,
      timeout: 10,
      requests: [
        {
          method: 'POST',
          path: '/api/reports',
          headers: { 'content-type': 'application/json', 'x-dragnet-intake': 'portal' },
          setupRequest: (req) => ({ ...req, body: bodies[next++ % bodies.length] }),
          onResponse: (status, body) => {
            if (status >= 200 && status < 300) acknowledged.push((JSON.parse(body) as { id: string }).id);
          },
        },
      ],
    });
    const loadDuring = os.loadavg()[0]!;
    const processedDuringRun = await processedReports(address, TOKEN);
    const drainStart = performance.now();
    let drainSeconds: number | null = null;
    while ((performance.now() - drainStart) / 1000 < DRAIN_SECONDS) {
      if ((await processedReports(address, TOKEN)) >= acknowledged.length) {
        drainSeconds = (performance.now() - drainStart) / 1000;
        break;
      }
      await new Promise((r) => setTimeout(r, 2000));
    }
    child.kill('SIGTERM');
    await once(child, 'exit');
    const store = await openStore({ dataDir, databaseUrl: pg?.url });
    try {
      const stored = await sql<{ n: string }>`SELECT count(*) AS n FROM reports
                                              WHERE source = 'portal' AND intake = 'portal'`.execute(
        store.db,
      );
      const missing = await sql<{ n: string }>`
        SELECT count(*) AS n FROM unnest(${acknowledged}::uuid[]) AS a(id)
        WHERE NOT EXISTS (SELECT 1 FROM reports r WHERE r.id = a.id)`.execute(store.db);
      return {
        result,
        acknowledged,
        stored: Number(stored.rows[0]!.n),
        lost: Number(missing.rows[0]!.n),
        processedDuringRun,
        drainSeconds,
        load: [loadBefore, loadDuring],
      };
    } finally {
      await store.close();
    }
  } finally {
    pg?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function rows(engine: string, f: RunFigures): BenchRow[] {
  const r = f.result;
  const failures = r.non2xx + r.errors + r.timeouts;
  const rate = r['2xx'] / SECONDS;
  const name = `intake HTTP: portal submissions, ${SECONDS} s at ${fmt(RATE)}/s offered`;
  const load = `load avg ${f.load[0]!.toFixed(1)} → ${f.load[1]!.toFixed(1)} on ${os.cpus().length} cores`;
  return [
    {
      name,
      variant: engine,
      value: rate,
      unit: 'reports/s',
      target: `>= ${TARGET_RATE}`,
      issue: 9,
      ok: rate >= TARGET_RATE && failures === 0 && f.lost === 0,
      notes: `${fmt(r['2xx'])} acknowledged, latency p50 ${r.latency.p50} ms p99 ${r.latency.p99} ms max ${r.latency.max} ms; ${load}`,
    },
    {
      name,
      variant: engine,
      value: failures,
      unit: 'errors',
      target: '0',
      issue: 9,
      ok: failures === 0,
      notes: `non-2xx ${r.non2xx} (${Object.keys(r.statusCodeStats).join(', ')}), connection errors ${r.errors}, timeouts ${r.timeouts}`,
    },
    {
      name,
      variant: engine,
      value: f.lost,
      unit: 'lost',
      target: '0',
      issue: 9,
      ok: f.lost === 0 && f.stored >= f.acknowledged.length,
      notes: `acknowledged ${fmt(f.acknowledged.length)}, in the database ${fmt(f.stored)} (more = stored as the run was cut off)`,
    },
    {
      name: 'portal submissions processed by the worker meanwhile',
      variant: engine,
      value: f.processedDuringRun / SECONDS,
      unit: 'reports/s',
      notes:
        f.drainSeconds === null
          ? `backlog not drained within ${DRAIN_SECONDS} s`
          : `${fmt(f.processedDuringRun)} read and linked during the run (one worker polls 50 jobs per 0.5 s: 100/s at most), the backlog ${f.drainSeconds.toFixed(0)} s more`,
    },
  ];
}

/** Submissions per second the portal sustains on each engine, with errors and losses counted. */
const bench: Bench = async () => {
  const bodies = portalBodies(Math.ceil(RATE * SECONDS * 1.2) + CONNECTIONS * 2);
  const out: BenchRow[] = [];
  for (const engine of ENGINES) {
    process.stderr.write(`bench portal: ${engine}, ${SECONDS} s at ${RATE}/s…\n`);
    out.push(...rows(engine, await run(engine, bodies)));
  }
  return out;
};
export default bench;
