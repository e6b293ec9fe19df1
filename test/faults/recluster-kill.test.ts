import type { ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { IntakeService } from '../../src/intake/service.js';
import { reprocessAll } from '../../src/jobs/process-reports.js';
import { decide, reportsOfOperations } from '../../src/operations/decisions.js';
import { recluster } from '../../src/operations/recluster.js';
import { simulate } from '../../src/simulate/index.js';
import { openStore } from '../../src/store/database.js';
import { JobQueue } from '../../src/store/queue.js';
import { census, type StoreEnv } from '../helpers/census.js';
import { finished, runCli, startCli } from '../helpers/cli.js';
import { ENGINES, freshStoreOptions } from '../helpers/engines.js';

const REPORTS = 3000;
/** Moments to kill `link --full`, as fractions of an uninterrupted run's time (start-up included). */
const KILL_AT = [0.5, 0.75, 0.9];

const openOf = (env: StoreEnv) => ({
  dataDir: env.DRAGNET_DATA ?? '',
  databaseUrl: env.DATABASE_URL || undefined,
});

/** Report id → operation id, as the store holds it. */
async function assignment(env: StoreEnv): Promise<Map<string, string>> {
  const store = await openStore(openOf(env));
  try {
    const rows = await store.db.selectFrom('reportOperations').select(['reportId', 'operationId']).execute();
    return new Map(rows.map((r) => [r.reportId, r.operationId]));
  } finally {
    await store.close();
  }
}

/**
 * A store as a recluster finds it in use: 2,000 reports reclustered once, with analysts' decisions (a
 * merge, a split, a "not linked" pair), and 1,000 newer reports read by machine but not linked yet.
 */
async function prepare(env: StoreEnv) {
  const store = await openStore(openOf(env));
  const queue = await JobQueue.open(store.db);
  try {
    const db = store.db;
    const intake = new IntakeService(db, queue);
    const reports = [...simulate({ reports: REPORTS, seed: 9, start: '2025-01-01', days: 120 }).reports()];
    const process = () =>
      reprocessAll(db, { staleOnly: true, batchSize: 500, now: () => new Date(), link: false });
    for (let i = 0; i < 2000; i += 500)
      await intake.store(
        reports.slice(i, i + 500).map((r) => r.report),
        'cli',
      );
    await process();
    await recluster(db, new Date());
    const largest = await db
      .selectFrom('operations')
      .select('id')
      .orderBy('reportCount', 'desc')
      .orderBy('id')
      .limit(4)
      .execute();
    const [a, b, c, d] = largest.map((o) => o.id);
    const ctx = { author: 'analyst@faults', reason: 'fault test', now: new Date() };
    const merged = await reportsOfOperations(db, [a!, b!]);
    await decide(db, { type: 'merge', reportIds: merged }, ctx);
    const split = (await reportsOfOperations(db, [c!])).slice(0, 5);
    await decide(db, { type: 'split', reportIds: split }, ctx);
    const [x, y] = await reportsOfOperations(db, [d!]);
    await decide(db, { type: 'not_linked', a: x!, b: y! }, ctx);
    for (let i = 2000; i < REPORTS; i += 500)
      await intake.store(
        reports.slice(i, i + 500).map((r) => r.report),
        'cli',
      );
    await process();
    await queue.purgeProcessing();
    return { merged, split, notLinked: [x!, y!] as const };
  } finally {
    await queue.stop(false);
    await store.close();
  }
}

/**
 * SIGKILL of `dragnet link --full` at several moments of a recluster of 3,000 reports: each kill leaves
 * the store as it was before or as the whole recluster leaves it, never in between; run again, it
 * completes with the operations of an uninterrupted recluster (checked on a copy of the store),
 * analysts' decisions honoured, every report in exactly one operation and no operation without reports.
 */
describe.each(ENGINES)('SIGKILL during a recluster on %s', (engine) => {
  let env: Record<string, string | undefined>;
  let reference: Record<string, string | undefined>;
  const cleanups: Array<() => Promise<void> | void> = [];

  beforeAll(async () => {
    const o = await freshStoreOptions(engine);
    cleanups.push(o.cleanup);
    env = { DRAGNET_DATA: o.dataDir, DATABASE_URL: o.databaseUrl ?? '' };
  });
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  /** An identical store, for the uninterrupted recluster to compare with. */
  async function copyStore(): Promise<Record<string, string | undefined>> {
    if (engine === 'pglite') {
      const dir = mkdtempSync(path.join(tmpdir(), 'dragnet-faults-ref-'));
      cpSync(env.DRAGNET_DATA!, dir, { recursive: true });
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      return { DRAGNET_DATA: dir };
    }
    const source = new URL(env.DATABASE_URL!.replace('@/', '@localhost/')).pathname.slice(1);
    const copy = `${source}_ref`;
    const admin = new pg.Client({ connectionString: inject('postgresUrl') });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${copy} TEMPLATE ${source}`);
    await admin.end();
    cleanups.push(async () => {
      const a = new pg.Client({ connectionString: inject('postgresUrl') });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${copy} WITH (FORCE)`);
      await a.end();
    });
    return {
      DATABASE_URL: env.DATABASE_URL!.replace(`/${source}?`, `/${copy}?`),
      DRAGNET_DATA: env.DRAGNET_DATA,
    };
  }

  it('leaves the store before or after, never between, and completes when run again', async () => {
    const decisions = await prepare(env);
    const before = await assignment(env);
    expect(before.size).toBe(2000);

    reference = await copyStore();
    const started = Date.now();
    const uninterrupted = await runCli(['link', '--full', '--json'], reference);
    const fullMs = Date.now() - started;
    expect(uninterrupted.code).toBe(0);
    const after = await assignment(reference);
    expect(after.size).toBe(REPORTS);

    const kills: string[] = [];
    const killed = async (moment: string, kill: (child: ChildProcess) => Promise<void> | void) => {
      const child = startCli(['link', '--full'], env);
      child.stdin?.end();
      const done = finished(child);
      await kill(child);
      const result = await done;
      const now = await assignment(env);
      const state = same(now, before) ? 'before' : same(now, after) ? 'after' : 'between';
      expect(state).not.toBe('between');
      const c = await census(env);
      // Killed after its commit, while refreshing summaries: operations emptied by the recluster wait for
      // the next run to be deleted.
      const empty = c.emptyOperations > 0 ? `, ${c.emptyOperations} emptied operations left` : '';
      kills.push(`${moment}: ${result.signal === 'SIGKILL' ? state : `finished first (${state})`}${empty}`);
      expect(c.danglingLinks).toBe(0);
      expect(c.multiplyLinked).toBe(0);
      return state;
    };
    // On a server the test sees the moment: killed inside its write transaction, the recluster leaves
    // nothing of itself. (First: once a kill leaves it after, later ones find nothing to do.)
    if (engine === 'postgres')
      expect(await killed('in its write transaction', killInWriteTransaction(env))).toBe('before');

    for (const at of KILL_AT) {
      const ms = Math.round(fullMs * at);
      await killed(`${ms} ms`, (child) => {
        const timer = setTimeout(() => child.kill('SIGKILL'), ms);
        child.once('exit', () => clearTimeout(timer));
      });
    }

    const rerun = await runCli(['link', '--full', '--json'], env);
    expect(rerun.code).toBe(0);
    const final = await assignment(env);
    expect(same(final, after)).toBe(true);
    const c = await census(env);
    expect(c.linked).toBe(REPORTS);
    expect(c.multiplyLinked).toBe(0);
    expect(c.danglingLinks).toBe(0);
    expect(c.emptyOperations).toBe(0);
    expect(c.operations).toBe(new Set(final.values()).size);
    // Analysts' decisions hold: the merge together, the split on its own, the "not linked" pair apart.
    expect(new Set(decisions.merged.map((r) => final.get(r))).size).toBe(1);
    const splitOp = final.get(decisions.split[0]!);
    expect(decisions.split.every((r) => final.get(r) === splitOp)).toBe(true);
    expect([...final.values()].filter((op) => op === splitOp)).toHaveLength(decisions.split.length);
    expect(final.get(decisions.notLinked[0])).not.toBe(final.get(decisions.notLinked[1]));
    console.info(
      `[faults] recluster kill on ${engine}: ${REPORTS} reports (${REPORTS - before.size} new), an uninterrupted ` +
        `link --full takes ${(fullMs / 1000).toFixed(1)} s; kills ${kills.join(', ')}; the re-run ends like ` +
        `the uninterrupted one: ${c.operations} operations, every report in one, none empty`,
    );
  }, 300_000);
});

/** Kills a `link --full` on a PostgreSQL server once its backend has written in the recluster's transaction. */
function killInWriteTransaction(env: Record<string, string | undefined>) {
  return async (child: ChildProcess) => {
    const watcher = new pg.Client({ connectionString: env.DATABASE_URL });
    await watcher.connect();
    try {
      while (child.exitCode === null && child.signalCode === null) {
        const { rows } = await watcher.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity
           WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL
             AND query LIKE '%INSERT INTO report_operations%'`,
        );
        if (rows[0].n > 0) {
          child.kill('SIGKILL');
          return;
        }
        await new Promise((r) => setTimeout(r, 5));
      }
    } finally {
      await watcher.end();
    }
  };
}

function same(a: Map<string, string>, b: Map<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}
