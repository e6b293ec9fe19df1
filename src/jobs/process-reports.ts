import type { Kysely } from 'kysely';
import { reportedCrawls } from '../crawl/reported-urls.js';
import { EXTRACTOR_VERSION, extractReport } from '../extract/index.js';
import { linkIncrementally } from '../operations/incremental.js';
import { saveExtractions } from '../store/extractions.js';
import type { CrawlJob } from '../store/queue.js';
import type { Database } from '../store/schema.js';

/** Bumped whenever processing changes, so `dragnet reprocess --stale` can tell what is out of date. */
export const PIPELINE_VERSION = EXTRACTOR_VERSION;

/**
 * Processes stored reports: reads each by machine (extraction and triage), saves the results, links
 * it into an operation, and marks the report processed. Idempotent: a retried job replaces its own results, never adds to them.
 */
export async function processReports(
  db: Kysely<Database>,
  reportIds: string[],
  now: Date,
  options: { link: boolean; enqueueCrawls?: (jobs: CrawlJob[]) => Promise<void> } = { link: true },
): Promise<number> {
  if (reportIds.length === 0) return 0;
  const reports = await db
    .selectFrom('reports')
    .select(['id', 'input'])
    .where('id', 'in', reportIds)
    .execute();
  if (reports.length === 0) return 0;
  const items = reports.map((r) => ({ reportId: r.id, extraction: extractReport(r.input) }));
  await saveExtractions(db, items, EXTRACTOR_VERSION, now);
  if (options.link)
    await linkIncrementally(
      db,
      items.map((i) => i.reportId),
      now,
    );
  if (options.enqueueCrawls)
    await options.enqueueCrawls(items.flatMap((i) => reportedCrawls(i.reportId, i.extraction)));
  await db
    .insertInto('reportStatus')
    .values(reports.map((r) => ({ reportId: r.id, processedAt: now, pipelineVersion: PIPELINE_VERSION })))
    .onConflict((oc) =>
      oc.column('reportId').doUpdateSet((eb) => ({
        processedAt: eb.ref('excluded.processedAt'),
        pipelineVersion: eb.ref('excluded.pipelineVersion'),
      })),
    )
    .execute();
  return reports.length;
}

/**
 * Processes every report (or, with `staleOnly`, those processed by an older pipeline or never), in
 * pages by arrival order; `onProgress` hears the running count.
 */
export async function reprocessAll(
  db: Kysely<Database>,
  options: {
    staleOnly: boolean;
    batchSize: number;
    now: () => Date;
    link?: boolean;
    onProgress?: (done: number) => void;
  },
): Promise<number> {
  let after = '0';
  let done = 0;
  for (;;) {
    let q = db
      .selectFrom('reports')
      .leftJoin('reportStatus', 'reportStatus.reportId', 'reports.id')
      .select(['reports.id', 'reports.seq'])
      .where('reports.seq', '>', after)
      .orderBy('reports.seq')
      .limit(options.batchSize);
    if (options.staleOnly) {
      q = q.where((eb) =>
        eb.or([
          eb('reportStatus.pipelineVersion', 'is', null),
          eb('reportStatus.pipelineVersion', '<', PIPELINE_VERSION),
        ]),
      );
    }
    const page = await q.execute();
    if (page.length === 0) return done;
    done += await processReports(
      db,
      page.map((r) => r.id),
      options.now(),
      { link: options.link ?? true },
    );
    after = page.at(-1)!.seq;
    options.onProgress?.(done);
  }
}
