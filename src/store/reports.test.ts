import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, freshStore } from '../../test/helpers/engines.js';
import type { ReportInput } from '../core/report-input.js';
import { migrate, type Store } from './database.js';
import { JobQueue } from './queue.js';
import { addReportVersion, annotateReport, countReports, getReport, storeReports } from './reports.js';

const at = new Date('2026-11-01T10:00:00Z');
const report = (n: number, extra: Partial<ReportInput> = {}): ReportInput => ({
  externalId: `ext-${n}`,
  source: 'test',
  narrative: `Popup said call 1-855-442-84${String(n).padStart(2, '0')} (report ${n})`,
  ...extra,
});

describe.each(ENGINES)('report storage on %s', (engine) => {
  let store: Store;
  let queue: JobQueue;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ store, cleanup } = await freshStore(engine));
    queue = await JobQueue.open(store.db);
  });
  afterAll(async () => {
    await queue.stop(false);
    await cleanup();
  });

  it('applies migrations idempotently', async () => {
    expect(await migrate(store.db)).toEqual([]);
    await JobQueue.open(store.db).then((q) => q.stop(false));
  });

  it('stores new reports, queues one job each, and reads them back verbatim', async () => {
    const before = await queue.pendingProcessing();
    const input = report(1, {
      victim: { country: 'GB' },
      payments: [{ method: 'gift_card', amount: 500, currency: 'USD' }],
    });
    const [outcome] = await storeReports(store.db, queue, [input, report(2)], at, 'api');
    expect(outcome?.status).toBe('created');
    expect(await queue.pendingProcessing()).toBe(before + 2);
    const stored = await getReport(store.db, (outcome as { id: string }).id);
    expect(stored.input).toEqual(input);
    expect(stored.receivedAt.toISOString()).toBe(at.toISOString());
  });

  it('treats the same externalId and content as a duplicate, and different content as a conflict', async () => {
    const [first] = await storeReports(store.db, queue, [report(10)], at, 'api');
    const again = await storeReports(
      store.db,
      queue,
      [report(10), report(10, { narrative: 'changed' })],
      at,
      'api',
    );
    expect(again[0]).toEqual({ status: 'duplicate', id: (first as { id: string }).id });
    expect(again[1]?.status).toBe('conflict');
  });

  it('deduplicates reports without externalId by content, also inside one batch', async () => {
    const anon: ReportInput = { narrative: 'Microsoft called me about a virus' };
    const out = await storeReports(store.db, queue, [anon, anon], at, 'portal');
    expect(out[0]?.status).toBe('created');
    expect(out[1]).toEqual({ status: 'duplicate', id: (out[0] as { id: string }).id });
  });

  it('refuses updates and deletes of a report; corrections are annotations and versions', async () => {
    const [o] = await storeReports(store.db, queue, [report(20)], at, 'api');
    const id = (o as { id: string }).id;
    await expect(
      sql`UPDATE reports SET channel = 'popup' WHERE id = ${id}`.execute(store.db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM reports WHERE id = ${id}`.execute(store.db)).rejects.toThrow(/append-only/);
    await annotateReport(store.db, id, { kind: 'correction', body: { note: 'the number ends in 21' } });
    const v = await addReportVersion(store.db, queue, id, report(20, { narrative: 'ends in 21' }), at, 'api');
    expect(v.version).toBe(2);
    const stored = await getReport(store.db, id);
    expect(stored.annotations).toHaveLength(1);
    expect(stored.versions.map((x) => x.version)).toEqual([1, 2]);
    expect(stored.input.narrative).toContain('report 20');
  });

  it('rolls back reports and jobs together when the transaction fails', async () => {
    const before = await countReports(store.db);
    const jobsBefore = await queue.pendingProcessing();
    const broken = { ...report(30), narrative: 'bad \u0000 byte' } as ReportInput;
    await expect(storeReports(store.db, queue, [report(31), broken], at, 'api')).rejects.toThrow();
    expect(await countReports(store.db)).toBe(before);
    expect(await queue.pendingProcessing()).toBe(jobsBefore);
  });
});
