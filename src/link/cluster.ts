import { formedGroupSize, type KeptApart, RootCollector, settleContested } from './contested.js';
import { facetsOf } from './facets.js';
import { phoneTypoPairs, withCanonicalCompanies } from './fuzzy.js';
import { buildGraph, degreeOf, type ReportGraph } from './graph.js';
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
 * 3. weak evidence (agents' names, a generic company name, a victim's one-digit typo of a number) that
 *    adds up to the threshold for a pair of reports joins their groups only when one of them is not
 *    formed (< `formedGroupReports`): it attaches a stray report, and never merges two groups that have
 *    evidence of their own (a typo of one call centre's number, made in another's report);
 * 4. contested values are settled after all values (see settleContested): two established groups merge
 *    when they share `minBridgeValues` facets or `minBridgeChannels` contact channels, each carried by
 *    `minBridgeShare` of both groups' reports, and the unformed groups a contested value touches go with
 *    the formed group holding at least half of its reports, or stay apart;
 * 5. a value that still touches four or more groups kept apart is reported as a hub.
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

  const weakPairs = weakEvidence(graph, weights, policy);
  const linking: number[] = [];
  for (let i = 0; i < graph.kinds.length; i++) if (weights.reason[i] === 'linking') linking.push(i);
  linking.sort((a, b) => degreeOf(graph, a) - degreeOf(graph, b) || a - b);

  const facets = facetsOf(graph);
  const roots = new RootCollector(graph, uf);
  const contested: number[] = [];
  for (const i of linking) {
    const touched = roots.of(i);
    if (touched.length < 2) continue;
    const formed = formedGroupSize(facets[i]!, policy);
    if (touched.filter((r) => uf.sizeOf(r) >= formed).length <= 1) {
      for (const r of touched) uf.union(touched[0]!, r);
    } else contested.push(i);
  }
  for (const [key, w] of weakPairs) {
    if (w < policy.threshold) continue;
    const r = Math.floor(key / n);
    const s = key % n;
    if (Math.min(uf.sizeOf(r), uf.sizeOf(s)) < policy.formedGroupReports) uf.union(r, s);
  }
  const { keptApart, hubs } = settleContested(contested, roots, facets, policy);

  const { labels, count } = uf.labels();
  const kept = keptApart.map((k) => ({
    ...k,
    clusters: [labels[k.clusters[0]]!, labels[k.clusters[1]]!] as [number, number],
  }));
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

function weakEvidence(
  graph: ReportGraph,
  weights: IndicatorWeights,
  policy: LinkPolicy,
): Map<number, number> {
  const n = graph.reportCount;
  const pairs = new Map<number, number>();
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
  const phoneIdx: number[] = [];
  for (let i = 0; i < graph.kinds.length; i++) {
    if (graph.kinds[i] === 'phone' && (weights.reason[i] === 'linking' || weights.reason[i] === 'unique'))
      phoneIdx.push(i);
  }
  for (const [a, b] of phoneTypoPairs(phoneIdx.map((i) => graph.values[i]!))) {
    const ia = phoneIdx[a]!;
    const ib = phoneIdx[b]!;
    const da = degreeOf(graph, ia);
    const db = degreeOf(graph, ib);
    if (da * db > 20_000) continue;
    const typo = isStrongTypo(graph.values[ia]!, graph.values[ib]!, da, db)
      ? policy.threshold
      : policy.phoneTypoWeight;
    for (let x = graph.indOffsets[ia]!; x < graph.indOffsets[ia + 1]!; x++) {
      for (let y = graph.indOffsets[ib]!; y < graph.indOffsets[ib + 1]!; y++) {
        add(graph.indReports[x]!, graph.indReports[y]!, typo);
      }
    }
  }
  return pairs;
}
