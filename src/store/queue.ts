import { type Kysely, type QueryResult, sql, type Transaction } from 'kysely';
import PgBoss from 'pg-boss';
import type { Database } from './schema.js';

/** Every queue Dragnet uses, with its retry policy. */
export const QUEUES = {
  processReport: { name: 'report.process', retryLimit: 5, retryDelay: 5, retryBackoff: true },
  crawlVisit: { name: 'crawl.visit', retryLimit: 3, retryDelay: 30, retryBackoff: true },
} as const;

/** What a job of `crawl.visit` carries. */
export interface CrawlJob {
  url: string;
  profile: string;
  origin: 'report' | 'cli' | 'api' | 'feed';
  reportId?: string;
}

/** A URL and profile are crawled at most once per window (later requests in the window are dropped). */
export const CRAWL_FRESHNESS_SECONDS = 6 * 3600;

/** What a job of `report.process` carries. */
export interface ProcessReportJob {
  reportId: string;
}

type Executor = Kysely<Database> | Transaction<Database>;

/** pg-boss runs its SQL through our Kysely executor, so a job can join the caller's transaction. */
function bossDb(executor: Executor): PgBoss.Db {
  return {
    executeSql: async (text: string, values: unknown[]) => {
      const result: QueryResult<unknown> = await executor.executeQuery({
        sql: text,
        parameters: values ?? [],
        query: { kind: 'RawNode', sqlFragments: [text], parameters: [] } as never,
        queryId: { queryId: 'pgboss' } as never,
      });
      return { rows: result.rows as unknown[] };
    },
  };
}

/** The job queue on the database (pg-boss): same SQL on PGlite and on a PostgreSQL server. */
export class JobQueue {
  private constructor(private readonly boss: PgBoss) {}

  /** Creates pg-boss's schema and Dragnet's queues when missing. Maintenance runs only where `supervise`. */
  static async open(db: Kysely<Database>, options: { supervise?: boolean } = {}): Promise<JobQueue> {
    const supervise = options.supervise ?? false;
    const boss = new PgBoss({ db: bossDb(db), supervise, schedule: false, migrate: true });
    boss.on('error', (err) => process.emitWarning(`job queue: ${err.message}`));
    // Two processes may create pg-boss's schema at once; an advisory lock serialises that first start.
    await sql`SELECT pg_advisory_lock(7405001)`.execute(db);
    try {
      await boss.start();
      for (const q of Object.values(QUEUES)) {
        if (!(await boss.getQueue(q.name))) await boss.createQueue(q.name, { ...q });
      }
    } finally {
      await sql`SELECT pg_advisory_unlock(7405001)`.execute(db);
    }
    return new JobQueue(boss);
  }

  /** Enqueues report-processing jobs inside the caller's transaction: stored and queued together or not at all. */
  async enqueueProcessing(trx: Transaction<Database>, reportIds: string[]): Promise<void> {
    if (reportIds.length === 0) return;
    const jobs = reportIds.map((reportId) => ({
      name: QUEUES.processReport.name,
      data: { reportId } satisfies ProcessReportJob,
      retryLimit: QUEUES.processReport.retryLimit,
      retryDelay: QUEUES.processReport.retryDelay,
      retryBackoff: QUEUES.processReport.retryBackoff,
    }));
    await this.boss.insert(jobs, { db: bossDb(trx) });
  }

  /** Runs `handler` on batches of report-processing jobs until stopped. */
  async workProcessing(handler: (jobs: ProcessReportJob[]) => Promise<void>, batchSize = 50): Promise<void> {
    await this.boss.work<ProcessReportJob>(
      QUEUES.processReport.name,
      { batchSize, pollingIntervalSeconds: 0.5 },
      async (jobs) => handler(jobs.map((j) => j.data)),
    );
  }

  /** Jobs waiting (created or retrying) in the report-processing queue. */
  async pendingProcessing(): Promise<number> {
    return this.boss.getQueueSize(QUEUES.processReport.name);
  }

  /** Drops every waiting report-processing job (after the reports were processed inline). */
  async purgeProcessing(): Promise<void> {
    await this.boss.purgeQueue(QUEUES.processReport.name);
  }

  /**
   * Enqueues crawl jobs (in the caller's transaction when given), one per URL and profile per freshness
   * window: a URL reported a thousand times is visited once.
   */
  async enqueueCrawls(jobs: CrawlJob[], trx?: Transaction<Database>): Promise<void> {
    if (jobs.length === 0) return;
    const q = QUEUES.crawlVisit;
    await this.boss.insert(
      jobs.map((data) => ({
        name: q.name,
        data,
        retryLimit: q.retryLimit,
        retryDelay: q.retryDelay,
        retryBackoff: q.retryBackoff,
        singletonKey: `${data.profile} ${data.url}`.slice(0, 2000),
        singletonSeconds: CRAWL_FRESHNESS_SECONDS,
        expireInSeconds: 300,
      })),
      trx ? { db: bossDb(trx) } : {},
    );
  }

  /** Runs `handler` on crawl jobs, `concurrency` at a time, until stopped. */
  async workCrawls(handler: (job: CrawlJob) => Promise<void>, concurrency = 1): Promise<void> {
    for (let i = 0; i < concurrency; i++)
      await this.boss.work<CrawlJob>(
        QUEUES.crawlVisit.name,
        { batchSize: 1, pollingIntervalSeconds: 1 },
        async ([job]) => handler(job!.data),
      );
  }

  /** Crawl jobs waiting (created or retrying). */
  async pendingCrawls(): Promise<number> {
    return this.boss.getQueueSize(QUEUES.crawlVisit.name);
  }

  /** Stops workers; with `graceful`, waits for running jobs to finish. */
  async stop(graceful = true): Promise<void> {
    await this.boss.stop({ graceful, wait: true, close: false, timeout: 20_000 });
  }
}
