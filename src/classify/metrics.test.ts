import { describe, expect, it } from 'vitest';
import { precisionRecallAt, rocAuc, thresholdForPrecision } from './metrics.js';

describe('rocAuc', () => {
  it('is 1 when every positive outscores every negative', () => {
    expect(rocAuc([0.9, 0.8, 0.2, 0.1], [1, 1, 0, 0])).toBe(1);
  });

  it('is 0 when the ranking is inverted', () => {
    expect(rocAuc([0.1, 0.2, 0.8, 0.9], [1, 1, 0, 0])).toBe(0);
  });

  it('is 0.5 when all scores tie', () => {
    expect(rocAuc([0.5, 0.5, 0.5, 0.5], [1, 0, 1, 0])).toBe(0.5);
  });

  it('counts a tie between a positive and a negative as half', () => {
    // Pairs: (0.9 vs 0.5) win, (0.9 vs 0.1) win, (0.5 vs 0.5) half, (0.5 vs 0.1) win → 3.5 / 4.
    expect(rocAuc([0.9, 0.5, 0.5, 0.1], [1, 1, 0, 0])).toBe(0.875);
  });

  it('is NaN with a single class', () => {
    expect(rocAuc([0.1, 0.2], [1, 1])).toBeNaN();
  });
});

describe('precisionRecallAt', () => {
  it('counts scores at the threshold as positive', () => {
    const r = precisionRecallAt([0.9, 0.5, 0.5, 0.1], [1, 0, 1, 1], 0.5);
    expect(r).toMatchObject({ truePositives: 2, falsePositives: 1, falseNegatives: 1, trueNegatives: 0 });
    expect(r.precision).toBeCloseTo(2 / 3);
    expect(r.recall).toBeCloseTo(2 / 3);
  });

  it('has precision 1 and recall 0 when nothing is called positive', () => {
    const r = precisionRecallAt([0.1, 0.2], [1, 0], 0.9);
    expect(r.precision).toBe(1);
    expect(r.recall).toBe(0);
  });
});

describe('thresholdForPrecision', () => {
  const scores = [0.95, 0.9, 0.8, 0.7, 0.6, 0.4, 0.3];
  const labels: (0 | 1)[] = [1, 1, 0, 1, 1, 0, 0];

  it('picks the lowest threshold that keeps the target precision', () => {
    // At 0.6: 5 called, 4 right → 0.8; at 0.7: 3 of 4 → 0.75; at 0.8: 2 of 3; at 0.9: 2 of 2.
    expect(thresholdForPrecision(scores, labels, 0.8)).toBe(0.6);
    expect(thresholdForPrecision(scores, labels, 0.85)).toBe(0.9);
  });

  it('calls tied scores together', () => {
    expect(thresholdForPrecision([0.9, 0.9, 0.1], [1, 0, 0], 0.9)).toBe(Number.POSITIVE_INFINITY);
  });

  it('is Infinity when the target is out of reach', () => {
    expect(thresholdForPrecision([0.9, 0.1], [0, 1], 0.6)).toBe(Number.POSITIVE_INFINITY);
  });
});
