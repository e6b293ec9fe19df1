/**
 * Classifier metrics over scores and 0/1 labels (1 = scam): ROC-AUC, precision and recall at a threshold,
 * and the threshold that reaches a target precision.
 */

/** Counts and rates of a thresholded classifier (a score ≥ threshold is called positive). */
export interface PrecisionRecall {
  precision: number;
  recall: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  trueNegatives: number;
}

/**
 * Area under the ROC curve: the probability that a random positive outscores a random negative, ties
 * counting half (Mann–Whitney with mid-ranks). NaN when either class is absent.
 */
export function rocAuc(scores: readonly number[], labels: readonly (0 | 1)[]): number {
  const order = scores.map((_, i) => i).sort((i, j) => scores[i]! - scores[j]!);
  let positives = 0;
  let positiveRankSum = 0;
  let start = 0;
  while (start < order.length) {
    let end = start;
    while (end + 1 < order.length && scores[order[end + 1]!] === scores[order[start]!]) end++;
    const midRank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) {
      if (labels[order[k]!] === 1) {
        positives++;
        positiveRankSum += midRank;
      }
    }
    start = end + 1;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Precision and recall when scores ≥ `threshold` are called positive (precision 1 when none are). */
export function precisionRecallAt(
  scores: readonly number[],
  labels: readonly (0 | 1)[],
  threshold: number,
): PrecisionRecall {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  let trueNegatives = 0;
  scores.forEach((s, i) => {
    const called = s >= threshold;
    if (labels[i] === 1) {
      if (called) truePositives++;
      else falseNegatives++;
    } else if (called) falsePositives++;
    else trueNegatives++;
  });
  const calledPositive = truePositives + falsePositives;
  const actualPositive = truePositives + falseNegatives;
  return {
    precision: calledPositive === 0 ? 1 : truePositives / calledPositive,
    recall: actualPositive === 0 ? 0 : truePositives / actualPositive,
    truePositives,
    falsePositives,
    falseNegatives,
    trueNegatives,
  };
}

/**
 * The lowest threshold (one of the scores) at which precision is at least `targetPrecision`, so recall is
 * the highest that precision allows; Infinity when no threshold reaches it (flag nothing).
 */
export function thresholdForPrecision(
  scores: readonly number[],
  labels: readonly (0 | 1)[],
  targetPrecision: number,
): number {
  const order = scores.map((_, i) => i).sort((i, j) => scores[j]! - scores[i]!);
  let truePositives = 0;
  let called = 0;
  let best = Number.POSITIVE_INFINITY;
  let k = 0;
  while (k < order.length) {
    const threshold = scores[order[k]!]!;
    // Every score tied with this one is called together.
    while (k < order.length && scores[order[k]!] === threshold) {
      if (labels[order[k]!] === 1) truePositives++;
      called++;
      k++;
    }
    if (truePositives > 0 && truePositives / called >= targetPrecision) best = threshold;
  }
  return best;
}
