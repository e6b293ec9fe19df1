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
  /** Values that touch four or more groups kept apart (hubs): shown, never linking those groups. */
  hubs: number[];
}

/**
 * Full clustering of reports into operations, by evidence-gated agglomeration:
 * 1. weak evidence (company and agents' names, a victim's one-digit typo) adds up per report pair;
 * 2. linking values join their reports, most specific first (fewest reports), so an operation's
 *    rotating numbers and domains chain its reports into groups before its long-lived values arrive;
 * 3. a value that would join two established groups (≥ `splitMinReports` each) only records evidence;
 *    two groups merge when values of at least `minBridgeValues` distinct facets join them (payment,
 *    contact, identity: an operation's phases share its company and merchant and e-mail…; a payment
 *    processor shares only payment values, a kit only a contact number);
 * 4. a value that still touches four or more groups kept apart is reported as a hub.
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
  for (const [key, w] of weakPairs) if (w >= policy.threshold) uf.union(Math.floor(key / n), key % n);

  const linking: number[] = [];
  for (let i = 0; i < graph.kinds.length; i++) if (weights.reason[i] === 'linking') linking.push(i);
  linking.sort((a, b) => degreeOf(graph, a) - degreeOf(graph, b) || a - b);

  const established = policy.splitMinReports;
  // Evidence is counted by facet: a payment processor shares its descriptor and its IBAN (one facet,
  // payment), a kit its fallback number (contact); an operation's phases share its company, its
  // merchant, its agents' e-mail… (several facets).
  const deferred: Array<{ value: number; members: number[]; evidence: string }> = [];
  const seenAt = new Int32Array(n).fill(-1);
  for (const i of linking) {
    const roots = distinctRoots(uf, graph, i, seenAt);
    if (roots.length < 2) continue;
    const large = roots.filter((r) => uf.sizeOf(r) >= established);
    if (large.length <= 1) {
      for (const r of roots) uf.union(roots[0]!, r);
      continue;
    }
    // Small groups touched by a contested value go with the largest group it touches.
    large.sort((a, b) => uf.sizeOf(b) - uf.sizeOf(a));
    for (const r of roots) if (uf.sizeOf(r) < established) uf.union(large[0]!, r);
    deferred.push({ value: i, members: large, evidence: facetOf(graph.kinds[i]!) });
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

  const hubs = deferred
    .filter((d) => new Set(d.members.map((m) => uf.find(m))).size >= HUB_GROUPS)
    .map((d) => d.value);
  const { labels, count } = uf.labels();
  const kept = keptApart
    .filter((k) => uf.find(k.clusters[0]) !== uf.find(k.clusters[1]))
    .map((k) => ({ ...k, clusters: [labels[k.clusters[0]]!, labels[k.clusters[1]]!] as [number, number] }));
  return { graph, weights, cluster: labels, count, weakPairs, keptApart: kept, hubs };
}

/** A value touching this many groups that stay apart is a hub. */
const HUB_GROUPS = 4;

/** Independent facets of evidence: how the operation is paid, contacted, and who it says it is. */
const FACETS: Record<string, string> = {
  merchant: 'payment',
  iban: 'payment',
  bank_account: 'payment',
  crypto_wallet: 'payment',
  card_last4: 'payment',
  phone: 'contact',
  email: 'contact',
  domain: 'contact',
  url: 'contact',
  remote_access_id: 'contact',
  company: 'identity',
  person: 'identity',
  tracking_id: 'kit',
  asset_hash: 'kit',
};

/** The facet of a kind of value. */
export function facetOf(kind: string): string {
  return FACETS[kind] ?? kind;
}

/** The groups value i touches, each once (`seenAt[root] === i` marks a root already counted). */
function distinctRoots(uf: UnionFind, graph: ReportGraph, i: number, seenAt: Int32Array): number[] {
  const roots: number[] = [];
  for (let e = graph.indOffsets[i]!; e < graph.indOffsets[i + 1]!; e++) {
    const r = uf.find(graph.indReports[e]!);
    if (seenAt[r] !== i) {
      seenAt[r] = i;
      roots.push(r);
    }
  }
  return roots;
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
