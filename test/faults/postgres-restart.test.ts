import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulate } from '../../src/simulate/index.js';
import { census, duplicatedExternalIds, jobsIn } from '../helpers/census.js';
import { type PgServer, startPgServer } from '../helpers/pg-server.js';
import { ReportClient, type Submission, submissionsOf } from '../helpers/report-client.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { until } from '../helpers/until.js';

const TOKEN = 'faults-pg-restart-token';
/** A port of its own: this test stops and starts its server, never the one other tests share. */
const PORT = 54341;
const CONCURRENCY = 8;
/** How long the database stays down while requests keep coming. */
const OUTAGE_MS = 3000;

/**
 * The PostgreSQL server under a running `dragnet serve` stops (a planned restart, then a crash) while
 * reports keep coming: requests fail cleanly with a JSON 503 and /readyz says not ready, the process
 * stays up, and once the database is back the service recovers on its own, without losing a report.
 */
describe('PostgreSQL restarted under a running dragnet serve', () => {
  let pg: PgServer;
  let serve: ServeProcess;
  let dataDir: string;
  let client: ReportClient;
  const queue: Submission[] = submissionsOf(
    [...simulate({ reports: 3000, seed: 5, start: '2025-01-01', days: 60, operations: 10 }).reports()].map(
      (r) => r.report,
    ),
    10,
    5,
  );

  beforeAll(async () => {
    pg = startPgServer(PORT);
    dataDir = mkdtempSync(path.join(tmpdir(), 'dragnet-faults-pg-'));
    serve = await startServe({
      DATABASE_URL: pg.url,
      DRAGNET_DATA: dataDir,
      DRAGNET_API_TOKEN: TOKEN,
      DRAGNET_CRAWL_REPORTED_URLS: '0',
    });
    client = new ReportClient(serve.address, TOKEN);
  });
  afterAll(async () => {
    await serve?.kill();
    await pg?.resume().catch(() => undefined);
    pg?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const readiness = async () => {
    const res = await fetch(`${serve.address}/readyz`).catch((err: Error) => {
      throw new Error(`${err.message}: dragnet serve is gone (${serve.child.exitCode}):\n${serve.stderr()}`);
    });
    return { status: res.status, body: (await res.json()) as { status: string; database: string } };
  };

  it.each(['fast', 'immediate'] as const)(
    'survives a stop -m %s of the database',
    async (mode) => {
      let stopFeed = false;
      const acked = () => client.acked.size;
      const reports = mode === 'fast' ? queue.slice(0, queue.length / 2) : queue.slice(queue.length / 2);
      const feed = client.run(reports, CONCURRENCY, () => stopFeed, 100);
      const before = acked();
      await until('reports flowing', async () => (acked() >= before + 100 ? true : undefined));

      const inFlightAtHalt = client.inFlight.size;
      const ackedAtHalt = acked();
      await pg.halt(mode);
      const haltedAt = Date.now();
      const failuresBefore = client.failures.length;
      // While the database is down: clean JSON errors, a process that stays up and says it is not ready.
      await new Promise((r) => setTimeout(r, OUTAGE_MS));
      const ready = await readiness();
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({ status: 'not_ready', database: 'unreachable' });
      expect((await fetch(`${serve.address}/healthz`)).status).toBe(200);
      const duringOutage = client.failures.slice(failuresBefore);
      expect(duringOutage.length).toBeGreaterThan(0);
      for (const f of duringOutage) {
        expect(f.status).toBe(503);
        expect(f.body).toMatchObject({ error: 'database_unavailable', message: expect.any(String) });
      }
      const ackedDuringOutage = acked() - ackedAtHalt;

      await pg.resume();
      const resumedAt = Date.now();
      await until('/readyz ready again', async () => ((await readiness()).status === 200 ? true : undefined));
      const readySeconds = (Date.now() - resumedAt) / 1000;
      const ackedAtResume = acked();
      await until('reports acknowledged again', async () => (acked() > ackedAtResume ? true : undefined));
      const intakeSeconds = (Date.now() - resumedAt) / 1000;
      stopFeed = true;
      await feed;
      expect(serve.child.exitCode).toBeNull();

      // Every request that failed, in flight at the stop or sent during the outage, got a JSON 503.
      for (const f of client.failures) {
        expect(f.status).toBe(503);
        expect(f.body).toMatchObject({ error: 'database_unavailable' });
      }
      // The client sends again whatever failed; nothing acknowledged was lost, nothing is stored twice.
      const failed = client.takeFailures();
      expect(await client.run(failed, CONCURRENCY)).toEqual([]);
      expect(client.failures).toEqual([]);
      const now = await census({ DATABASE_URL: pg.url });
      expect(duplicatedExternalIds(now)).toEqual([]);
      for (const [externalId, ack] of client.acked)
        expect(now.idsByExternalId.get(externalId)).toEqual([ack.id]);
      expect(now.reports).toBe(client.acked.size);

      // The worker recovers too: every report gets processed.
      let last: Awaited<ReturnType<typeof census>> | undefined;
      await until('every report processed', async () => {
        last = await census({ DATABASE_URL: pg.url });
        return last.processed === last.reports &&
          jobsIn(last, 'report.process', 'created', 'retry', 'active') === 0
          ? last
          : undefined;
      }).catch((err: Error) => {
        throw new Error(
          `${err.message}: ${last?.processed} of ${last?.reports} processed, jobs ${JSON.stringify(last?.jobs)}`,
        );
      });
      console.info(
        `[faults] PostgreSQL stop -m ${mode}: ${inFlightAtHalt} requests in flight at the stop, ` +
          `${duringOutage.length} answered 503 during ${((resumedAt - haltedAt) / 1000).toFixed(1)} s down ` +
          `(${ackedDuringOutage} acknowledged meanwhile, before the stop took hold); ready ${readySeconds.toFixed(1)} s ` +
          `and storing ${intakeSeconds.toFixed(1)} s after the restart; ${failed.length} failed requests sent again; ` +
          `${now.reports} reports stored, none twice`,
      );
    },
    120_000,
  );
});
