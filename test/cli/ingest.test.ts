import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/database.js';
import { JobQueue } from '../../src/store/queue.js';
import { countReports } from '../../src/store/reports.js';
import { finished, runCli, startCli } from '../helpers/cli.js';
import { ENGINES, freshStoreOptions } from '../helpers/engines.js';

const work = mkdtempSync(path.join(tmpdir(), 'dragnet-ingest-'));
const file = (name: string, content: string) => {
  const p = path.join(work, name);
  writeFileSync(p, content);
  return p;
};
const report = (i: number) => ({
  externalId: `r-${i}`,
  source: 'cli-test',
  channel: 'popup',
  callbackNumbers: [`+1 855 442 ${String(1000 + (i % 9000))}`],
  narrative: `Popup: your PC is locked, call Microsoft at 1-855-442-${String(1000 + (i % 9000))}. Paid $${100 + (i % 400)} in gift cards.`,
  victim: { country: 'US' },
});
const ndjson = (n: number, from = 0) =>
  `${Array.from({ length: n }, (_, i) => JSON.stringify(report(from + i))).join('\n')}\n`;

describe.each(ENGINES)('dragnet ingest on %s', (engine) => {
  let env: Record<string, string | undefined>;
  let cleanup: () => Promise<void>;
  const count = async () => {
    const store = await openStore({ dataDir: env.DRAGNET_DATA!, databaseUrl: env.DATABASE_URL });
    try {
      const queue = await JobQueue.open(store.db);
      const jobs = await queue.pendingProcessing();
      await queue.stop(false);
      return { reports: await countReports(store.db), jobs };
    } finally {
      await store.close();
    }
  };

  beforeAll(async () => {
    const o = await freshStoreOptions(engine);
    env = { DRAGNET_DATA: o.dataDir, DATABASE_URL: o.databaseUrl ?? '' };
    cleanup = o.cleanup;
  });
  afterAll(() => cleanup());

  it('stores valid records, sends invalid ones to the rejects file with line numbers, and exits 1', async () => {
    const lines = ndjson(5).trimEnd().split('\n');
    lines.splice(2, 0, '{"narrative": "ok", "urls": "hxxp://x[.]com"}', 'not json at all');
    const input = file(`mixed-${engine}.ndjson`, `${lines.join('\n')}\n`);
    const rejects = path.join(work, `rejects-${engine}.ndjson`);
    const res = await runCli(['ingest', input, '--rejects', rejects], env);
    expect(res.stdout).toContain('read 7, stored 5, duplicates 0, rejected 2');
    expect(res.code).toBe(1);
    const rejected = readFileSync(rejects, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rejected.map((r) => r.line)).toEqual([3, 4]);
    expect(rejected[0].issues[0].path).toBe('urls');
    expect(rejected[1].reason).toMatch(/malformed JSON/);
  });

  it('stores nothing twice when the same file is imported again, and exits 0 when nothing is rejected', async () => {
    const input = file(`again-${engine}.ndjson`, ndjson(50, 1000));
    const first = await runCli(['ingest', input], env);
    expect(first.stdout).toContain('stored 50, duplicates 0, rejected 0');
    expect(first.code).toBe(0);
    const second = await runCli(['ingest', input], env);
    expect(second.stdout).toContain('stored 0, duplicates 50, rejected 0');
  });

  it('reprocesses stored reports on demand (all, or only stale ones)', async () => {
    const all = await runCli(['reprocess'], env);
    expect(all.code).toBe(0);
    expect(all.stdout).toMatch(/reprocessed [1-9]\d* reports/);
    const stale = await runCli(['reprocess', '--stale'], env);
    expect(stale.stdout).toMatch(/reprocessed 0 reports/);
  });

  it('reads JSON arrays, CSV and standard input', async () => {
    const json = file(`a-${engine}.json`, JSON.stringify([report(2000), report(2001)], null, 2));
    const csv = file(
      `b-${engine}.csv`,
      'externalId,source,callbackNumbers,payments.amount,payments.currency,narrative\n' +
        'c-1,csv,"0800 123 4567|+44 20 7946 0001",250,GBP,"BT called about my broadband"\n',
    );
    const res = await runCli(['ingest', json, csv, '-'], env, JSON.stringify(report(2002)));
    expect(res.stdout).toContain('read 4, stored 4');
  });

  it('ends with every record stored exactly once after a SIGKILL in the middle of an import', async () => {
    const total = 30_000;
    const input = file(`big-${engine}.ndjson`, ndjson(total, 100_000));
    const before = await count();
    const child = startCli(['ingest', input, '--batch-size', '500'], { ...env, DRAGNET_PROGRESS_LINES: '1' });
    const done = finished(child);
    let committed = 0;
    await new Promise<void>((resolve, reject) => {
      child.stderr?.on('data', (d: Buffer) => {
        committed += (d.toString().match(/committed/g) ?? []).length;
        // Kill once a few batches are in, well before the end.
        if (committed >= 4) resolve();
      });
      child.on('exit', () => reject(new Error('import finished before it could be killed')));
    });
    child.kill('SIGKILL');
    const killed = await done;
    expect(killed.signal).toBe('SIGKILL');
    const partial = await count();
    expect(partial.reports - before.reports).toBeGreaterThan(0);
    expect(partial.reports - before.reports).toBeLessThan(total);
    // Every stored report has its job: they were committed together.
    expect(partial.jobs - before.jobs).toBe(partial.reports - before.reports);

    const rerun = await runCli(['ingest', input], env);
    expect(rerun.code).toBe(0);
    const after = await count();
    expect(after.reports - before.reports).toBe(total);
    expect(after.jobs - before.jobs).toBe(total);
    expect(rerun.stdout).toContain(`duplicates ${partial.reports - before.reports}`);
  });
});

describe('dragnet command line', () => {
  it('answers --help with exit 0 and bad usage with exit 2 and a hint', async () => {
    const help = await runCli(['ingest', '--help'], {});
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: dragnet ingest');
    const missing = await runCli(['ingest', '/nonexistent/file.ndjson'], { DRAGNET_DATA: work });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read /nonexistent/file.ndjson: ENOENT');
    const unknown = await runCli(['frobnicate'], {});
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");
  });

  it('refuses unknown CSV columns by name with exit 2', async () => {
    const csv = file('bad-columns.csv', 'narrative,colour\nhello,red\n');
    const res = await runCli(['ingest', csv], { DRAGNET_DATA: path.join(work, 'csvdata') });
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('unknown CSV column: "colour"');
  });

  it('says clearly when the embedded database is held by another process', async () => {
    const dataDir = path.join(work, 'held');
    const server = startCli(['serve', '--port', '0', '--roles', 'web'], { DRAGNET_DATA: dataDir });
    const served = finished(server);
    await new Promise<void>((resolve) =>
      server.stderr?.on('data', (d: Buffer) => d.toString().includes('listening') && resolve()),
    );
    const res = await runCli(['ingest', file('one.ndjson', ndjson(1))], { DRAGNET_DATA: dataDir });
    server.kill('SIGTERM');
    const stopped = await served;
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/in use by process \d+/);
    expect(stopped.code).toBe(0);
  });
});
