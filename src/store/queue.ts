import { setTimeout as sleep } from 'node:timers/promises';
import { type Kysely, type QueryResult, sql, type Transaction } from 'kysely';
import PgBoss from 'pg-boss';
import { isDatabaseUnavailable } from './database.js';
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

/**
 * How a process that works jobs shares its database: `alone` on the embedded database (its directory
 * lock keeps every other process out), `shared` on a PostgreSQL server.
 */
export type WorkerScope = 'alone' | 'shared';

/**
 * The advisory lock every process working jobs on a shared server holds (shared) while it runs; a key of
 * two integers, apart from the single-key locks (linking, audit chain, report versions) in use elsewhere.
 */
const WORKERS_LOCK = sql`7405, 1`;
/** Tries, 250 ms apart, to take WORKERS_LOCK alone at start (a dead process's backend lingers briefly). */
const ALONE_ATTEMPTS = 12;

/** How long a batch of jobs waits for the database to come back before it is run again. */
const OUTAGE_RETRY_MS = 1000;

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
  private leaveWorkers: (() => Promise<void>) | undefined;

  private constructor(
    private readonly boss: PgBoss,
    private readonly db: Kysely<Database>,
  ) {}

  /**
   * Creates pg-boss's schema and Dragnet's queues when missing. Maintenance runs only where `supervise`.
   * A process that works jobs says how it shares the database (`works`), so that jobs a killed process
   * left running are retried at its start (see `retryOrphans`).
   */
  static async open(
    db: Kysely<Database>,
    options: { supervise?: boolean; works?: WorkerScope } = {},
  ): Promise<JobQueue> {
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
    const queue = new JobQueue(boss, db);
    if (options.works === 'alone') await queue.retryOrphans();
    if (options.works === 'shared') await queue.joinWorkers();
    return queue;
  }

  /**
   * Fails the jobs left `active` by a process that died (SIGKILL, out of memory, a lost machine), so they
   * are retried now, each within its retry limit: pg-boss would otherwise wait for their expiry (15
   * minutes for report processing, then up to 2 more for maintenance). Only for a caller that knows no
   * other process is running jobs.
   */
  private async retryOrphans(): Promise<void> {
    for (const q of Object.values(QUEUES)) {
      const active = await sql<{ id: string }>`
        SELECT id FROM pgboss.job WHERE name = ${q.name} AND state = 'active'`.execute(this.db);
      if (active.rows.length === 0) continue;
      await this.boss.fail(
        q.name,
        active.rows.map((r) => r.id),
      );
      process.emitWarning(
        `job queue: retrying ${active.rows.length} ${q.name} jobs a dead process left running`,
      );
    }
  }

  /**
   * On a shared server, every process that works jobs holds WORKERS_LOCK (shared) on a connection of its
   * own while it runs. One that takes it exclusively first is the only worker alive: whatever is active
   * was left by a dead process, and is retried before this one starts working.
   */
  private async joinWorkers(): Promise<void> {
    let leave!: () => void;
    const left = new Promise<void>((resolve) => {
      leave = resolve;
    });
    let member!: Promise<void>;
    await new Promise<void>((joined, failed) => {
      member = this.db
        .connection()
        .execute(async (conn) => {
          // A process killed a moment ago may still hold the lock until its server backend notices the
          // closed socket: ask again for a few seconds before concluding other workers are alive.
          let alone = false;
          for (let attempt = 0; attempt < ALONE_ATTEMPTS && !alone; attempt++) {
            if (attempt > 0) await sleep(250);
            const r = await sql<{ alone: boolean }>`
              SELECT pg_try_advisory_lock(${WORKERS_LOCK}) AS alone`.execute(conn);
            alone = r.rows[0]!.alone;
          }
          try {
            if (alone) await this.retryOrphans();
            await sql`SELECT pg_advisory_lock_shared(${WORKERS_LOCK})`.execute(conn);
          } finally {
            if (alone) await sql`SELECT pg_advisory_unlock(${WORKERS_LOCK})`.execute(conn);
          }
          joined();
          await left;
          // The connection goes back to the pool: the lock must not stay with it.
          await sql`SELECT pg_advisory_unlock_shared(${WORKERS_LOCK})`.execute(conn);
        })
        // After joining, a failure can only be the unlock on a connection the server dropped (and with
        // it the lock).
        .catch(failed);
    });
    this.leaveWorkers = async () => {
      leave();
      await member;
    };
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

  /**
   * Runs `handler` on batches of report-processing jobs until stopped. A batch the database dropped in
   * the middle (a restart, a failover) is run again once it answers (processing is idempotent): failing
   * it would need the database too, and its jobs would stay active, unretried, until they expire.
   */
  async workProcessing(handler: (jobs: ProcessReportJob[]) => Promise<void>, batchSize = 50): Promise<void> {
    await this.boss.work<ProcessReportJob>(
      QUEUES.processReport.name,
      { batchSize, pollingIntervalSeconds: 0.5 },
      async (jobs) => {
        for (;;) {
          try {
            return await handler(jobs.map((j) => j.data));
          } catch (err) {
            if (!isDatabaseUnavailable(err)) throw err;
            await sleep(OUTAGE_RETRY_MS);
          }
        }
      },
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
    await this.leaveWorkers?.();
  }
}
