import { getOrCreate } from '../core/collections.js';
import { phoneBlockPairs } from './blocks.js';
import { cutWeakBridges, evidenceGraph } from './bridges.js';
import { formedGroupSize, type KeptApart, RootCollector, settleContested } from './contested.js';
import { facetsOf } from './facets.js';
import { phoneTypoPairs, withCanonicalCompanies } from './fuzzy.js';
import { buildGraph, degreeOf, type ReportGraph, reportsOf } from './graph.js';
import type { LinkPolicy, LinkReport, Suppression } from './types.js';
import { UnionFind } from './union-find.js';
import { type IndicatorWeights, indicatorWeights } from './weights.js';

export type { KeptApart } from './contested.js';
export { channelOf, facetOf } from './facets.js';

/** The result of clustering: a cluster per report, and what the decision rested on. */
export interface Clustering {
  graph: ReportGraph;
  weights: IndicatorWeights;
  /** Cluster of report r (dense, 0..count-1). */
  cluster: Int32Array;
  count: number;
  /** Weak evidence between report pairs (key r*n+s, r<s): summed weights of weak values and typos. */
  weakPairs: Map<number, number>;
  /** Established groups that share values too few or too alike to merge, kept apart (bridges). */
  keptApart: KeptApart[];
  /** Values that touch four or more groups kept apart (hubs): shown, never linking those groups. */
  hubs: number[];
}

/**
 * Full clustering of reports into operations, by evidence-gated agglomeration:
 * 1. linking values join their reports, most specific first (fewest reports), so an operation's
 *    rotating numbers and domains chain its reports into groups before its long-lived values arrive;
 * 2. a value that touches two or more formed groups is contested: it joins nothing at once. Groups are
 *    formed from `splitMinReports` reports, or from `formedGroupReports` for a name (a company, or a
 *    descriptor spelling it: see facetsOf), which call centres choose from the same few words;
 * 3. two numbers of one sequential block (see phoneBlockPairs) join their groups, in the same order (by
 *    the reports holding either), when at most one of those groups has `formedGroupReports` reports: one
 *    buyer's numbers chain its strays and fragments before their long-lived values arrive, and never
 *    merge two groups with evidence of their own (a neighbour in a block may be another operation's);
 * 4. weak evidence (agents' names, a generic company name, a victim's one-digit typo of a number) that
 *    adds up to the threshold for a pair of reports joins their groups only when one of them is not
 *    formed (< `formedGroupReports`): it attaches a stray report, and never merges two groups that have
 *    evidence of their own (a typo of one call centre's number, made in another's report);
 * 5. contested values are settled after all values (see settleContested): two established groups merge
 *    when they share `minBridgeValues` facets or `minBridgeChannels` contact channels, each carried by
 *    `minBridgeShare` of both groups' reports, and the unformed groups a contested value touches go with
 *    the formed group holding at least half of its reports, or stay apart;
 * 6. a value that still touches four or more groups kept apart is reported as a hub;
 * 7. clusters held together by one piece of evidence are checked (see cutWeakBridges): a name alone
 *    holding two parts of `formedGroupReports` or more, or other evidence holding two established parts
 *    that fewer than `minBridgeSupport` of either part carry, is cut (greedy joins of small groups let
 *    two operations meet early through one shared number, domain or account, then grow apart).
 * How many small groups a value touches says nothing: an operation's long-lived company, wallet or
 * billing e-mail touches hundreds of them in a large world, each chained by its rotating numbers.
 * Deterministic: the order of values is by degree, then first appearance.
 */
