import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryProbe, PROBE_TAG, type ProbeReport } from '../bench/soak-memory.js';

const dir = mkdtempSync(path.join(tmpdir(), 'dragnet-soak-probe-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs a script under the soak's probe and collects the reports it writes on standard error. */
async function probed(script: string): Promise<ProbeReport[]> {
  const file = path.join(dir, `script-${Date.now()}.mjs`);
  writeFileSync(file, script);
  const child = spawn(process.execPath, ['--import', memoryProbe(), file], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const reports: ProbeReport[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => {
    if (line.startsWith(PROBE_TAG)) reports.push(JSON.parse(line.slice(PROBE_TAG.length)) as ProbeReport);
  });
  await new Promise((resolve) => child.once('exit', resolve));
  return reports;
}

describe('the soak memory probe', () => {
  it('reports the main thread only, however many worker threads run (the OCR runs in one)', async () => {
    // The main thread holds ~40 MB of objects; a worker thread (whose own heap is a few MB) runs beside
    // it. Node loads `--import` modules into worker threads too: a probe reporting from there would
    // write that small heap as the server's.
    writeFileSync(path.join(dir, 'idle-worker.mjs'), 'setTimeout(() => {}, 4000);\n');
    const reports = await probed(`
      import { Worker } from 'node:worker_threads';
      const kept = Array.from({ length: 400000 }, (_, i) => ({ i, s: 'value ' + i }));
      new Worker(new URL('./idle-worker.mjs', import.meta.url));
      setTimeout(() => console.log(kept.length), 4000);
    `);
    expect(reports.length).toBeGreaterThanOrEqual(2);
    for (const r of reports) expect(r.heapUsed).toBeGreaterThan(30 * 1024 * 1024);
  });
});
