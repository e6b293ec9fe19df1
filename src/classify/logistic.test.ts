import { describe, expect, it } from 'vitest';
import {
  applyPlatt,
  dense,
  type LogisticExample,
  marginLogistic,
  plattScale,
  predictLogistic,
  sigmoid,
  trainLogistic,
} from './logistic.js';
import { rocAuc } from './metrics.js';

/** A tiny deterministic source for making data (not the code under test). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

function gaussian(next: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
}

const options = { epochs: 20, l2: 1e-4, learningRate: 0.5, seed: 7 };

describe('dense', () => {
  it('keeps the non-zero entries with their positions', () => {
    const v = dense(Float32Array.from([0, 2, 0, -1]));
    expect(Array.from(v.indices)).toEqual([1, 3]);
    expect(Array.from(v.values)).toEqual([2, -1]);
  });
});

describe('trainLogistic', () => {
  it('separates a linearly separable toy problem', () => {
    const examples: LogisticExample[] = [];
    for (let i = 0; i < 40; i++) {
      const y = i % 2 === 0 ? 1 : 0;
      // Feature 0 fires for positives, feature 1 for negatives, feature 2 for both.
      examples.push({ x: dense(Float32Array.from([y, 1 - y, 1])), y });
    }
    const model = trainLogistic(examples, 3, options);
    expect(predictLogistic(model, dense(Float32Array.from([1, 0, 1])))).toBeGreaterThan(0.9);
    expect(predictLogistic(model, dense(Float32Array.from([0, 1, 1])))).toBeLessThan(0.1);
    expect(model.weights[0]).toBeGreaterThan(0);
    expect(model.weights[1]).toBeLessThan(0);
  });

  it('learns a noisy two-gaussian problem to a high held-out AUC', () => {
    const next = lcg(11);
    const make = (n: number): LogisticExample[] =>
      Array.from({ length: n }, (_, i) => {
        const y = (i % 3 === 0 ? 1 : 0) as 0 | 1;
        const shift = y === 1 ? 1 : -1;
        return {
          x: dense(Float32Array.from([shift + gaussian(next), 0.5 * shift + gaussian(next), gaussian(next)])),
          y,
        };
      });
    const model = trainLogistic(make(600), 3, options);
    const test = make(300);
    const auc = rocAuc(
      test.map((e) => predictLogistic(model, e.x)),
      test.map((e) => e.y),
    );
    expect(auc).toBeGreaterThan(0.9);
    // The pure-noise feature carries little weight next to the informative ones.
    expect(Math.abs(model.weights[2]!)).toBeLessThan(Math.abs(model.weights[0]!) / 3);
  });

  it('balances classes: a 1-in-10 minority still gets a centred decision', () => {
    const examples: LogisticExample[] = [];
    for (let i = 0; i < 200; i++) {
      const y = (i % 10 === 0 ? 1 : 0) as 0 | 1;
      examples.push({ x: dense(Float32Array.from([1])), y });
    }
    const model = trainLogistic(examples, 1, { ...options, epochs: 30 });
    expect(predictLogistic(model, dense(Float32Array.from([1])))).toBeCloseTo(0.5, 1);
    const unbalanced = trainLogistic(examples, 1, { ...options, epochs: 30, balanceClasses: false });
    expect(predictLogistic(unbalanced, dense(Float32Array.from([1])))).toBeLessThan(0.2);
  });

  it('is deterministic for a seed and differs across seeds', () => {
    const next = lcg(3);
    const examples: LogisticExample[] = Array.from({ length: 100 }, (_, i) => {
      const y = (i % 2) as 0 | 1;
      return { x: dense(Float32Array.from([y + gaussian(next), gaussian(next)])), y };
    });
    const a = trainLogistic(examples, 2, options);
    const b = trainLogistic(examples, 2, options);
    const c = trainLogistic(examples, 2, { ...options, seed: 8 });
    expect(Array.from(a.weights)).toEqual(Array.from(b.weights));
    expect(a.bias).toBe(b.bias);
    expect(Array.from(a.weights)).not.toEqual(Array.from(c.weights));
  });
});

describe('plattScale', () => {
  it('recovers the sigmoid that generated the labels', () => {
    const next = lcg(5);
    const scores: number[] = [];
    const labels: (0 | 1)[] = [];
    for (let i = 0; i < 4000; i++) {
      const s = gaussian(next) * 3;
      scores.push(s);
      labels.push(next() < sigmoid(0.5 * s - 1) ? 1 : 0);
    }
    const { a, b } = plattScale(scores, labels);
    expect(a).toBeCloseTo(0.5, 1);
    expect(b).toBeCloseTo(-1, 0);
  });

  it('turns overconfident margins into moderate probabilities', () => {
    // Margins of ±10 but one label in five is wrong: calibrated confidence is about 0.8.
    const scores = Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? 10 : -10));
    const labels = scores.map((s, i) => (s > 0 !== (i % 5 === 0) ? 1 : 0) as 0 | 1);
    const calibration = plattScale(scores, labels);
    expect(applyPlatt(calibration, 10)).toBeGreaterThan(0.7);
    expect(applyPlatt(calibration, 10)).toBeLessThan(0.9);
    expect(applyPlatt(calibration, -10)).toBeLessThan(0.3);
  });

  it('stays finite when every margin is the same', () => {
    const { a, b } = plattScale([1, 1, 1, 1], [1, 0, 1, 0]);
    expect(Number.isFinite(a) && Number.isFinite(b)).toBe(true);
    expect(applyPlatt({ a, b }, 1)).toBeCloseTo(0.5, 1);
  });
});

describe('marginLogistic', () => {
  it('is the logit of predictLogistic', () => {
    const model = { weights: Float32Array.from([2, -1]), bias: 0.5 };
    const x = dense(Float32Array.from([1, 3]));
    expect(marginLogistic(model, x)).toBeCloseTo(-0.5);
    expect(predictLogistic(model, x)).toBeCloseTo(sigmoid(-0.5));
  });
});
