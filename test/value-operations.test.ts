import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIndicators } from '../src/crawl/indicators.js';
import { processReports } from '../src/jobs/process-reports.js';
import { decide } from '../src/operations/decisions.js';
import { linkCapture } from '../src/operations/incremental.js';
import { recluster } from '../src/operations/recluster.js';
import { simulate } from '../src/simulate/simulate.js';
import { saveCapture } from '../src/store/crawls.js';
import type { Store } from '../src/store/database.js';
import { JobQueue } from '../src/store/queue.js';
import { storeReports } from '../src/store/reports.js';
import { fakeCapture } from './helpers/captures.js';
import { ENGINES, freshStore } from './helpers/engines.js';

const now = new Date('2026-03-01T00:00:00Z');

/** Every row of the summary, and the same computed from scratch from the tables it summarises. */
async function kept(store: Store) {
  const rows = await sql<{ k: string }>`
    SELECT kind || ' ' || value || ' ' || operation_id || ' ' || holders AS k FROM value_operations ORDER BY 1`.execute(
    store.db,
  );
  const truth = await sql<{ k: string }>`
    SELECT kind || ' ' || value || ' ' || operation_id || ' ' || count(*) AS k FROM (
      SELECT DISTINCT ri.kind, ri.value, ro.operation_id, ri.report_id::text AS holder
      FROM report_indicators ri JOIN report_operations ro ON ro.report_id = ri.report_id
      UNION ALL
      SELECT ci.kind, ci.value, cc.operation_id, ci.capture_id::text
      FROM crawl_indicators ci JOIN crawl_captures cc ON cc.id = ci.capture_id WHERE cc.operation_id IS NOT NULL) h
    GROUP BY kind, value, operation_id ORDER BY 1`.execute(store.db);
  return { rows: rows.rows.map((r) => r.k), truth: truth.rows.map((r) => r.k) };
}

/**
 * The value → operations summary incremental linking reads must stay exactly what the reports and
 * crawled pages say, whoever writes: incremental linking, reclusters, analysts' merges and splits,
 * re-extraction, crawls.
 */
describe.each(ENGINES)('the value → operations summary on %s', (engine) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let ids: string[];

  beforeAll(async () => {
    ({ store, cleanup } = await freshStore(engine));
    const queue = await JobQueue.open(store.db);
    const inputs = [
      ...simulate({ reports: 1400, seed: 5, start: '2025-06-01', days: 200, operations: 8 }).reports(),
    ].map((g) => g.report);
    ids = (await storeReports(store.db, queue, inputs, now, 'cli')).map((o) => (o as { id: string }).id);
    await queue.stop(false);
  }, 120_000);
  afterAll(() => cleanup());

  const expectExact = async () => {
    const { rows, truth } = await kept(store);
    expect(truth.length).toBeGreaterThan(0);
    expect(rows).toEqual(truth);
  };

  it('follows incremental linking report by report, then a full recluster', async () => {
    await processReports(store.db, ids.slice(0, 300), now);
    await expectExact();
    await recluster(store.db, now);
    await expectExact();
  });

  it('follows reports read again, and reports read for the first time, a few and many at a time', async () => {
    // Over FEW_ROWS changed rows the triggers join wholesale; under it they look rows up one by one.
    await processReports(store.db, ids.slice(250, 400), now);
    await expectExact();
    await processReports(store.db, ids.slice(350), now);
    await expectExact();
    await recluster(store.db, now);
    await expectExact();
  });

  it("follows analysts' merges and splits", async () => {
    const ops = await store.db
      .selectFrom('reportOperations')
      .select(['operationId', sql<string>`min(report_id::text)`.as('reportId')])
      .groupBy('operationId')
      .execute();
    expect(ops.length).toBeGreaterThan(2);
    const context = { author: 'test', reason: null, now };
    await decide(store.db, { type: 'merge', reportIds: [ops[0]!.reportId, ops[1]!.reportId] }, context);
    await expectExact();
    await decide(store.db, { type: 'split', reportIds: ids.slice(10, 30) }, context);
    await expectExact();
  });

  it('counts crawled pages that joined an operation, and follows them through reclusters', async () => {
    const phone = (
      await store.db
        .selectFrom('reportIndicators')
        .select('value')
        .where('kind', '=', 'phone')
        .orderBy('id')
        .limit(1)
        .executeTakeFirstOrThrow()
    ).value;
    const c = fakeCapture(
      'https://win-alert-8812.azurewebsites.net/',
      [phone],
      [{ kind: 'tracking_id', value: 'ga:G-K7Q2ZP4M1X', source: 'html' }],
      now,
    );
    const id = await saveCapture(store.db, c, captureIndicators(c), { origin: 'cli' });
    expect((await linkCapture(store.db, id, now)).operationId).not.toBeNull();
    await expectExact();
    await recluster(store.db, now);
    await expectExact();
  });
});
