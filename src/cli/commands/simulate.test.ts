import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { reportInputSchema } from '../../core/report-input.js';
import { loadTruth } from '../../simulate/truth.js';
import { run } from '../main.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dragnet-simulate-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const quiet = () => {
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
};

describe('dragnet simulate', () => {
  it('writes valid reports and a truth that covers each of them, the same bytes for the same seed', async () => {
    quiet();
    const out = path.join(dir, 'a.ndjson');
    const truthFile = path.join(dir, 'a.json');
    const args = [
      'simulate',
      '--reports',
      '500',
      '--seed',
      '3',
      '--days',
      '60',
      '--operations',
      '12',
      '--start',
      '2024-03-01',
    ];
    expect(await run([...args, '--out', out, '--truth', truthFile])).toBe(0);
    expect(await run([...args, '--out', path.join(dir, 'b.ndjson')])).toBe(0);
    vi.restoreAllMocks();
    const text = await readFile(out, 'utf8');
    expect(await readFile(path.join(dir, 'b.ndjson'), 'utf8')).toBe(text);
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(500);
    for (const line of lines) expect(reportInputSchema.safeParse(JSON.parse(line)).success).toBe(true);
    const truth = await loadTruth(truthFile);
    expect(truth.reports.map((r) => r.externalId)).toEqual(
      lines.map((l) => (JSON.parse(l) as { externalId: string }).externalId),
    );
    expect(truth.period.start).toBe('2024-03-01T00:00:00Z');
    expect(truth.operations).toHaveLength(12);
  });

  it('refuses bad usage with exit code 2', async () => {
    quiet();
    expect(await run(['simulate', '--reports', 'ten', '--seed', '1', '--out', '-'])).toBe(2);
    expect(await run(['simulate', '--reports', '10', '--seed', '1', '--out', '-', '--days', '2'])).toBe(2);
    expect(
      await run(['simulate', '--reports', '10', '--seed', '1', '--out', '-', '--start', 'yesterday']),
    ).toBe(2);
    expect(await run(['simulate', '--reports', '10', '--seed', '1', '--out', '-', '--truth', '-'])).toBe(2);
    expect(await run(['simulate', '--seed', '1', '--out', '-'])).toBe(2);
    vi.restoreAllMocks();
  });
});
