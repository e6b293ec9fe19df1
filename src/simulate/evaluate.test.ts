import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate, formatEvaluation } from './evaluate.js';
import { writeSimulation } from './simulate.js';
import { loadTruth, type Truth } from './truth.js';

let dir: string;
let truth: Truth;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dragnet-sim-'));
  const truthFile = path.join(dir, 'truth.json');
  const discard = new Writable({ write: (_chunk, _enc, done) => done() });
  const out = createWriteStream(truthFile);
  await writeSimulation(
    { reports: 8000, seed: 9, start: '2025-01-01', days: 180, operations: 60 },
    discard,
    out,
  );
  await new Promise<void>((resolve) => out.end(resolve));
  truth = await loadTruth(truthFile);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const truthAssignment = (t: Truth) =>
  new Map(t.reports.filter((r) => r.operation).map((r) => [r.externalId, r.operation!]));

describe('evaluate', () => {
  it('reads the truth file back with every report and operation', () => {
    expect(truth.reports).toHaveLength(8000);
    expect(truth.operations).toHaveLength(60);
    expect(truth.counts.tss + truth.counts.other_scam + truth.counts.noise).toBe(8000);
    expect(truth.sharedGroups.length).toBeGreaterThan(0);
  });

  it('scores the truth itself perfectly, ranking fast movers first', () => {
    const fastFirst = [...truth.operations]
      .sort((a, b) => Number(b.fastMoving) - Number(a.fastMoving))
      .map((o) => o.id);
    const e = evaluate(truth, { assignment: truthAssignment(truth), ranking: fastFirst });
    expect(e.bcubed).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(e.pairwise.f1).toBe(1);
    expect(e.oversized.count).toBe(0);
    expect(e.sharedGroupMerges.mergedGroups).toBe(0);
    expect(e.fastMovers.total).toBe(3);
    expect(e.fastMovers.recallAt10).toBe(1);
    expect(e.largestCluster.match?.ratio).toBe(1);
  });

  it('exposes a hub merge: one giant cluster, low precision, every shared group merged', () => {
    const all = new Map(truth.reports.map((r) => [r.externalId, 'everything']));
    const e = evaluate(truth, { assignment: all, ranking: ['everything'] });
    expect(e.largestCluster.share).toBe(1);
    expect(e.bcubed.precision).toBeLessThan(0.2);
    expect(e.bcubed.recall).toBe(1);
    expect(e.sharedGroupMerges.mergedGroups).toBe(e.sharedGroupMerges.groups);
    expect(e.oversized.count).toBe(1);
  });

  it('treats unassigned reports as operations of one, and measures indicator recall over what reports carry', () => {
    const carried = truth.operations.flatMap((o) => o.indicators.filter((i) => i.reports > 0));
    const half = carried.filter((_, i) => i % 2 === 0).map((i) => ({ kind: i.kind, value: i.value }));
    const e = evaluate(truth, { assignment: new Map(), ranking: [], indicators: half });
    expect(e.pairwise.recall).toBe(0);
    expect(e.bcubed.precision).toBe(1);
    expect(e.predictedOperations).toBe(8000);
    expect(e.indicators?.recall).toBeGreaterThan(0.45);
    expect(e.indicators?.recall).toBeLessThan(0.55);
    const text = formatEvaluation(e);
    expect(text).toContain('B-cubed P / R / F1 (all reports)');
    expect(text).toContain('indicator recall');
    expect(text).toContain('fast movers in top 10 / top 25');
  });
});
