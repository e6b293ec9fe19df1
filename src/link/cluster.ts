import { getOrCreate } from '../core/collections.js';
import { phoneTypoPairs, withCanonicalCompanies } from './fuzzy.js';
import { buildGraph, degreeOf, type ReportGraph } from './graph.js';
import type { LinkPolicy, LinkReport, Suppression } from './types.js';
import { UnionFind } from './union-find.js';
import { type IndicatorWeights, indicatorWeights } from './weights.js';

/** Two groups that share values but were kept apart, and the values they share. */
export interface KeptApart {
  clusters: [number, number];
  indicators: number[];
}

/** The result of clustering: a cluster per report, and what the decision rested on. */
export interface Clustering {
  graph: ReportGraph;
  weights: IndicatorWeights;
  /** Cluster of report r (dense, 0..count-1). */
  cluster: Int32Array;
  count: number;
  /** Weak evidence between report pairs (key r*n+s, r<s): summed weights of weak values and typos. */
  weakPairs: Map<number, number>;
  /** Groups that share fewer than `minBridgeValues` linking values, kept apart (bridges). */
  keptApart: KeptApart[];
  /** Values that touch many established groups at once (hubs): shown, never linking. */
  hubs: number[];
}

/**
 * Full clustering of reports into operations, by evidence-gated agglomeration:
 * 1. weak evidence (company and agents' names, a victim's one-digit typo) adds up per report pair;
 * 2. linking values join their reports, most specific first (fewest reports), so an operation's
 *    rotating numbers and domains chain its reports into groups before its long-lived values arrive;
 * 3. a value that would join two established groups (≥ `splitMinReports` each) only records evidence;
 *    two groups merge when at least `minBridgeValues` distinct values join them (an operation's phases
 *    share its company, merchant, wallet, agents…; a payment processor or a kit shares one);
 * 4. a value touching four or more established groups is a hub and links nothing.
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
  for (const [key, w] of weakPairs) if (w >= policy.threshold) uf.union(Math.floor(key / n), key % n);

  const linking: number[] = [];
  for (let i = 0; i < graph.kinds.length; i++) if (weights.reason[i] === 'linking') linking.push(i);
  linking.sort((a, b) => degreeOf(graph, a) - degreeOf(graph, b) || a - b);

  const established = policy.splitMinReports;
  // Values always reported together (a processor's descriptor and its IBAN) are one piece of evidence:
  // each deferred value carries the key of its report set, and distinct keys are what is counted.
  const deferred: Array<{ value: number; members: number[]; evidence: string }> = [];
  const hubs: number[] = [];
  for (const i of linking) {
    const roots = distinctRoots(uf, graph, i);
    if (roots.length < 2) continue;
    if (roots.length > 64) {
      hubs.push(i);
      continue;
    }
    const large = roots.filter((r) => uf.sizeOf(r) >= established);
    if (large.length <= 1) {
      for (const r of roots) uf.union(roots[0]!, r);
      continue;
    }
    // Small groups touched by a contested value go with the largest group it touches.
    large.sort((a, b) => uf.sizeOf(b) - uf.sizeOf(a));
    for (const r of roots) if (uf.sizeOf(r) < established) uf.union(large[0]!, r);
    deferred.push({ value: i, members: large, evidence: reportSetKey(graph, i) });
  }

  // Merge groups that enough distinct values join; repeat, since merged groups pool their evidence.
  let keptApart: KeptApart[] = [];
  for (let changed = true; changed; ) {
    changed = false;
    const byPair = new Map<string, Map<string, number>>();
    for (const d of deferred) {
      const roots = [...new Set(d.members.map((m) => uf.find(m)))].sort((a, b) => a - b);
      for (let x = 0; x < roots.length; x++) {
        for (let y = x + 1; y < roots.length; y++) {
          const key = `${roots[x]},${roots[y]}`;
          const evidence = getOrCreate(byPair, key, () => new Map<string, number>());
          if (!evidence.has(d.evidence)) evidence.set(d.evidence, d.value);
        }
      }
    }
    keptApart = [];
    for (const [key, evidence] of byPair) {
      const [a, b] = key.split(',').map(Number) as [number, number];
      if (evidence.size >= policy.minBridgeValues) {
        if (uf.find(a) !== uf.find(b)) {
          uf.union(a, b);
          changed = true;
        }
      } else keptApart.push({ clusters: [a, b], indicators: [...evidence.values()] });
    }
  }

  const { labels, count } = uf.labels();
  const kept = keptApart
    .filter((k) => uf.find(k.clusters[0]) !== uf.find(k.clusters[1]))
    .map((k) => ({ ...k, clusters: [labels[k.clusters[0]]!, labels[k.clusters[1]]!] as [number, number] }));
  return { graph, weights, cluster: labels, count, weakPairs, keptApart: kept, hubs };
}

/** The set of reports carrying value i, as a key (values with equal keys always travel together). */
function reportSetKey(graph: ReportGraph, i: number): string {
  return graph.indReports.subarray(graph.indOffsets[i]!, graph.indOffsets[i + 1]!).join(',');
}

function distinctRoots(uf: UnionFind, graph: ReportGraph, i: number): number[] {
  const roots: number[] = [];
  for (let e = graph.indOffsets[i]!; e < graph.indOffsets[i + 1]!; e++) {
    const r = uf.find(graph.indReports[e]!);
    if (!roots.includes(r)) {
      roots.push(r);
      if (roots.length > 64) break; // a value touching this many groups is a hub whatever their sizes
    }
  }
  return roots;
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
    // A number seen once, one digit off a number several reports carry, is that number mistyped:
    // it links. Between two numbers both seen once or both established, it is only weak evidence.
    const typo = Math.min(da, db) === 1 && Math.max(da, db) >= 3 ? policy.threshold : policy.phoneTypoWeight;
    for (let x = graph.indOffsets[ia]!; x < graph.indOffsets[ia + 1]!; x++) {
      for (let y = graph.indOffsets[ib]!; y < graph.indOffsets[ib + 1]!; y++) {
        add(graph.indReports[x]!, graph.indReports[y]!, typo);
      }
    }
  }
  return pairs;
}
