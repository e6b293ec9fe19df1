import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulate } from '../../src/simulate/index.js';
import { census, duplicatedExternalIds, jobsIn } from '../helpers/census.js';
import { type CliResult, finished, runCli, startCli } from '../helpers/cli.js';
import { ENGINES, freshStoreOptions } from '../helpers/engines.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';

const RECORDS = 20_000;
const BATCH = 500;

/** Runs `dragnet ingest FILE` and kills it with SIGKILL once `batches` transactions are committed. */
async function ingestKilledAfter(file: string, env: Record<string, string | undefined>, batches: number) {
  const child = startCli(['ingest', file, '--batch-size', String(BATCH)], {
    ...env,
    DRAGNET_PROGRESS_LINES: '1',
  });
  child.stdin?.end();
  const done = finished(child);
  let committed = 0;
  await new Promise<void>((resolve, reject) => {
    child.stderr?.on('data', (d: Buffer) => {
      for (const m of d.toString().matchAll(/committed (\d+)/g)) committed = Number(m[1]);
      if (committed >= batches * BATCH) resolve();
    });
    void done.then((r: CliResult) =>
      reject(new Error(`ingest ended before the kill: ${r.stdout}${r.stderr}`)),
    );
  });
  child.kill('SIGKILL');
  const result = await done;
  expect(result.signal).toBe('SIGKILL');
  return committed;
}

/**
 * SIGKILL of `dragnet ingest` in the middle of a 20,000-record file, twice, then the same command run
 * again to its end: every record is stored exactly once, with exactly one processing job. On
 * PostgreSQL a running server's worker processes the reports meanwhile: what it completed is processed.
 */
describe.each(ENGINES)('SIGKILL during a bulk import on %s', (engine) => {
  let env: Record<string, string | undefined>;
  let cleanup: () => Promise<void>;
  let work: string;
  let serve: ServeProcess | undefined;

  beforeAll(async () => {
    const o = await freshStoreOptions(engine);
    cleanup = o.cleanup;
    env = { DRAGNET_DATA: o.dataDir, DATABASE_URL: o.databaseUrl ?? '', DRAGNET_CRAWL_REPORTED_URLS: '0' };
    work = mkdtempSync(path.join(tmpdir(), 'dragnet-faults-ingest-'));
  });
  afterAll(async () => {
    await serve?.kill();
    await cleanup?.();
    rmSync(work, { recursive: true, force: true });
  });

  it('stores every record exactly once after kills and a re-run', async () => {
    const reports = [...simulate({ reports: RECORDS, seed: 3, start: '2025-01-01', days: 180 }).reports()];
    // A JSON array on one engine, NDJSON on the other: both readers resume by idempotency, not by offset.
    const file = path.join(work, engine === 'pglite' ? 'reports.json' : 'reports.ndjson');
    writeFileSync(
      file,
      engine === 'pglite'
        ? JSON.stringify(reports.map((r) => r.report))
        : `${reports.map((r) => JSON.stringify(r.report)).join('\n')}\n`,
    );
    // On PostgreSQL a server's worker processes what the import stores, while it is being killed.
    if (engine === 'postgres') serve = await startServe(env);

    const firstKill = await ingestKilledAfter(file, env, 4);
    const afterFirst = serve ? undefined : await census(env);
    const secondKill = await ingestKilledAfter(file, env, 12);
    const partial = await census(env);
    expect(partial.reports).toBeGreaterThanOrEqual(secondKill);
    expect(partial.reports).toBeLessThan(RECORDS);
    expect(duplicatedExternalIds(partial)).toEqual([]);
    // Every stored report has its job: they are committed together.
    expect(jobsIn(partial, 'report.process', 'created', 'retry', 'active', 'completed')).toBe(
      partial.reports,
    );

    const rerun = await runCli(['ingest', file, '--batch-size', String(BATCH)], env);
    expect(rerun.code).toBe(0);
    expect(rerun.stdout).toContain(
      `read ${RECORDS}, stored ${RECORDS - partial.reports}, duplicates ${partial.reports}`,
    );
    // The server's worker stops after its running batch; what it completed is processed, the rest waits
    // in the queue (one job per report).
    if (serve) expect((await serve.stop()).code).toBe(0);
    serve = undefined;
    const after = await census(env);
    expect(after.processed).toBe(jobsIn(after, 'report.process', 'completed'));
    expect(after.reports).toBe(RECORDS);
    expect(duplicatedExternalIds(after)).toEqual([]);
    for (const r of reports) expect(after.idsByExternalId.get(r.report.externalId!)).toHaveLength(1);
    expect(jobsIn(after, 'report.process', 'created', 'retry', 'active', 'completed')).toBe(RECORDS);
    console.info(
      `[faults] ingest kill on ${engine}: killed after ${firstKill} records committed` +
        (afterFirst ? ` (${afterFirst.reports} stored)` : '') +
        `, then after ${secondKill} (${partial.reports} stored, at most one batch of ${BATCH} uncommitted at each kill); ` +
        `the re-run stored ${RECORDS - partial.reports} and found ${partial.reports} duplicates; ` +
        `${after.reports} reports, one job each, ${after.processed} processed by then`,
    );
  }, 300_000);
});