export function clusterReports(
  reports: LinkReport[],
  policy: LinkPolicy,
  suppress: (kind: string, value: string) => Suppression,
): Clustering {
  const graph = buildGraph(withCanonicalCompanies(reports));
  const weights = indicatorWeights(graph, policy, suppress);
  const n = graph.reportCount;
  const uf = new UnionFind(n);

  const { pairs: weakPairs, typoOf } = weakEvidence(graph, weights, policy);
  const m = graph.kinds.length;
  const blocks = blockPairs(graph, weights);
  // Items: value i (< m), or block pair k (m + k), by the number of reports they touch.
  const degree = (item: number) =>
    item < m
      ? degreeOf(graph, item)
      : degreeOf(graph, blocks[item - m]![0]) + degreeOf(graph, blocks[item - m]![1]);
  const items: number[] = [];
  for (let i = 0; i < m; i++) if (weights.reason[i] === 'linking') items.push(i);
  for (let k = 0; k < blocks.length; k++) items.push(m + k);
  items.sort((a, b) => degree(a) - degree(b) || a - b);

  const facets = facetsOf(graph);
  const roots = new RootCollector(graph, uf);
  const contested: number[] = [];
  const blockJoins: Array<[number, number]> = [];
  for (const i of items) {
    const touched = i < m ? roots.of(i) : roots.of(...blocks[i - m]!);
    if (touched.length < 2) continue;
    if (i >= m) {
      if (touched.filter((r) => uf.sizeOf(r) >= policy.formedGroupReports).length <= 1) {
        for (const r of touched) uf.union(touched[0]!, r);
        blockJoins.push(blocks[i - m]!);
      }
      continue;
    }
    const formed = formedGroupSize(facets[i]!, policy);
    if (touched.filter((r) => uf.sizeOf(r) >= formed).length <= 1) {
      for (const r of touched) uf.union(touched[0]!, r);
    } else contested.push(i);
  }
  const weakJoins: number[] = [];
  for (const [key, w] of weakPairs) {
    if (w < policy.threshold) continue;
    const r = Math.floor(key / n);
    const s = key % n;
    if (uf.find(r) === uf.find(s) || Math.min(uf.sizeOf(r), uf.sizeOf(s)) >= policy.formedGroupReports)
      continue;
    uf.union(r, s);
    weakJoins.push(key);
  }
  const { keptApart, hubs } = settleContested(contested, roots, facets, policy);

  const evidence = joinEvidence(graph, weights, blockJoins, weakJoins, typoOf);
  // A name alone never holds two groups of `formedGroupReports` together (however many name it); other
  // evidence holds two established groups only when a share of each carries it.
  const {
    cluster: labels,
    count,
    cuts,
  } = cutWeakBridges(evidence, uf.labels().labels, (v) =>
    v >= 0 && facets[v] === 'identity'
      ? [policy.formedGroupReports, Number.POSITIVE_INFINITY, 0]
      : [policy.splitMinReports, policy.minBridgeSupport, policy.splitMinReports],
  );
  const kept = [
    ...keptApart.map((k) => ({
      ...k,
      clusters: [labels[k.clusters[0]]!, labels[k.clusters[1]]!] as [number, number],
    })),
    ...cuts.map((c) => ({
      clusters: [labels[c.sides[0]]!, labels[c.sides[1]]!] as [number, number],
      indicators: evidence.value[c.node]! >= 0 ? [evidence.value[c.node]!] : [],
    })),
  ];
  return { graph, weights, cluster: labels, count, weakPairs, keptApart: kept, hubs };
}

/**
 * A number seen once, one digit off a number several reports carry, is that number mistyped: it links.
 * Not when the digit is one of the last two: numbers bought in sequential blocks differ just there, and
 * a neighbour in the block may belong to another operation (a kit's fallback number). Other one-digit
 * differences are weak evidence only.
 */
export function isStrongTypo(a: string, b: string, degreeA: number, degreeB: number): boolean {
  if (Math.min(degreeA, degreeB) !== 1 || Math.max(degreeA, degreeB) < 3 || a.length !== b.length)
    return false;
  let at = -1;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) at = k;
  return at >= 0 && at < a.length - 2;
}

/**
 * Weak evidence between pairs of reports (key r*n+s, r<s): summed weights of weak values and typos; and
 * for pairs joined by a strong typo, the number mistyped.
 */
