import type { Kysely } from 'kysely';
import { addCaseEntry, createCase } from '../cases/cases.js';
import { recluster } from '../operations/recluster.js';
import { demoWorldOptions, simulate, type WorldOptions } from '../simulate/index.js';
import type { JobQueue } from '../store/queue.js';
import { countReports, storeReports } from '../store/reports.js';
import type { Database } from '../store/schema.js';
import { reprocessAll } from './process-reports.js';

/** What seeding did. */
export interface DemoSeed {
  reports: number;
  operations: number;
}

/**
 * Seeds an empty database with the demo world (a few thousand simulated reports over the year up to
 * `now`; tests pass a smaller world), reads them by machine and clusters them, so a newcomer meets a living system. Does nothing
 * when reports are already stored.
 */
export async function seedDemo(
  db: Kysely<Database>,
  queue: JobQueue,
  now: Date,
  options: WorldOptions = demoWorldOptions(),
): Promise<DemoSeed | null> {
  if ((await countReports(db)) > 0) return null;
  const start = new Date(now.getTime() - options.days * 86_400_000).toISOString().slice(0, 10);
  const sim = simulate({ ...options, start });
  let batch = [];
  for (const g of sim.reports()) {
    batch.push(g.report);
    if (batch.length === 1000) {
      await storeReports(db, queue, batch, now, 'cli');
      batch = [];
    }
  }
  if (batch.length > 0) await storeReports(db, queue, batch, now, 'cli');
  const reports = await reprocessAll(db, { staleOnly: true, batchSize: 500, now: () => now, link: false });
  // Processed here already: the queued jobs would only repeat the work.
  await queue.purgeProcessing();
  const stats = await recluster(db, now);
  await openDemoCase(db, now);
  return { reports, operations: stats.operations };
}

/** A draft case around the two operations ranked first, so the Cases page shows what a case holds. */
async function openDemoCase(db: Kysely<Database>, now: Date): Promise<void> {
  const top = await db
    .selectFrom('operations')
    .select('id')
    .orderBy('priority', 'desc')
    .orderBy('id')
    .limit(2)
    .execute();
  if (top.length === 0) return;
  const c = await createCase(
    db,
    {
      title: 'Demo: the fastest-moving call centres',
      summary: 'A sweep of the two operations ranked first in the demo world (simulated data).',
      jurisdictions: ['US'],
      operationIds: top.map((o) => o.id),
    },
    'demo',
    now,
  );
  await addCaseEntry(
    db,
    c.id,
    { kind: 'task', body: 'Check the merchant accounts with the acquiring bank' },
    'demo',
    now,
  );
}
