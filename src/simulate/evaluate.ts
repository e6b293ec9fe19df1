import {
  bcubed,
  type ClusterMatch,
  clusterMatches,
  fastMoverRecallAt,
  indicatorRecall,
  type KindValue,
  type Labelled,
  largestCluster,
  oversized,
  type PRF,
  pairwise,
  restrictToOperations,
} from './metrics.js';
import type { Truth } from './truth.js';

/** What a linker produced: every report's operation, operations by priority, and optionally the indicators it found. */
export interface Prediction {
  /** externalId → predicted operation id. Reports missing here count as operations of one. */
  assignment: ReadonlyMap<string, string>;
  /** Predicted operation ids, highest priority first. */
  ranking: readonly string[];
  indicators?: readonly KindValue[];
}

/** Every metric of one evaluation (see metrics.ts for definitions). */
export interface Evaluation {
  reports: number;
  reportsWithOperation: number;
  trueOperations: number;
  predictedOperations: number;
  /** Over all reports; reports without a true operation are singleton true clusters. */
  bcubed: PRF;
  /** Over only the reports that have a true operation. */
  bcubedOperations: PRF;
  pairwise: PRF;
  largestCluster: { share: number; match: ClusterMatch | undefined };
  /** Clusters larger than 1.5× their best-matching operation, and the worst ratio. */
  oversized: { count: number; worst: ClusterMatch | undefined };
  fastMovers: { total: number; recallAt10: number | null; recallAt25: number | null };
  /** Shared-infrastructure groups whose operations ended up with the same majority cluster (false merges). */
  sharedGroupMerges: { groups: number; mergedGroups: number; mergedPairs: number };
  /** Recall of the true indicators that reports actually carry; absent when no indicators were given. */
  indicators?: ReturnType<typeof indicatorRecall>;
}

/** Evaluates a prediction against the truth of a simulated world. */
export function evaluate(truth: Truth, predicted: Prediction): Evaluation {
  const labelled: Labelled = {
    truth: truth.reports.map((r) => r.operation),
    // An unassigned report is an operation of one (DESIGN.md: every report belongs to exactly one operation).
    predicted: truth.reports.map(
      (r) => predicted.assignment.get(r.externalId) ?? `\u0000alone:${r.externalId}`,
    ),
  };
  const matches = clusterMatches(labelled);
  const bestOperation = new Map(matches.map((m) => [m.cluster, m.operation]));
  const fast = new Set(truth.operations.filter((o) => o.fastMoving).map((o) => o.id));

  // Majority cluster of each true operation, to see whether shared infrastructure glued operations together.
  const majority = new Map<string, { cluster: string; count: number }>();
  const counts = new Map<string, number>();
  labelled.truth.forEach((t, i) => {
    if (t === null) return;
    const key = `${t}\u0000${labelled.predicted[i]}`;
    const c = (counts.get(key) ?? 0) + 1;
    counts.set(key, c);
    const m = majority.get(t);
    if (!m || c > m.count) majority.set(t, { cluster: labelled.predicted[i]!, count: c });
  });
  let mergedGroups = 0;
  let mergedPairs = 0;
  for (const g of truth.sharedGroups) {
    let pairsHere = 0;
    for (let a = 0; a < g.operations.length; a++)
      for (let b = a + 1; b < g.operations.length; b++) {
        const ca = majority.get(g.operations[a]!)?.cluster;
        if (ca !== undefined && ca === majority.get(g.operations[b]!)?.cluster) pairsHere++;
      }
    mergedPairs += pairsHere;
    if (pairsHere > 0) mergedGroups++;
  }

  const result: Evaluation = {
    reports: truth.reports.length,
    reportsWithOperation: labelled.truth.filter((t) => t !== null).length,
    trueOperations: truth.operations.filter((o) => o.size > 0).length,
    predictedOperations: matches.length,
    bcubed: bcubed(labelled),
    bcubedOperations: bcubed(restrictToOperations(labelled)),
    pairwise: pairwise(labelled),
    largestCluster: largestCluster(labelled),
    oversized: oversized(labelled),
    fastMovers: {
      total: fast.size,
      recallAt10: fastMoverRecallAt(predicted.ranking, bestOperation, fast, 10),
      recallAt25: fastMoverRecallAt(predicted.ranking, bestOperation, fast, 25),
    },
    sharedGroupMerges: { groups: truth.sharedGroups.length, mergedGroups, mergedPairs },
  };
  if (predicted.indicators) {
    // Only indicators some report carries can be found; the others are invisible to any extractor.
    const observable = truth.operations.flatMap((o) => o.indicators.filter((i) => i.reports > 0));
    result.indicators = indicatorRecall(observable, predicted.indicators);
  }
  return result;
}

const pct = (x: number | null) => (x === null ? 'n/a' : `${(x * 100).toFixed(1)}%`);
const num = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '∞');

/** Renders an evaluation as an aligned text table (the `dragnet eval --truth` output). */
export function formatEvaluation(e: Evaluation): string {
  const rows: Array<[string, string]> = [
    ['reports (with a true operation)', `${e.reports} (${e.reportsWithOperation})`],
    ['operations: true / predicted', `${e.trueOperations} / ${e.predictedOperations}`],
    [
      'B-cubed P / R / F1 (all reports)',
      `${num(e.bcubed.precision)} / ${num(e.bcubed.recall)} / ${num(e.bcubed.f1)}`,
    ],
    [
      'B-cubed P / R / F1 (operation reports)',
      `${num(e.bcubedOperations.precision)} / ${num(e.bcubedOperations.recall)} / ${num(e.bcubedOperations.f1)}`,
    ],
    [
      'pairwise P / R / F1',
      `${num(e.pairwise.precision)} / ${num(e.pairwise.recall)} / ${num(e.pairwise.f1)}`,
    ],
    [
      'largest cluster: share of reports',
      `${pct(e.largestCluster.share)}${e.largestCluster.match ? ` (${e.largestCluster.match.size} reports, ${num(e.largestCluster.match.ratio)}× ${e.largestCluster.match.operation ?? 'no operation'})` : ''}`,
    ],
    [
      'clusters > 1.5× their operation',
      `${e.oversized.count}${e.oversized.worst ? ` (worst ${num(e.oversized.worst.ratio)}×: ${e.oversized.worst.cluster})` : ''}`,
    ],
    [
      'fast movers in top 10 / top 25',
      `${pct(e.fastMovers.recallAt10)} / ${pct(e.fastMovers.recallAt25)} of ${e.fastMovers.total}`,
    ],
    [
      'shared-infrastructure groups merged',
      `${e.sharedGroupMerges.mergedGroups} of ${e.sharedGroupMerges.groups} (${e.sharedGroupMerges.mergedPairs} operation pairs)`,
    ],
  ];
  if (e.indicators) {
    rows.push([
      'indicator recall',
      `${pct(e.indicators.recall)} (${e.indicators.found} of ${e.indicators.total})`,
    ]);
    for (const [kind, k] of Object.entries(e.indicators.byKind).sort())
      rows.push([`  ${kind}`, `${pct(k.recall)} (${k.found} of ${k.total})`]);
  }
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n');
}