function weakEvidence(
  graph: ReportGraph,
  weights: IndicatorWeights,
  policy: LinkPolicy,
): { pairs: Map<number, number>; typoOf: Map<number, number> } {
  const n = graph.reportCount;
  const pairs = new Map<number, number>();
  const typoOf = new Map<number, number>();
  const add = (r: number, s: number, w: number) => {
    if (r === s) return;
    const key = r < s ? r * n + s : s * n + r;
    pairs.set(key, (pairs.get(key) ?? 0) + w);
  };
  for (let i = 0; i < graph.kinds.length; i++) {
    if (weights.reason[i] !== 'weak' || degreeOf(graph, i) > policy.weakPairCap) continue;
    const lo = graph.indOffsets[i]!;
    const hi = graph.indOffsets[i + 1]!;
    for (let x = lo; x < hi; x++)
      for (let y = x + 1; y < hi; y++) add(graph.indReports[x]!, graph.indReports[y]!, weights.weight[i]!);
  }
  // A victim's one-digit typo of a number: weak, and only between values that can link at all.
  const phoneIdx = linkablePhones(graph, weights);
  for (const [a, b] of phoneTypoPairs(phoneIdx.map((i) => graph.values[i]!))) {
    const ia = phoneIdx[a]!;
    const ib = phoneIdx[b]!;
    const da = degreeOf(graph, ia);
    const db = degreeOf(graph, ib);
    if (da * db > 20_000) continue;
    const strong = isStrongTypo(graph.values[ia]!, graph.values[ib]!, da, db);
    const typo = strong ? policy.threshold : policy.phoneTypoWeight;
    for (let x = graph.indOffsets[ia]!; x < graph.indOffsets[ia + 1]!; x++) {
      for (let y = graph.indOffsets[ib]!; y < graph.indOffsets[ib + 1]!; y++) {
        const r = graph.indReports[x]!;
        const s = graph.indReports[y]!;
        add(r, s, typo);
        if (strong && r !== s) typoOf.set(r < s ? r * n + s : s * n + r, da > db ? ia : ib);
      }
    }
  }
  return { pairs, typoOf };
}

/** The phone numbers that can link at all: neither common, excluded nor too frequent. */
function linkablePhones(graph: ReportGraph, weights: IndicatorWeights): number[] {
  const phoneIdx: number[] = [];
  for (let i = 0; i < graph.kinds.length; i++) {
    if (graph.kinds[i] === 'phone' && (weights.reason[i] === 'linking' || weights.reason[i] === 'unique'))
      phoneIdx.push(i);
  }
  return phoneIdx;
}

/** Pairs of linkable numbers of one sequential block, as value indices. */
function blockPairs(graph: ReportGraph, weights: IndicatorWeights): Array<[number, number]> {
  const phoneIdx = linkablePhones(graph, weights);
  return phoneBlockPairs(phoneIdx.map((i) => graph.values[i]!)).map(([a, b]) => [phoneIdx[a]!, phoneIdx[b]!]);
}

/**
 * What joined the reports, for cutWeakBridges: every linking value with its reports, a number that joined
 * its block neighbour as one more carrier of the neighbour more reports give, a report whose typo of a
 * number joined it as one more carrier of that number (a victim's mistyped kit number is that number, not a
 * second path between the operations using the kit), and the pairs other weak evidence joined.
 */
function joinEvidence(
  graph: ReportGraph,
  weights: IndicatorWeights,
  blockJoins: Array<[number, number]>,
  weakJoins: number[],
  typoOf: Map<number, number>,
) {
  const n = graph.reportCount;
  const siblings = new Map<number, number[]>();
  for (const [a, b] of blockJoins) {
    const [lo, hi] = degreeOf(graph, a) <= degreeOf(graph, b) ? [a, b] : [b, a];
    getOrCreate(siblings, hi, () => [] as number[]).push(...reportsOf(graph, lo));
  }
  const pairs: number[][] = [];
  for (const key of weakJoins) {
    const pair = [Math.floor(key / n), key % n];
    const typo = typoOf.get(key);
    if (typo === undefined) pairs.push(pair);
    else getOrCreate(siblings, typo, () => [] as number[]).push(...pair);
  }
  const nodes: Array<{ value: number; reports: ArrayLike<number> }> = [];
  for (let i = 0; i < graph.kinds.length; i++) {
    const extra = siblings.get(i);
    if (weights.reason[i] !== 'linking' && !extra) continue;
    nodes.push({ value: i, reports: extra ? [...reportsOf(graph, i), ...extra] : reportsOf(graph, i) });
  }
  for (const pair of pairs) nodes.push({ value: -1, reports: pair });
  return evidenceGraph(graph.reportCount, nodes);
}
