import type { ReportGraph } from './graph.js';
import { UnionFind } from './union-find.js';
import type { IndicatorWeights } from './weights.js';

/** An analyst's decision about links, kept and honoured by every recluster. */
export type LinkDecision =
  | { type: 'merge'; reportIds: string[] }
  | { type: 'split'; reportIds: string[] }
  | { type: 'not_linked'; a: string; b: string }
  | { type: 'exclude'; kind: string; value: string; mode?: 'block' | 'inform' };

/**
 * Applies decisions to a clustering, in the order they were made (a later decision wins):
 * `split` puts its reports in an operation of their own; `merge` joins the operations of its reports;
 * `not_linked` separates two reports by growing two groups from them through shared values.
 * (`exclude` acts earlier, as a suppressed value.) Returns dense labels.
 */
export function applyDecisions(
  cluster: Int32Array,
  reportIndex: Map<string, number>,
  decisions: LinkDecision[],
  graph: ReportGraph,
  weights: IndicatorWeights,
): { cluster: Int32Array; count: number } {
  const labels = Int32Array.from(cluster);
  let next = labels.reduce((a, b) => Math.max(a, b), -1) + 1;
  for (const d of decisions) {
    if (d.type === 'split') {
      const label = next++;
      for (const id of d.reportIds) {
        const r = reportIndex.get(id);
        if (r !== undefined) labels[r] = label;
      }
    } else if (d.type === 'merge') {
      const members = d.reportIds
        .map((id) => reportIndex.get(id))
        .filter((r): r is number => r !== undefined);
      if (members.length < 2) continue;
      const targets = new Set(members.map((r) => labels[r]!));
      const into = labels[members[0]!]!;
      for (let r = 0; r < labels.length; r++) if (targets.has(labels[r]!)) labels[r] = into;
    } else if (d.type === 'not_linked') {
      const a = reportIndex.get(d.a);
      const b = reportIndex.get(d.b);
      if (a === undefined || b === undefined || labels[a] !== labels[b]) continue;
      const label = next++;
      for (const r of growFrom(a, b, labels, graph, weights)) labels[r] = label;
    }
  }
  return dense(labels);
}

/**
 * Splits the group holding reports a and b: breadth-first from both at once through shared values
 * that carry weight; each report goes with the seed that reaches it first. Returns b's side.
 */
function growFrom(a: number, b: number, labels: Int32Array, g: ReportGraph, w: IndicatorWeights): number[] {
  const group = labels[a]!;
  const side = new Map<number, 0 | 1>([
    [a, 0],
    [b, 1],
  ]);
  let frontier = [a, b];
  while (frontier.length > 0) {
    const next: number[] = [];
    for (const r of frontier) {
      for (let e = g.repOffsets[r]!; e < g.repOffsets[r + 1]!; e++) {
        const i = g.repInds[e]!;
        if (w.weight[i]! <= 0) continue;
        for (let x = g.indOffsets[i]!; x < g.indOffsets[i + 1]!; x++) {
          const s = g.indReports[x]!;
          if (labels[s] !== group || side.has(s)) continue;
          side.set(s, side.get(r)!);
          next.push(s);
        }
      }
    }
    frontier = next;
  }
  return [...side].filter(([, s]) => s === 1).map(([r]) => r);
}

function dense(labels: Int32Array): { cluster: Int32Array; count: number } {
  const uf = new UnionFind(labels.length);
  const firstOf = new Map<number, number>();
  for (let r = 0; r < labels.length; r++) {
    const f = firstOf.get(labels[r]!);
    if (f === undefined) firstOf.set(labels[r]!, r);
    else uf.union(f, r);
  }
  const { labels: out, count } = uf.labels();
  return { cluster: out, count };
}
