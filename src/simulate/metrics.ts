// Clustering and prioritisation metrics against a simulated ground truth. Pure: arrays in, numbers out.
//
// How reports without an operation count: a report whose truth is null (another scam, noise) is its own
// singleton true cluster. Putting it into an operation therefore costs precision, exactly like merging a
// report of another operation would. `restrictToOperations` gives the same metrics over only the reports
// that have a true operation (both clusterings restricted to them), to separate the two kinds of error.

/** Precision, recall and their harmonic mean. */
export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

/** One report's true operation (null: none) and its predicted cluster, aligned by index. */
export interface Labelled {
  truth: readonly (string | null)[];
  predicted: readonly string[];
}

function f1(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

/** True labels with nulls turned into singleton labels that cannot collide with operation ids. */
function trueLabels(truth: readonly (string | null)[]): string[] {
  return truth.map((t, i) => (t === null ? `\u0000none:${i}` : t));
}

/** Counts per (predicted cluster, true label), plus the size of every cluster and every true label. */
export interface Contingency {
  cells: Map<string, Map<string, number>>;
  predictedSizes: Map<string, number>;
  trueSizes: Map<string, number>;
  n: number;
}

/** Builds the contingency table of a labelling (null truths as singletons). */
export function contingency(l: Labelled): Contingency {
  if (l.truth.length !== l.predicted.length) throw new RangeError('truth and predicted must be aligned');
  const t = trueLabels(l.truth);
  const cells = new Map<string, Map<string, number>>();
  const predictedSizes = new Map<string, number>();
  const trueSizes = new Map<string, number>();
  for (let i = 0; i < t.length; i++) {
    const p = l.predicted[i]!;
    const tl = t[i]!;
    let row = cells.get(p);
    if (!row) {
      row = new Map();
      cells.set(p, row);
    }
    row.set(tl, (row.get(tl) ?? 0) + 1);
    predictedSizes.set(p, (predictedSizes.get(p) ?? 0) + 1);
    trueSizes.set(tl, (trueSizes.get(tl) ?? 0) + 1);
  }
  return { cells, predictedSizes, trueSizes, n: t.length };
}

/** B-cubed precision / recall / F1 (Bagga & Baldwin), averaged over reports. Empty input scores 1. */
export function bcubed(l: Labelled): PRF {
  const c = contingency(l);
  if (c.n === 0) return { precision: 1, recall: 1, f1: 1 };
  let p = 0;
  let r = 0;
  for (const [cluster, row] of c.cells) {
    const size = c.predictedSizes.get(cluster)!;
    for (const [label, count] of row) {
      p += (count * count) / size;
      r += (count * count) / c.trueSizes.get(label)!;
    }
  }
  const precision = p / c.n;
  const recall = r / c.n;
  return { precision, recall, f1: f1(precision, recall) };
}

const pairs = (k: number) => (k * (k - 1)) / 2;

/** Pairwise precision / recall / F1 over all pairs of reports; no predicted (or true) pairs scores 1. */
export function pairwise(l: Labelled): PRF {
  const c = contingency(l);
  let together = 0;
  for (const row of c.cells.values()) for (const count of row.values()) together += pairs(count);
  let predicted = 0;
  for (const s of c.predictedSizes.values()) predicted += pairs(s);
  let truth = 0;
  for (const s of c.trueSizes.values()) truth += pairs(s);
  const precision = predicted === 0 ? 1 : together / predicted;
  const recall = truth === 0 ? 1 : together / truth;
  return { precision, recall, f1: f1(precision, recall) };
}

/** The labelling restricted to reports that have a true operation. */
export function restrictToOperations(l: Labelled): Labelled {
  const truth: string[] = [];
  const predicted: string[] = [];
  l.truth.forEach((t, i) => {
    if (t !== null) {
      truth.push(t);
      predicted.push(l.predicted[i]!);
    }
  });
  return { truth, predicted };
}

/** A predicted cluster with the true operation most of its reports belong to. */
export interface ClusterMatch {
  cluster: string;
  size: number;
  /** The true operation with most reports in the cluster (null when the cluster has none). */
  operation: string | null;
  /** That operation's true size (all its reports, wherever they were put). */
  operationSize: number;
  /** size / operationSize: above 1 the cluster swallowed more than the operation (a false merge). */
  ratio: number;
}

/** For every predicted cluster, its best-matching true operation (majority of its reports; nulls never match). */
export function clusterMatches(l: Labelled): ClusterMatch[] {
  const c = contingency(l);
  const out: ClusterMatch[] = [];
  for (const [cluster, row] of c.cells) {
    let best: string | null = null;
    let bestCount = 0;
    for (const [label, count] of row) {
      if (label.startsWith('\u0000')) continue;
      if (count > bestCount || (count === bestCount && best !== null && label < best)) {
        best = label;
        bestCount = count;
      }
    }
    const size = c.predictedSizes.get(cluster)!;
    const operationSize = best === null ? 0 : c.trueSizes.get(best)!;
    out.push({
      cluster,
      size,
      operation: best,
      operationSize,
      ratio: best === null ? Number.POSITIVE_INFINITY : size / operationSize,
    });
  }
  return out.sort((a, b) => b.size - a.size || (a.cluster < b.cluster ? -1 : 1));
}

/** The largest predicted cluster's share of all reports (an alarm for hub merges), and its match. */
export function largestCluster(l: Labelled): { share: number; match: ClusterMatch | undefined } {
  const matches = clusterMatches(l);
  const top = matches[0];
  return { share: top && l.truth.length > 0 ? top.size / l.truth.length : 0, match: top };
}

/**
 * Oversized clusters: those larger than `limit` × their best-matching operation's true size (issue 5:
 * "no operation larger than 1.5× its true size"). Clusters holding no operation's report are ignored;
 * singletons cannot be oversized.
 */
export function oversized(l: Labelled, limit = 1.5): { count: number; worst: ClusterMatch | undefined } {
  let count = 0;
  let worst: ClusterMatch | undefined;
  for (const m of clusterMatches(l)) {
    if (m.operation === null) continue;
    if (m.ratio > limit) count++;
    if (!worst || m.ratio > worst.ratio) worst = m;
  }
  return { count, worst };
}

/**
 * Recall of the true fast-moving operations among the first `k` clusters of a ranking: an operation is
 * found when one of those clusters has it as best match. Null when there is no fast-moving operation.
 */
export function fastMoverRecallAt(
  ranking: readonly string[],
  bestOperation: ReadonlyMap<string, string | null>,
  fastMoving: ReadonlySet<string>,
  k: number,
): number | null {
  if (fastMoving.size === 0) return null;
  const found = new Set<string>();
  for (const cluster of ranking.slice(0, k)) {
    const op = bestOperation.get(cluster);
    if (op && fastMoving.has(op)) found.add(op);
  }
  return found.size / fastMoving.size;
}

/** An indicator as a (kind, value) pair. */
export interface KindValue {
  kind: string;
  value: string;
}

/**
 * Normalises a value for comparing found and true indicators: case, spacing and formatting that
 * extraction may legitimately vary (IBAN groups, phone punctuation, a leading "www.").
 */
export function normaliseIndicator(kind: string, value: string): string {
  const v = value.trim();
  switch (kind) {
    case 'phone':
      return v.replace(/[^\d+]/g, '');
    case 'domain':
      return v
        .toLowerCase()
        .replace(/\.$/, '')
        .replace(/^www\./, '');
    case 'iban':
      return v.replace(/\s+/g, '').toUpperCase();
    case 'bank_account':
      return v.replace(/\D/g, '');
    case 'crypto_wallet':
      return /^0x/i.test(v) ? v.toLowerCase() : v;
    case 'url':
      return v;
    default:
      return v.toLowerCase().replace(/\s+/g, ' ');
  }
}

/** Recall of true indicators among found ones, overall and per kind (found per kind / true per kind). */
export function indicatorRecall(
  truth: readonly KindValue[],
  found: readonly KindValue[],
): {
  recall: number;
  found: number;
  total: number;
  byKind: Record<string, { recall: number; found: number; total: number }>;
} {
  const seen = new Set(found.map((f) => `${f.kind}\u0000${normaliseIndicator(f.kind, f.value)}`));
  const unique = new Map<string, KindValue>();
  for (const t of truth) unique.set(`${t.kind}\u0000${normaliseIndicator(t.kind, t.value)}`, t);
  const byKind: Record<string, { recall: number; found: number; total: number }> = {};
  let hits = 0;
  for (const [key, t] of unique) {
    const k = byKind[t.kind] ?? { recall: 0, found: 0, total: 0 };
    byKind[t.kind] = k;
    k.total++;
    if (seen.has(key)) {
      k.found++;
      hits++;
    }
  }
  for (const k of Object.values(byKind)) k.recall = k.total === 0 ? 1 : k.found / k.total;
  return { recall: unique.size === 0 ? 1 : hits / unique.size, found: hits, total: unique.size, byKind };
}
