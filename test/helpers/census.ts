import { sql } from 'kysely';
import { openStore } from '../../src/store/database.js';

/** Where a store is: the environment a `dragnet` process is started with. */
export interface StoreEnv {
  DRAGNET_DATA?: string | undefined;
  DATABASE_URL?: string | undefined;
}

/** What a store holds, counted the way the fault tests check it. */
export interface Census {
  reports: number;
  /** Stored report ids by externalId (more than one means a duplicate). */
  idsByExternalId: Map<string, string[]>;
  /** Reports with a processing status, an extraction, an operation. */
  processed: number;
  extracted: number;
  linked: number;
  /** Report ids linked to more than one operation (must be none: one row per report). */
  multiplyLinked: number;
  operations: number;
  /** Operations rows with no report in them, and report links to operations that have no row. */
  emptyOperations: number;
  danglingLinks: number;
  /** Jobs by queue and state (`created`, `retry`, `active`, `completed`, `failed`…). */
  jobs: Record<string, Record<string, number>>;
  /** Crawl captures by URL and profile (`url profile` → count). */
  capturesByTarget: Map<string, number>;
}

const n = (v: unknown) => Number(v);

/**
 * Opens the store a stopped (or killed) `dragnet` used and counts what it holds. The embedded database
 * can be opened by one process at a time: call it only when no `dragnet` process runs on it.
 */
export async function census(env: StoreEnv): Promise<Census> {
  const store = await openStore({
    dataDir: env.DRAGNET_DATA ?? '',
    databaseUrl: env.DATABASE_URL || undefined,
  });
  try {
    const db = store.db;
    const one = async (query: ReturnType<typeof sql<{ n: string }>>) =>
      n((await query.execute(db)).rows[0]!.n);
    const ids = await db.selectFrom('reports').select(['id', 'externalId']).execute();
    const idsByExternalId = new Map<string, string[]>();
    for (const r of ids) {
      const key = r.externalId ?? `(none) ${r.id}`;
      const list = idsByExternalId.get(key);
      if (list) list.push(r.id);
      else idsByExternalId.set(key, [r.id]);
    }
    const jobs: Census['jobs'] = {};
    const hasBoss = await one(sql`SELECT count(*) AS n FROM pg_namespace WHERE nspname = 'pgboss'`);
    if (hasBoss > 0) {
      const rows = await sql<{ name: string; state: string; n: string }>`
        SELECT name, state::text AS state, count(*) AS n FROM pgboss.job GROUP BY 1, 2`.execute(db);
      for (const r of rows.rows) jobs[r.name] = { ...jobs[r.name], [r.state]: n(r.n) };
    }
    const captures = await sql<{ url: string; profile: string; n: string }>`
      SELECT url, profile, count(*) AS n FROM crawl_captures GROUP BY 1, 2`.execute(db);
    return {
      reports: ids.length,
      idsByExternalId,
      processed: await one(sql`SELECT count(*) AS n FROM report_status`),
      extracted: await one(sql`SELECT count(*) AS n FROM report_extractions`),
      linked: await one(sql`SELECT count(DISTINCT report_id) AS n FROM report_operations`),
      multiplyLinked: await one(
        sql`SELECT count(*) AS n FROM (SELECT report_id FROM report_operations GROUP BY 1 HAVING count(*) > 1) x`,
      ),
      operations: await one(sql`SELECT count(*) AS n FROM operations`),
      emptyOperations: await one(
        sql`SELECT count(*) AS n FROM operations o
            WHERE NOT EXISTS (SELECT 1 FROM report_operations ro WHERE ro.operation_id = o.id)`,
      ),
      danglingLinks: await one(
        sql`SELECT count(*) AS n FROM report_operations ro
            WHERE NOT EXISTS (SELECT 1 FROM operations o WHERE o.id = ro.operation_id)`,
      ),
      jobs,
      capturesByTarget: new Map(captures.rows.map((c) => [`${c.url} ${c.profile}`, n(c.n)])),
    };
  } finally {
    await store.close();
  }
}

/** The number of jobs of a queue in the given states. */
export function jobsIn(c: Census, queue: string, ...states: string[]): number {
  return states.reduce((sum, s) => sum + (c.jobs[queue]?.[s] ?? 0), 0);
}

/** ExternalIds stored more than once. */
export function duplicatedExternalIds(c: Census): string[] {
  return [...c.idsByExternalId].filter(([, ids]) => ids.length > 1).map(([e]) => e);
}
