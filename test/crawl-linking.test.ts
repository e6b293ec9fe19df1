import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIndicators } from '../src/crawl/indicators.js';
import type { Capture, Fingerprint } from '../src/crawl/types.js';
import { processReports } from '../src/jobs/process-reports.js';
import { decide } from '../src/operations/decisions.js';
import { explainReports } from '../src/operations/explain.js';
import { linkCapture } from '../src/operations/incremental.js';
import { recluster } from '../src/operations/recluster.js';
import { saveCapture } from '../src/store/crawls.js';
import type { Store } from '../src/store/database.js';
import { JobQueue } from '../src/store/queue.js';
import { storeReports } from '../src/store/reports.js';
import { fakeCapture } from './helpers/captures.js';
import { ENGINES, freshStore } from './helpers/engines.js';

const now = new Date('2026-03-01T00:00:00Z');

/** A capture as the crawler would store it, showing these phones and fingerprints. */
const capture = (url: string, phones: string[], fingerprints: Fingerprint[] = []): Capture =>
  fakeCapture(url, phones, fingerprints, now);

const report = (n: number, narrative: string, country = 'US') => ({
  externalId: `crawl-link-${n}`,
  channel: 'popup' as const,
  narrative,
  victim: { country },
});

describe.each(ENGINES)('crawled pages in the link graph on %s', (engine) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let ids: string[];
  const kit: Fingerprint = { kind: 'tracking_id', value: 'ga:G-K7Q2ZP4M1X', source: 'html' };

  beforeAll(async () => {
    ({ store, cleanup } = await freshStore(engine));
    const queue = await JobQueue.open(store.db);
    const outcomes = await storeReports(
      store.db,
      queue,
      [
        report(
          1,
          'A popup said my computer was locked and to call 1-844-329-0175. They wanted $499 in gift cards.',
        ),
        report(2, 'Screen went blue, number on it was (844) 329-0175, the man asked for remote access.'),
        report(3, 'Popup on fixmypc-alert.xyz said call Windows support at 1 866 204 7731. Paid $300.', 'CA'),
        report(4, 'My mother called 888-614-2290 from a popup. They took $1,200 by wire.', 'GB'),
      ],
      now,
      'cli',
    );
    await queue.stop(false);
    ids = outcomes.map((o) => (o as { id: string }).id);
    await processReports(store.db, ids, now);
  }, 120_000);
  afterAll(() => cleanup());

  const opOf = async (reportId: string) =>
    (
      await store.db
        .selectFrom('reportOperations')
        .select('operationId')
        .where('reportId', '=', reportId)
        .executeTakeFirstOrThrow()
    ).operationId;

  it('a popup showing a reported number joins that operation; a page that shows nothing known joins none', async () => {
    expect(await opOf(ids[0]!)).toBe(await opOf(ids[1]!));
    const c = capture('https://win-alert-8812.azurewebsites.net/', ['+18443290175']);
    const id = await saveCapture(store.db, c, captureIndicators(c), { origin: 'cli' });
    const linked = await linkCapture(store.db, id, now);
    expect(linked.operationId).toBe(await opOf(ids[0]!));
    const lone = capture('https://nothing-known.example.org/', ['+18005550000'.replace('555', '413')]);
    const loneId = await saveCapture(store.db, lone, captureIndicators(lone), { origin: 'cli' });
    expect((await linkCapture(store.db, loneId, now)).operationId).toBeNull();
  });

  it('a kit fingerprint shared by two popups ties their operations together, explained through the pages', async () => {
    expect(await opOf(ids[2]!)).not.toBe(await opOf(ids[3]!));
    for (const [url, phone] of [
      ['https://fixmypc-alert.xyz/', '+18662047731'],
      ['https://pc-lock-warning.top/', '+18886142290'],
    ] as const) {
      const c = capture(
        url,
        [phone],
        [kit, { kind: 'asset_hash', value: `sha256:${'ab'.repeat(32)}`, source: '/kit/alarm.mp3' }],
      );
      await saveCapture(store.db, c, captureIndicators(c), { origin: 'cli' });
    }
    await recluster(store.db, now);
    expect(await opOf(ids[2]!)).toBe(await opOf(ids[3]!));
    // The first operation keeps its popup; the lone page still joins nothing.
    const captures = await store.db.selectFrom('crawlCaptures').select(['url', 'operationId']).execute();
    const byUrl = new Map(captures.map((c) => [c.url, c.operationId]));
    expect(byUrl.get('https://win-alert-8812.azurewebsites.net/')).toBe(await opOf(ids[0]!));
    expect(byUrl.get('https://nothing-known.example.org/')).toBeNull();
    expect(byUrl.get('https://fixmypc-alert.xyz/')).toBe(await opOf(ids[2]!));
    const answer = await explainReports(store.db, ids[2]!, ids[3]!);
    expect(answer.linked).toBe(true);
    if (!answer.linked || !answer.explanation) throw new Error('no explanation');
    const values = answer.explanation.steps.flatMap((s) => s.shared.map((x) => x.value));
    expect(values).toContain('GA:G-K7Q2ZP4M1X');
  });

  it("an analyst's merge takes the operations' crawled pages along", async () => {
    const [a, b] = [await opOf(ids[0]!), await opOf(ids[2]!)];
    expect(a).not.toBe(b);
    const { operationId } = await decide(
      store.db,
      { type: 'merge', reportIds: [ids[0]!, ids[2]!] },
      { author: 'test', reason: null, now },
    );
    const captures = await store.db.selectFrom('crawlCaptures').select(['url', 'operationId']).execute();
    const live = new Set((await store.db.selectFrom('operations').select('id').execute()).map((o) => o.id));
    for (const c of captures) if (c.operationId !== null) expect(live.has(c.operationId), c.url).toBe(true);
    expect(captures.find((c) => c.url === 'https://win-alert-8812.azurewebsites.net/')?.operationId).toBe(
      operationId,
    );
    expect(captures.find((c) => c.url === 'https://fixmypc-alert.xyz/')?.operationId).toBe(operationId);
  });

  it('a recluster leaves no operation without reports', async () => {
    const empty = await store.db.selectFrom('operations').select('id').where('reportCount', '=', 0).execute();
    expect(empty).toEqual([]);
  });
});
