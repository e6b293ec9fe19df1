import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startPgServer } from '../test/helpers/pg-server.js';
import { type Bench, type BenchRow, benchEngines } from './table.js';

const N = Number(process.env.BENCH_INTAKE_REPORTS ?? 100_000);
const ENGINES = benchEngines('BENCH_INTAKE_ENGINES');
const BIN = path.resolve(import.meta.dirname, '../bin/dragnet.js');

/** A realistic ~600-byte report: structured fields and a narrative, as partners send them. */
function report(i: number): string {
  const n = String(1000 + (i % 9000));
  return JSON.stringify({
    externalId: `bench-${i}`,
    source: 'bench',
    channel: i % 3 === 0 ? 'inbound_call' : 'popup',
    submittedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    impersonatedBrand: 'Microsoft',
    callbackNumbers: [`+1 855 442 ${n}`],
    urls: [`hxxps://micros0ft-help-${i % 700}[.]azurewebsites[.]net/?phone=1855442${n}`],
    payments: [
      {
        method: 'gift_card',
        amount: 100 + (i % 900),
        currency: 'USD',
        recipient: { giftCardBrand: 'Google Play' },
      },
    ],
    narrative: `A popup said my computer was infected and to call Microsoft support at 1-855-442-${n}. The man asked me to install AnyDesk and buy Google Play cards. He said his name was John from Easy Net Express Pvt Ltd.`,
    victim: { country: 'US', ageBand: i % 4 === 0 ? '70_79' : '40_49' },
  });
}

function ingest(
  file: string,
  env: Record<string, string>,
): { rate: number; seconds: number; stored: number } {
  const out = execFileSync(process.execPath, [BIN, 'ingest', file, '--no-progress'], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  const m = out.match(/stored (\d+).* in ([\d.]+) s \((\d+) records\/s\)/);
  if (!m) throw new Error(`unexpected ingest output: ${out}`);
  return { stored: Number(m[1]), seconds: Number(m[2]), rate: Number(m[3]) };
}

/** `dragnet ingest` throughput of an NDJSON file on PGlite and on a PostgreSQL 15 server (BENCH_INTAKE_ENGINES). */
const bench: Bench = async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dragnet-bench-intake-'));
  const file = path.join(dir, 'reports.ndjson');
  writeFileSync(file, `${Array.from({ length: N }, (_, i) => report(i)).join('\n')}\n`);
  const rows: BenchRow[] = [];
  const row = (variant: string, r: { rate: number; seconds: number; stored: number }): BenchRow => ({
    name: `intake CLI: dragnet ingest NDJSON (${N.toLocaleString('en-US')} reports)`,
    variant,
    value: r.rate,
    unit: 'reports/s',
    target: '>= 5,000',
    issue: 2,
    ok: r.rate >= 5000 && r.stored === N,
    notes: `${r.seconds.toFixed(1)} s, ${r.stored} stored, jobs queued in the same transactions`,
  });
  try {
    for (const engine of ENGINES) {
      if (engine === 'pglite') {
        rows.push(row('pglite', ingest(file, { DRAGNET_DATA: path.join(dir, 'data') })));
        continue;
      }
      const server = startPgServer(54339);
      try {
        rows.push(
          row('postgres', ingest(file, { DRAGNET_DATA: path.join(dir, 'pgdata'), DATABASE_URL: server.url })),
        );
      } finally {
        server.stop();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
};
export default bench;
