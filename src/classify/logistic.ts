/**
 * Binary logistic regression over sparse vectors, shared by the text and image models: AdaGrad with L2,
 * class-balanced, seeded shuffling (deterministic for a seed), and Platt calibration of its margins.
 */
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** A sparse feature vector: parallel arrays of bucket indices and their values. */
export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
}

/** A trained logistic model: one weight per dimension and a bias; p = sigmoid(w·x + b). */
export interface LogisticModel {
  weights: Float32Array;
  bias: number;
}

/** One training example; `weight` multiplies its (class-balanced) importance. */
export interface LogisticExample {
  x: SparseVector;
  y: 0 | 1;
  weight?: number;
}

/** How to train: passes over the data, L2 strength, AdaGrad step size, shuffle seed. */
export interface LogisticOptions {
  epochs: number;
  l2: number;
  learningRate: number;
  seed: number;
  /** Weight examples so that both classes count equally (default true). */
  balanceClasses?: boolean;
}

/** Platt calibration: p = sigmoid(a · margin + b). */
export interface PlattCalibration {
  a: number;
  b: number;
}

/** The logistic function, safe for large |z|. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** The log-odds of a probability, clamped away from 0 and 1 so a certain model stays finite. */
export function logit(p: number): number {
  const q = Math.min(1 - 1e-6, Math.max(1e-6, p));
  return Math.log(q / (1 - q));
}

/** A sparse vector holding the non-zero entries of a dense feature array. */
export function dense(values: Float32Array): SparseVector {
  let count = 0;
  for (let i = 0; i < values.length; i++) if (values[i] !== 0) count++;
  const indices = new Int32Array(count);
  const kept = new Float32Array(count);
  let k = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v === 0) continue;
    indices[k] = i;
    kept[k] = v;
    k++;
  }
  return { indices, values: kept };
}

/** The raw decision value w·x + b (the logit). */
export function marginLogistic(model: LogisticModel, x: SparseVector): number {
  let z = model.bias;
  const { indices, values } = x;
  const w = model.weights;
  for (let i = 0; i < indices.length; i++) z += (w[indices[i]!] ?? 0) * values[i]!;
  return z;
}

/** The model's probability that `x` is of class 1. */
export function predictLogistic(model: LogisticModel, x: SparseVector): number {
  return sigmoid(marginLogistic(model, x));
}

/**
 * Trains by AdaGrad on the log loss with L2 on the weights (not the bias). L2 is applied to the features an
 * example touches, the usual sparse approximation: a full decay of 2^18 weights per step would cost more
 * than the data. Examples are visited in a fresh seeded order each epoch, so a seed fixes the model.
 */
export function trainLogistic(
  examples: LogisticExample[],
  dims: number,
  options: LogisticOptions,
): LogisticModel {
  const weights = new Float64Array(dims);
  const squaredGradients = new Float64Array(dims);
  let bias = 0;
  let biasSquaredGradient = 0;
  const importance = exampleImportance(examples, options.balanceClasses ?? true);
  const order = Int32Array.from(examples.keys());
  const rng = xoroshiro128plus(options.seed | 0);
  const eps = 1e-8;
  const { l2, learningRate } = options;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffleInPlace(order, (n) => uniformInt(rng, 0, n - 1));
    for (const e of order) {
      const { x, y } = examples[e]!;
      const scale = importance[e]!;
      if (scale === 0) continue;
      let z = bias;
      for (let i = 0; i < x.indices.length; i++) z += weights[x.indices[i]!]! * x.values[i]!;
      const residual = (sigmoid(z) - y) * scale;
      for (let i = 0; i < x.indices.length; i++) {
        const j = x.indices[i]!;
        const g = residual * x.values[i]! + l2 * weights[j]!;
        squaredGradients[j] = squaredGradients[j]! + g * g;
        weights[j] = weights[j]! - (learningRate * g) / (Math.sqrt(squaredGradients[j]!) + eps);
      }
      biasSquaredGradient += residual * residual;
      bias -= (learningRate * residual) / (Math.sqrt(biasSquaredGradient) + eps);
    }
  }
  return { weights: Float32Array.from(weights), bias };
}

/** Per-example importance: the caller's weight, times N / (2 · N_class) when classes are balanced. */
function exampleImportance(examples: LogisticExample[], balance: boolean): Float64Array {
  let positives = 0;
  for (const e of examples) if (e.y === 1) positives++;
  const negatives = examples.length - positives;
  const out = new Float64Array(examples.length);
  examples.forEach((e, i) => {
    const own = e.weight ?? 1;
    if (!balance || positives === 0 || negatives === 0) {
      out[i] = own;
      return;
    }
    const classCount = e.y === 1 ? positives : negatives;
    out[i] = (own * examples.length) / (2 * classCount);
  });
  return out;
}

/** Fisher–Yates with the given integer source (`draw(n)` in [0, n)). */
function shuffleInPlace(items: Int32Array, draw: (n: number) => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = draw(i + 1);
    const tmp = items[i]!;
    items[i] = items[j]!;
    items[j] = tmp;
  }
}

/**
 * Fits Platt's sigmoid on held-out margins (logits) and labels by Newton's method with his smoothed
 * targets, so a class seen few times does not drive probabilities to 0 or 1.
 */
export function plattScale(scores: number[], labels: (0 | 1)[]): PlattCalibration {
  let positives = 0;
  for (const y of labels) if (y === 1) positives++;
  const negatives = labels.length - positives;
  const hi = (positives + 1) / (positives + 2);
  const lo = 1 / (negatives + 2);
  const targets = labels.map((y) => (y === 1 ? hi : lo));
  let a = 1;
  let b = Math.log((positives + 1) / (negatives + 1));
  let loss = plattLoss(scores, targets, a, b);
  for (let iter = 0; iter < 100; iter++) {
    // A small ridge keeps the Hessian invertible when all margins are equal.
    let h11 = 1e-9;
    let h22 = 1e-9;
    let h21 = 0;
    let g1 = 0;
    let g2 = 0;
    scores.forEach((s, i) => {
      const p = sigmoid(a * s + b);
      const d = p * (1 - p);
      h11 += s * s * d;
      h22 += d;
      h21 += s * d;
      const r = p - targets[i]!;
      g1 += s * r;
      g2 += r;
    });
    if (Math.abs(g1) < 1e-9 && Math.abs(g2) < 1e-9) break;
    const det = h11 * h22 - h21 * h21;
    const da = -(h22 * g1 - h21 * g2) / det;
    const db = -(-h21 * g1 + h11 * g2) / det;
    let step = 1;
    while (step > 1e-10) {
      const next = plattLoss(scores, targets, a + step * da, b + step * db);
      if (next < loss + 1e-4 * step * (g1 * da + g2 * db)) {
        a += step * da;
        b += step * db;
        loss = next;
        break;
      }
      step /= 2;
    }
    if (step <= 1e-10) break;
  }
  return { a, b };
}

/** Cross-entropy of sigmoid(a·s + b) against soft targets. */
function plattLoss(scores: number[], targets: number[], a: number, b: number): number {
  let loss = 0;
  scores.forEach((s, i) => {
    const z = a * s + b;
    const t = targets[i]!;
    // log(1 + e^z) − t·z, computed without overflow.
    loss += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - t * z;
  });
  return loss;
}

/** A calibrated probability from a margin (logit). */
export function applyPlatt(calibration: PlattCalibration, margin: number): number {
  return sigmoid(calibration.a * margin + calibration.b);
}
