import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processReports } from '../src/jobs/process-reports.js';
import { decide, reportsOfOperations } from '../src/operations/decisions.js';
import { explainReports } from '../src/operations/explain.js';
import { LIVE_VIEW_LIMIT, operationIndicators } from '../src/operations/queries.js';
import { recluster } from '../src/operations/recluster.js';
import { refreshSummaries } from '../src/operations/summaries.js';
import { operationDaily } from '../src/operations/timeline.js';
import { bcubed } from '../src/simulate/metrics.js';
import { simulate } from '../src/simulate/simulate.js';
import type { Store } from '../src/store/database.js';
import { JobQueue } from '../src/store/queue.js';
import { storeReports } from '../src/store/reports.js';
import { ENGINES, freshStore } from './helpers/engines.js';

const now = new Date('2025-12-31T23:00:00Z');

async function assignments(store: Store): Promise<Map<string, string>> {
  const rows = await store.db.selectFrom('reportOperations').select(['reportId', 'operationId']).execute();
  return new Map(rows.map((r) => [r.reportId, r.operationId]));
}

describe.each(ENGINES)('operations on %s', (engine) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let ids: string[];
  let incremental: Map<string, string>;

  beforeAll(async () => {
    ({ store, cleanup } = await freshStore(engine));
    const queue = await JobQueue.open(store.db);
    const sim = simulate({ reports: 1500, seed: 5, start: '2025-01-01', days: 365, operations: 12 });
    const inputs = [...sim.reports()].map((g) => g.report);
    const outcomes = await storeReports(store.db, queue, inputs, now, 'cli');
    await queue.stop(false);
    ids = outcomes.map((o) => (o as { id: string }).id);
    // Reports arrive and are processed (and linked one by one) in the order they were submitted.
    for (let i = 0; i < ids.length; i += 100) await processReports(store.db, ids.slice(i, i + 100), now);
    incremental = await assignments(store);
  }, 300_000);
  afterAll(() => cleanup());

  it('puts every report in exactly one operation, and full reclustering agrees with incremental linking', async () => {
    expect(incremental.size).toBe(ids.length);
    // Incremental linking keeps each operation's count by deltas: they must match the assignments.
    const counts = await sql<{ id: string; reportCount: number; actual: string }>`
      SELECT o.id, o.report_count, (SELECT count(*) FROM report_operations ro WHERE ro.operation_id = o.id) AS actual
      FROM operations o`.execute(store.db);
    for (const c of counts.rows) expect(c.reportCount, c.id).toBe(Number(c.actual));
    expect(counts.rows.filter((c) => c.reportCount === 0)).toEqual([]);
    const stats = await recluster(store.db, now);
    expect(stats.reports).toBe(ids.length);
    const full = await assignments(store);
    const agreement = bcubed({
      truth: ids.map((id) => full.get(id)!),
      predicted: ids.map((id) => incremental.get(id)!),
    });
    expect(agreement.f1).toBeGreaterThan(0.9);
  });

  it('keeps operation ids stable when nothing changed', async () => {
    const before = await assignments(store);
    const stats = await recluster(store.db, now);
    expect(stats.reassigned).toBe(0);
    expect(await assignments(store)).toEqual(before);
  });

  it('explains every pair of reports inside an operation through shared values', async () => {
    const ops = await store.db
      .selectFrom('operations')
      .select('id')
      .orderBy('reportCount', 'desc')
      .limit(4)
      .execute();
    const all = await assignments(store);
    let checked = 0;
    for (const { id } of ops) {
      const members = [...all].filter(([, op]) => op === id).map(([r]) => r);
      for (let k = 0; k + 1 < Math.min(members.length, 12); k++) {
        const answer = await explainReports(store.db, members[k]!, members[members.length - 1 - k]!);
        expect(answer.linked).toBe(true);
        if (!answer.linked || !answer.explanation) throw new Error('no explanation');
        expect(answer.explanation.steps.length).toBeGreaterThan(0);
        for (const step of answer.explanation.steps) expect(step.shared.length).toBeGreaterThan(0);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it("links a newcomer whose only number sits next to an operation's in its block, and explains it", async () => {
    // The number of a sizeable operation whose block has no other number three lines on.
    const held = await sql<{ value: string; operationId: string }>`
      SELECT vo.value, vo.operation_id FROM value_operations vo JOIN operations o ON o.id = vo.operation_id
      WHERE vo.kind = 'phone' AND o.report_count >= 5 AND right(vo.value, 4) < '9990'
      ORDER BY o.report_count DESC, vo.value`.execute(store.db);
    const taken = new Set(held.rows.map((r) => r.value));
    const next = (v: string) => `${v.slice(0, -4)}${String(Number(v.slice(-4)) + 3).padStart(4, '0')}`;
    const anchor = held.rows.find((r) => !taken.has(next(r.value)))!;
    const queue = await JobQueue.open(store.db);
    const [outcome] = await storeReports(
      store.db,
      queue,
      [
        {
          externalId: 'block-neighbour',
          source: 'test',
          narrative: 'A popup locked my screen and told me to call the number.',
          callbackNumbers: [next(anchor.value)],
        },
      ],
      now,
      'cli',
    );
    await queue.stop(false);
    const id = (outcome as { id: string }).id;
    await processReports(store.db, [id], now);
    const op = (await assignments(store)).get(id);
    expect(op).toBe(anchor.operationId);
    const holder = await sql<{ reportId: string }>`
      SELECT ri.report_id FROM report_indicators ri WHERE ri.kind = 'phone' AND ri.value = ${anchor.value} LIMIT 1`.execute(
      store.db,
    );
    const answer = await explainReports(store.db, id, holder.rows[0]!.reportId);
    if (!answer.linked || !answer.explanation) throw new Error('no explanation');
    const kinds = answer.explanation.steps.flatMap((s) => s.shared.map((v) => v.kind));
    expect(kinds).toContain('phone_block');
  });

  it('reads a stale operation live while small, and from its stored views once too large to count live', async () => {
    const top = await store.db
      .selectFrom('operations')
      .select(['id', 'reportCount'])
      .where('stale', '=', false)
      .orderBy('reportCount', 'desc')
      .executeTakeFirstOrThrow();
    const live = await operationDaily(store.db, top.id);
    const liveValues = await operationIndicators(store.db, top.id, 5, 0, now);
    // Stored views that differ from the truth show which source a page was read from.
    await sql`UPDATE operation_views SET daily = '[]'::jsonb WHERE operation_id = ${top.id}`.execute(
      store.db,
    );
    await sql`UPDATE operation_indicators SET report_count = report_count + 1000 WHERE operation_id = ${top.id}`.execute(
      store.db,
    );
    await store.db.updateTable('operations').set({ stale: true }).where('id', '=', top.id).execute();
    expect(await operationDaily(store.db, top.id)).toEqual(live);
    expect(await operationIndicators(store.db, top.id, 5, 0, now)).toEqual(liveValues);
    await store.db
      .updateTable('operations')
      .set({ reportCount: LIVE_VIEW_LIMIT + 1 })
      .where('id', '=', top.id)
      .execute();
    expect(await operationDaily(store.db, top.id)).toEqual([]);
    const stored = await operationIndicators(store.db, top.id, 5, 0, now);
    expect(stored.map((v) => v.reportCount)).toEqual(liveValues.map((v) => v.reportCount + 1000));
    // The next refresh makes the operation exact again.
    await refreshSummaries(store.db, now, [top.id]);
    expect(await operationDaily(store.db, top.id)).toEqual(live);
    expect(await operationIndicators(store.db, top.id, 5, 0, now)).toEqual(liveValues);
  });

  it('honours merge, split, "not linked" and exclusions through a full recluster', async () => {
    const ops = await store.db
      .selectFrom('operations')
      .select(['id', 'reportCount'])
      .orderBy('reportCount', 'desc')
      .limit(3)
      .execute();
    const [big, second, third] = ops.map((o) => o.id) as [string, string, string];
    const ctx = { author: 'analyst@test', reason: 'test', now };
    // merge the second and third operations
    const toMerge = await reportsOfOperations(store.db, [second, third]);
    await decide(store.db, { type: 'merge', reportIds: toMerge }, ctx);
    // split three reports out of the biggest
    const bigReports = await reportsOfOperations(store.db, [big]);
    const carved = bigReports.slice(0, 3);
    await decide(store.db, { type: 'split', reportIds: carved }, ctx);
    // an analyst says two reports of the big operation are not linked
    const [a, b] = [bigReports[10]!, bigReports.at(-1)!];
    await decide(store.db, { type: 'not_linked', a, b }, ctx);
    // and excludes a phone number of the big operation
    const phone = await sql<{ value: string }>`
      SELECT ri.value FROM report_indicators ri JOIN report_operations ro ON ro.report_id = ri.report_id
      WHERE ro.operation_id = ${big} AND ri.kind = 'phone' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`.execute(
      store.db,
    );
    await decide(store.db, { type: 'exclude', kind: 'phone', value: phone.rows[0]!.value }, ctx);

    await recluster(store.db, now);
    const after = await assignments(store);
    expect(new Set(toMerge.map((r) => after.get(r))).size).toBe(1);
    expect(new Set(carved.map((r) => after.get(r))).size).toBe(1);
    expect(after.get(carved[0]!)).not.toBe(after.get(bigReports[5]!));
    expect(after.get(a)).not.toBe(after.get(b));
    const pinned = await store.db.selectFrom('operations').select('id').where('pinned', '=', true).execute();
    expect(pinned.map((p) => p.id)).toContain(after.get(toMerge[0]!));
    // The excluded number links nothing any more: no explanation rests on it.
    const same = [...after].filter(([, op]) => op === after.get(bigReports[20]!)).map(([r]) => r);
    const x = await explainReports(store.db, same[0]!, same.at(-1)!);
    if (x.linked && x.explanation) {
      for (const s of x.explanation.steps)
        expect(s.shared.map((v) => v.value)).not.toContain(phone.rows[0]!.value);
    }
  });
});
