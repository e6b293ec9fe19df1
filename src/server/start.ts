import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { type Config, loadConfig } from '../core/config.js';
import { BusyError, UsageError } from '../core/errors.js';
import { IntakeService } from '../intake/service.js';
import { type CrawlWorker, startCrawlWorker } from '../jobs/crawl-worker.js';
import { processReports } from '../jobs/process-reports.js';
import { startVacuuming } from '../jobs/vacuum.js';
import { refreshSummaries } from '../operations/summaries.js';
import { BlobStore } from '../store/blobs.js';
import { openStore } from '../store/database.js';
import { JobQueue } from '../store/queue.js';
import { buildApp } from './app.js';
import type { Role, ServerContext } from './context.js';

/** How often workers recompute the summaries of operations that changed. */
const SUMMARY_REFRESH_MS = 3000;

/** What to start: where to listen, the roles this process plays, its configuration. */
export interface ServeOptions {
  port: number;
  host: string;
  roles: Role[];
  config?: Config;
  /** Runs once the store is open, before the server listens (demo seeding). */
  beforeListen?: (ctx: ServerContext) => Promise<void>;
}

/** A running Dragnet process; `stop` shuts it down gracefully. */
export interface Running {
  ctx: ServerContext;
  app: FastifyInstance | undefined;
  address: string | undefined;
  stop(): Promise<void>;
}

/** Starts the roles asked for on the configured store: `web` (HTTP API), `worker` (job processing). */
export async function startDragnet(options: ServeOptions): Promise<Running> {
  const config = options.config ?? loadConfig(process.env);
  const logger = pino({ level: config.logLevel, base: { pid: process.pid, roles: options.roles.join(',') } });
  const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  const works = options.roles.includes('worker') || options.roles.includes('crawler');
  const queue = await JobQueue.open(store.db, {
    supervise: options.roles.includes('worker'),
    works: works ? (store.engine === 'pglite' ? 'alone' : 'shared') : undefined,
  });
  let shuttingDown = false;
  const ctx: ServerContext = {
    store,
    queue,
    intake: new IntakeService(store.db, queue),
    blobs: new BlobStore(config.dataDir, store.db),
    logger,
    roles: options.roles,
    apiToken: process.env.DRAGNET_API_TOKEN || undefined,
    publicLimits: config.publicLimits,
    trustProxy: config.trustProxy,
    instanceName: config.instanceName,
    shuttingDown: () => shuttingDown,
  };
  await options.beforeListen?.(ctx);
  let summaryTimer: NodeJS.Timeout | undefined;
  // Popup URLs in reports are crawled automatically unless DRAGNET_CRAWL_REPORTED_URLS=0.
  const crawlReportedUrls = process.env.DRAGNET_CRAWL_REPORTED_URLS !== '0';
  let crawlWorker: CrawlWorker | undefined;
  if (options.roles.includes('crawler')) {
    crawlWorker = await startCrawlWorker(
      { db: store.db, blobs: ctx.blobs, queue, logger },
      {
        concurrency: Number(process.env.DRAGNET_CRAWL_CONCURRENCY ?? 4),
        ocr: process.env.DRAGNET_CRAWL_OCR !== '0',
      },
    );
  }
  let stopVacuuming = () => {};
  if (options.roles.includes('worker')) {
    stopVacuuming = startVacuuming(store, logger, Number(process.env.DRAGNET_VACUUM_MINUTES ?? 30));
    await queue.workProcessing(async (jobs) => {
      const n = await processReports(
        store.db,
        jobs.map((j) => j.reportId),
        new Date(),
        { link: true, enqueueCrawls: crawlReportedUrls ? (c) => queue.enqueueCrawls(c) : undefined },
      );
      logger.debug({ processed: n }, 'processed reports');
    });
    // Operations touched by new reports get their priority and profile recomputed in the background.
    let refreshing = false;
    summaryTimer = setInterval(() => {
      if (refreshing || shuttingDown) return;
      refreshing = true;
      refreshSummaries(store.db, new Date())
        .then((n) => n > 0 && logger.debug({ operations: n }, 'refreshed operation summaries'))
        .catch((err: Error) => logger.warn({ err: err.message }, 'refreshing operation summaries failed'))
        .finally(() => {
          refreshing = false;
        });
    }, SUMMARY_REFRESH_MS);
  }
  let app: FastifyInstance | undefined;
  let address: string | undefined;
  if (options.roles.includes('web')) {
    app = await buildApp(ctx);
    try {
      address = await app.listen({ port: options.port, host: options.host });
    } catch (err) {
      await queue.stop(false);
      await store.close();
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE')
        throw new BusyError(
          `port ${options.port} is in use: stop what uses it, or choose another with --port or PORT`,
        );
      if (code === 'EADDRNOTAVAIL')
        throw new UsageError(`cannot listen on ${options.host}: no such local address (--host or HOST)`);
      throw err;
    }
  }
  logger.info(
    { address, engine: store.engine, dataDir: store.engine === 'pglite' ? config.dataDir : undefined },
    'dragnet started',
  );
  return {
    ctx,
    app,
    address,
    stop: async () => {
      if (shuttingDown) return;
      shuttingDown = true;
      clearInterval(summaryTimer);
      stopVacuuming();
      logger.info('shutting down: finishing requests and running jobs');
      await app?.close();
      await queue.stop(true);
      await crawlWorker?.stop();
      await store.close();
      logger.info('stopped');
    },
  };
}
