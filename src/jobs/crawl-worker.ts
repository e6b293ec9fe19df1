import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { loadModels } from '../classify/models.js';
import { Crawler } from '../crawl/crawler.js';
import { crawlAndStore } from '../crawl/service.js';
import { guardFromEnv } from '../crawl/url-guard.js';
import type { BlobStore } from '../store/blobs.js';
import { CRAWL_FRESHNESS_SECONDS, type CrawlJob, type JobQueue } from '../store/queue.js';
import type { Database } from '../store/schema.js';

/** The least time between two visits to one host from one crawler process (politeness, and less noise). */
const HOST_INTERVAL_MS = 2000;

/** A running crawler role; `stop` ends its browsers. */
export interface CrawlWorker {
  stop(): Promise<void>;
}

/**
 * Works the `crawl.visit` queue with `concurrency` crawlers (each one browser behind one egress proxy).
 * A URL crawled within the freshness window is not visited again. A visit that could not reach the page
 * at all throws, so the queue retries it with backoff; what the page did is never a reason to retry.
 */
export async function startCrawlWorker(
  deps: { db: Kysely<Database>; blobs: BlobStore; queue: JobQueue; logger: Logger },
  options: { concurrency: number; ocr: boolean },
): Promise<CrawlWorker> {
  const idle: Crawler[] = [];
  const all: Crawler[] = [];
  const lastVisit = new Map<string, number>();
  const models = loadModels();
  const take = async () => {
    const c = idle.pop();
    if (c) return c;
    const started = await Crawler.start({ guard: guardFromEnv(), ocr: options.ocr, models });
    all.push(started);
    return started;
  };
  await deps.queue.workCrawls(async (job: CrawlJob) => {
    await politely(job.url, lastVisit);
    const crawler = await take();
    try {
      const outcome = await crawlAndStore(
        { db: deps.db, blobs: deps.blobs, crawler },
        { url: job.url, profile: job.profile, origin: job.origin, reportId: job.reportId ?? null },
        { now: () => new Date(), freshSince: new Date(Date.now() - CRAWL_FRESHNESS_SECONDS * 1000) },
      );
      const c = outcome.capture;
      deps.logger.info(
        {
          url: job.url,
          status: c.status,
          phones: c.phones.length,
          operation: outcome.operationId,
          error: c.error,
        },
        outcome.reused ? 'crawl: fresh capture reused' : 'crawl: captured',
      );
      if (!outcome.reused && c.status === null && !c.error?.startsWith('refused'))
        throw new Error(`crawl of ${job.url} reached nothing: ${c.error ?? 'no response'}`);
    } finally {
      idle.push(crawler);
    }
  }, options.concurrency);
  return {
    stop: async () => {
      await Promise.all(all.map((c) => c.close()));
    },
  };
}

/** Waits until this process last visited the URL's host at least HOST_INTERVAL_MS ago. */
async function politely(url: string, lastVisit: Map<string, number>): Promise<void> {
  let host: string;
  try {
    host = new URL(url).host;
  } catch {
    return;
  }
  const wait = (lastVisit.get(host) ?? 0) + HOST_INTERVAL_MS - Date.now();
  lastVisit.set(host, Date.now() + Math.max(0, wait));
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  if (lastVisit.size > 10_000) lastVisit.clear();
}
