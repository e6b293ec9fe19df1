import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportInput } from '../../src/core/report-input.js';
import { simulate } from '../../src/simulate/index.js';
import { census, duplicatedExternalIds, jobsIn } from '../helpers/census.js';
import { ENGINES, freshStoreOptions } from '../helpers/engines.js';
import { ReportClient, reportsIn, submissionsOf } from '../helpers/report-client.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { until } from '../helpers/until.js';

const TOKEN = 'faults-intake-token';
const REPORTS = 1200;
const CONCURRENCY = 16;

/** A simulated world's reports: realistic, linked by shared values, each with its own externalId. */
function worldReports(count: number, seed: number): ReportInput[] {
  const sim = simulate({ reports: count, seed, start: '2025-01-01', days: 90, operations: 12 });
  return [...sim.reports()].map((r) => r.report);
}

/**
 * On a PostgreSQL server the test watches the job table while Dragnet runs: `now()` says whether a
 * worker holds report-processing jobs. The embedded database cannot be watched from outside (always true).
 */
async function activeJobsProbe(databaseUrl: string | undefined) {
  if (!databaseUrl) return { watched: false, now: () => true, close: async () => {} };
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let active = 0;
  let open = true;
  const poll = (async () => {
    while (open) {
      const { rows } = await client.query(
        `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'report.process' AND state = 'active'`,
      );
      active = rows[0].n;
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  return {
    watched: true,
    now: () => active > 0,
    close: async () => {
      open = false;
      await poll;
      await client.end();
    },
  };
}

/** Reports in operations, as the API lists them (summaries are refreshed by the worker). */
async function reportsInOperations(address: string): Promise<number> {
  let sum = 0;
  for (let offset = 0; ; offset += 200) {
    const res = await fetch(`${address}/api/operations?limit=200&offset=${offset}`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    const { rows } = (await res.json()) as { rows: Array<{ reportCount: number }> };
    for (const r of rows) sum += r.reportCount;
    if (rows.length < 200) return sum;
  }
}

/**
 * SIGKILL of `dragnet serve` while reports stream in through the API: a client that sends again whatever
 * was not acknowledged ends up with every report stored exactly once, and the worker processes every
 * stored report after the restart.
 */
describe.each(ENGINES)('SIGKILL during HTTP intake on %s', (engine) => {
  let env: Record<string, string | undefined>;
  let cleanup: () => Promise<void>;
  let serve: ServeProcess | undefined;

  beforeAll(async () => {
    const o = await freshStoreOptions(engine);
    cleanup = o.cleanup;
    env = {
      DRAGNET_DATA: o.dataDir,
      DATABASE_URL: o.databaseUrl ?? '',
      DRAGNET_API_TOKEN: TOKEN,
      DRAGNET_CRAWL_REPORTED_URLS: '0',
      DRAGNET_VACUUM_MINUTES: '0',
    };
  });
  afterAll(async () => {
    await serve?.kill();
    await cleanup?.();
  });

  it('stores every acknowledged and every retried report exactly once, and processes them all', async () => {
    const queue = submissionsOf(worldReports(REPORTS, 11), 20, 10);
    serve = await startServe(env);
    const client = new ReportClient(serve.address, TOKEN);
    const working = await activeJobsProbe(env.DATABASE_URL);
    // Kill once a third of the reports are acknowledged, with requests of both kinds in flight (and,
    // where the test can see it, while the worker holds a batch of jobs).
    let atKill: { requests: number; reports: number; acked: number } | undefined;
    const killed = new Promise<void>((resolve) => {
      client.onAck = () => {
        if (atKill || client.acked.size < REPORTS / 3 || !working.now()) return;
        atKill = {
          requests: client.inFlight.size,
          reports: reportsIn(client.inFlight),
          acked: client.acked.size,
        };
        serve!.child.kill('SIGKILL');
        resolve();
      };
    });
    const unsent = await client.run(queue, CONCURRENCY, () => atKill !== undefined);
    await killed;
    await working.close();
    expect((await serve.exited).signal).toBe('SIGKILL');

    // Every report acknowledged before the process died is stored, under the id the client was given.
    const dead = await census(env);
    for (const [externalId, ack] of client.acked)
      expect(dead.idsByExternalId.get(externalId)).toEqual([ack.id]);
    expect(duplicatedExternalIds(dead)).toEqual([]);
    const orphaned = jobsIn(dead, 'report.process', 'active');
    if (working.watched) expect(orphaned).toBeGreaterThan(0);
    const ackedBeforeKill = new Map(client.acked);
    const unanswered = client.takeFailures();
    expect(client.acked.size + reportsIn(unanswered) + reportsIn(unsent)).toBe(REPORTS);

    // The client sends again what was not acknowledged, to the restarted process.
    const restartedAt = Date.now();
    serve = await startServe(env);
    const restartSeconds = (Date.now() - restartedAt) / 1000;
    client.address = serve.address;
    expect(await client.run([...unanswered, ...unsent], CONCURRENCY)).toEqual([]);
    expect(client.failures).toEqual([]);
    expect(client.acked.size).toBe(REPORTS);
    // A report stored before the kill whose answer was lost comes back as a duplicate, with its id.
    const storedButUnanswered = unanswered
      .flatMap((s) => s.reports)
      .filter((r) => client.acked.get(r.externalId!)!.status === 'duplicate').length;
    for (const [externalId, ack] of ackedBeforeKill) expect(client.acked.get(externalId)).toEqual(ack);

    // Jobs resume, those the dead process was running included: every report is processed and linked.
    const processingFrom = Date.now();
    await until(
      'every report in an operation',
      async () => {
        const n = await reportsInOperations(serve!.address);
        return n === REPORTS ? n : undefined;
      },
      180_000,
    );
    const processingSeconds = (Date.now() - processingFrom) / 1000;
    const stopped = await serve.stop();
    serve = undefined;
    expect(stopped.code).toBe(0);

    const after = await census(env);
    expect(after.reports).toBe(REPORTS);
    expect(duplicatedExternalIds(after)).toEqual([]);
    for (const [externalId, ack] of client.acked)
      expect(after.idsByExternalId.get(externalId)).toEqual([ack.id]);
    expect(after.processed).toBe(REPORTS);
    expect(after.extracted).toBe(REPORTS);
    expect(after.linked).toBe(REPORTS);
    expect(jobsIn(after, 'report.process', 'created', 'retry', 'active')).toBe(0);
    console.info(
      `[faults] intake kill on ${engine}: ${atKill!.requests} requests (${atKill!.reports} reports) in flight, ` +
        `${atKill!.acked} reports acknowledged; the dead store held ${dead.reports} reports, ` +
        `${jobsIn(dead, 'report.process', 'created', 'retry')} queued and ${orphaned} running jobs; ` +
        `${reportsIn(unanswered)} unanswered reports (${storedButUnanswered} already stored) and ` +
        `${reportsIn(unsent)} unsent sent again; restart ${restartSeconds.toFixed(1)} s, all ${after.reports} ` +
        `processed ${processingSeconds.toFixed(1)} s later, in ${after.operations} operations`,
    );
  }, 240_000);
});
