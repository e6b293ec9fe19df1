import { describe, expect, it } from 'vitest';
import {
  bcubed,
  clusterMatches,
  fastMoverRecallAt,
  indicatorRecall,
  largestCluster,
  normaliseIndicator,
  oversized,
  pairwise,
  restrictToOperations,
} from './metrics.js';

// Six reports: three of operation A, two of B, one of no operation (noise).
const truth = ['A', 'A', 'A', 'B', 'B', null];

describe('B-cubed', () => {
  it('scores a perfect clustering 1, including the noise report left alone', () => {
    expect(bcubed({ truth, predicted: ['x', 'x', 'x', 'y', 'y', 'z'] })).toEqual({
      precision: 1,
      recall: 1,
      f1: 1,
    });
  });

  it('matches a hand computation for a split and a merge', () => {
    // x = {A,A}, y = {A,B,B}, z = {noise}. Precision: (4/2 + 1/3 + 4/3 + 1) / 6 = 7/9; recall: (4/3 + 1/3 + 4/2 + 1) / 6 = 7/9.
    const m = bcubed({ truth, predicted: ['x', 'x', 'y', 'y', 'y', 'z'] });
    expect(m.precision).toBeCloseTo(7 / 9, 12);
    expect(m.recall).toBeCloseTo(7 / 9, 12);
    expect(m.f1).toBeCloseTo(7 / 9, 12);
  });

  it('charges a merge of two operations to precision only', () => {
    // x = {A,A,A,B,B}: precision (9/5 + 4/5 + 1) / 6 = 0.6, recall 1, F1 = 0.75.
    const m = bcubed({ truth, predicted: ['x', 'x', 'x', 'x', 'x', 'z'] });
    expect(m.precision).toBeCloseTo(0.6, 12);
    expect(m.recall).toBe(1);
    expect(m.f1).toBeCloseTo(0.75, 12);
  });

  it('counts a noise report put into an operation as a precision error (it is its own true cluster)', () => {
    const all = bcubed({ truth, predicted: ['x', 'x', 'x', 'x', 'x', 'x'] });
    expect(all.precision).toBeCloseTo((9 + 4 + 1) / 6 / 6, 12);
    expect(all.recall).toBe(1);
    // Restricted to reports that have an operation, the noise report drops out.
    const ops = bcubed(restrictToOperations({ truth, predicted: ['x', 'x', 'x', 'x', 'x', 'x'] }));
    expect(ops.precision).toBeCloseTo(13 / 25, 12);
  });

  it('never lets two noise reports form a true cluster together', () => {
    const m = bcubed({ truth: [null, null], predicted: ['x', 'x'] });
    expect(m.precision).toBeCloseTo(0.5, 12);
    expect(m.recall).toBe(1);
  });
});

describe('pairwise', () => {
  it('matches a hand computation', () => {
    // Pairs together in both: C(3,2) + C(2,2) = 4; predicted pairs C(5,2) = 10; true pairs 4.
    const m = pairwise({ truth, predicted: ['x', 'x', 'x', 'x', 'x', 'z'] });
    expect(m.precision).toBeCloseTo(0.4, 12);
    expect(m.recall).toBe(1);
    expect(m.f1).toBeCloseTo(0.8 / 1.4, 12);
  });

  it('scores all singletons with full precision and no recall', () => {
    const m = pairwise({ truth, predicted: ['a', 'b', 'c', 'd', 'e', 'f'] });
    expect(m).toEqual({ precision: 1, recall: 0, f1: 0 });
  });
});

describe('cluster sizes against the truth', () => {
  const predicted = ['x', 'x', 'y', 'y', 'y', 'z'];

  it('finds the largest cluster, its share and its best-matching operation', () => {
    const { share, match } = largestCluster({ truth, predicted });
    expect(share).toBe(0.5);
    expect(match).toEqual({ cluster: 'y', size: 3, operation: 'B', operationSize: 2, ratio: 1.5 });
  });

  it('flags clusters above the size limit relative to their operation', () => {
    expect(oversized({ truth, predicted }).count).toBe(0);
    expect(oversized({ truth, predicted }, 1.4).count).toBe(1);
    expect(oversized({ truth, predicted }).worst?.cluster).toBe('y');
    const noiseOnly = clusterMatches({ truth, predicted }).find((m) => m.cluster === 'z');
    expect(noiseOnly?.operation).toBeNull();
  });
});

describe('fast movers in the ranking', () => {
  const best = new Map<string, string | null>([
    ['y', 'B'],
    ['x', 'A'],
    ['z', null],
  ]);

  it('counts a fast operation found when a top-k cluster has it as best match', () => {
    expect(fastMoverRecallAt(['y', 'x', 'z'], best, new Set(['B', 'C']), 1)).toBe(0.5);
    expect(fastMoverRecallAt(['y', 'x', 'z'], best, new Set(['A']), 1)).toBe(0);
    expect(fastMoverRecallAt(['y', 'x', 'z'], best, new Set(['A']), 2)).toBe(1);
    expect(fastMoverRecallAt(['y'], best, new Set(), 10)).toBeNull();
  });
});

describe('indicator recall', () => {
  it('compares normalised values per kind', () => {
    const r = indicatorRecall(
      [
        { kind: 'phone', value: '+18445550123' },
        { kind: 'iban', value: 'GB82WEST12345698765432' },
        { kind: 'domain', value: 'foo.xyz' },
        { kind: 'domain', value: 'bar.top' },
      ],
      [
        { kind: 'phone', value: '+1 (844) 555-0123' },
        { kind: 'iban', value: 'gb82 west 1234 5698 7654 32' },
        { kind: 'domain', value: 'WWW.Foo.xyz' },
        { kind: 'domain', value: 'microsoft.com' },
        { kind: 'email', value: 'bar.top' },
      ],
    );
    expect(r.recall).toBe(0.75);
    expect(r.byKind.domain).toEqual({ recall: 0.5, found: 1, total: 2 });
    expect(r.byKind.phone?.recall).toBe(1);
  });

  it('lower-cases ETH wallets but keeps base58 wallets as they are', () => {
    expect(normaliseIndicator('crypto_wallet', '0xABCDEF')).toBe('0xabcdef');
    expect(normaliseIndicator('crypto_wallet', '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa')).toBe(
      '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa',
    );
  });
});
