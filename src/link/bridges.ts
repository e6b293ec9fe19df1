import { UnionFind } from './union-find.js';

/**
 * The evidence that joined a clustering's reports, as a bipartite graph: reports 0..n-1 and evidence
 * nodes (a shared value, two numbers of one block, weak evidence of a pair), each listing its reports.
 */
export interface Evidence {
  reportCount: number;
  /** Reports of evidence node k: `reports[offsets[k] .. offsets[k+1])`, each once. */
  offsets: Int32Array;
  reports: Int32Array;
  /** What node k is, for the caller (a value index, or -1 for a pair). */
  value: Int32Array;
}

/** Builds the evidence graph from lists of reports (duplicates within a list are dropped). */
export function evidenceGraph(
  reportCount: number,
  nodes: Array<{ value: number; reports: ArrayLike<number> }>,
): Evidence {
  const offsets = new Int32Array(nodes.length + 1);
  const out: number[] = [];
  const seen = new Int32Array(reportCount).fill(-1);
  nodes.forEach((node, k) => {
    for (let x = 0; x < node.reports.length; x++) {
      const r = node.reports[x]!;
      if (seen[r] === k) continue;
      seen[r] = k;
      out.push(r);
    }
    offsets[k + 1] = out.length;
  });
  return {
    reportCount,
    offsets,
    reports: Int32Array.from(out),
    value: Int32Array.from(nodes, (n) => n.value),
  };
}

/**
 * For an evidence node (of a value, or -1): the smallest part it may cut off, the share of each part's
 * reports that must carry it to keep them together, and the reports a core value of each part must hold.
 */
export type CutRule = (value: number) => [minPart: number, minSupport: number, minCore: number];

/** An evidence node that alone held two established parts of a cluster together, and was cut. */
export interface Cut {
  node: number;
  /** A report on each side. */
  sides: [number, number];
}

/**
 * Splits clusters held together by one piece of evidence carried by too few of the reports on either side:
 * in the evidence graph restricted to each cluster, an evidence node that is an articulation point (its
 * removal disconnects the cluster) with parts of at least `minPart` reports on two sides is cut when the
 * reports carrying it are fewer than `minSupport` of either side and each side holds a core of its own (a
 * value `minCore` of its reports carry; 0: no core needed). Two call centres that share one domain
 * of four reports, a kit's fallback number or a payment processor's account meet only there; the phases
 * of one operation are joined by values a good share of each phase names. Repeated until nothing is cut
 * (at most `maxRounds`); linear in the graph per round (Hopcroft–Tarjan, iterative).
 */
export function cutWeakBridges(
  ev: Evidence,
  cluster: Int32Array,
  rule: CutRule,
  maxRounds = 4,
): { cluster: Int32Array; count: number; cuts: Cut[] } {
  const nodes = ev.offsets.length - 1;
  const minPart = new Int32Array(nodes);
  const minSupport = new Float64Array(nodes);
  const minCore = new Int32Array(nodes);
  for (let k = 0; k < nodes; k++) [minPart[k], minSupport[k], minCore[k]] = rule(ev.value[k]!);
  let labels = cluster;
  const cuts: Cut[] = [];
  for (let round = 0; round < maxRounds; round++) {
    const local = withinClusters(ev, labels);
    const found = findCuts(local, reportAdjacency(local), labels, { minPart, minSupport, minCore });
    if (found.length === 0) break;
    const cutOff = new Map<number, Array<[number, number]>>();
    for (const f of found) {
      const list = cutOff.get(f.node) ?? [];
      list.push([f.lo, f.hi]);
      cutOff.set(f.node, list);
      cuts.push({ node: local.value[f.node]!, sides: f.sides });
    }
    const { disc } = found[0]!;
    // Clusters with no cut keep their reports; those with a cut fall into the parts their evidence holds.
    const uf = new UnionFind(ev.reportCount);
    const wasCut = new Uint8Array(countLabels(labels));
    for (const f of found) wasCut[labels[f.sides[0]]!] = 1;
    const firstOf = new Int32Array(wasCut.length).fill(-1);
    for (let r = 0; r < ev.reportCount; r++) {
      const label = labels[r]!;
      if (wasCut[label]) continue;
      if (firstOf[label] === -1) firstOf[label] = r;
      else uf.union(firstOf[label]!, r);
    }
    for (let k = 0; k + 1 < local.offsets.length; k++) {
      const intervals = cutOff.get(k);
      let first = -1;
      for (let e = local.offsets[k]!; e < local.offsets[k + 1]!; e++) {
        const r = local.reports[e]!;
        if (intervals?.some(([lo, hi]) => disc[r]! >= lo && disc[r]! <= hi)) continue;
        if (first < 0) first = r;
        else uf.union(first, r);
      }
    }
    labels = uf.labels().labels;
  }
  return { cluster: labels, count: countLabels(labels), cuts };
}

/**
 * The evidence graph with each node split by cluster: node k touching two clusters becomes two nodes,
 * each with `value` the index of k in `ev` (a value kept apart between clusters joins neither).
 */
function withinClusters(ev: Evidence, labels: Int32Array): Evidence {
  // Each piece holds two reports or more: at most half as many pieces as report–evidence links.
  const offsets = new Int32Array((ev.reports.length >> 1) + 2);
  const reports = new Int32Array(ev.reports.length);
  const value: number[] = [];
  let out = 0;
  const push = (k: number, list: ArrayLike<number>) => {
    if (list.length < 2) return;
    for (let x = 0; x < list.length; x++) reports[out++] = list[x]!;
    value.push(k);
    offsets[value.length] = out;
  };
  for (let k = 0; k + 1 < ev.offsets.length; k++) {
    const own = ev.reports.subarray(ev.offsets[k]!, ev.offsets[k + 1]!);
    const first = labels[own[0]!];
    let single = true;
    for (let x = 1; x < own.length && single; x++) single = labels[own[x]!] === first;
    if (single) {
      push(k, own);
      continue;
    }
    const byLabel = new Map<number, number[]>();
    for (let x = 0; x < own.length; x++) {
      const list = byLabel.get(labels[own[x]!]!);
      if (list) list.push(own[x]!);
      else byLabel.set(labels[own[x]!]!, [own[x]!]);
    }
    for (const list of byLabel.values()) push(k, list);
  }
  return {
    reportCount: ev.reportCount,
    offsets: offsets.slice(0, value.length + 1),
    reports: reports.slice(0, out),
    value: Int32Array.from(value),
  };
}

function countLabels(labels: Int32Array): number {
  let max = -1;
  for (let i = 0; i < labels.length; i++) if (labels[i]! > max) max = labels[i]!;
  return max + 1;
}

/** Evidence nodes of each report, as compressed rows. */
function reportAdjacency(ev: Evidence): { offsets: Int32Array; nodes: Int32Array } {
  const offsets = new Int32Array(ev.reportCount + 1);
  for (let e = 0; e < ev.reports.length; e++) offsets[ev.reports[e]! + 1]!++;
  for (let r = 0; r < ev.reportCount; r++) offsets[r + 1]! += offsets[r]!;
  const fill = offsets.slice(0, ev.reportCount);
  const nodes = new Int32Array(ev.reports.length);
  for (let k = 0; k + 1 < ev.offsets.length; k++)
    for (let e = ev.offsets[k]!; e < ev.offsets[k + 1]!; e++) nodes[fill[ev.reports[e]!]!++] = k;
  return { offsets, nodes };
}

interface FoundCut {
  node: number;
  /** The cut part: reports whose discovery time is in [lo, hi]. */
  lo: number;
  hi: number;
  sides: [number, number];
  disc: Int32Array;
}

/**
 * One depth-first pass over the evidence graph split by cluster (reports are nodes 0..n-1, evidence node k
 * is n + k), finding the cuts of `cutWeakBridges`.
 */
function findCuts(
  ev: Evidence,
  adj: { offsets: Int32Array; nodes: Int32Array },
  labels: Int32Array,
  rule: { minPart: Int32Array; minSupport: Float64Array; minCore: Int32Array },
): FoundCut[] {
  const { minPart, minSupport, minCore } = rule;
  const n = ev.reportCount;
  const total = n + ev.offsets.length - 1;
  const disc = new Int32Array(total).fill(-1);
  const low = new Int32Array(total);
  const fin = new Int32Array(total);
  const parent = new Int32Array(total).fill(-1);
  const next = new Int32Array(total);
  const sub = new Int32Array(total);
  const clusterSize = new Int32Array(countLabels(labels));
  for (let r = 0; r < n; r++) clusterSize[labels[r]!]!++;
  /** Separated children found per evidence node: [node, child]. */
  const separated: Array<[number, number]> = [];
  let time = 0;
  const stack: number[] = [];
  // Neighbour j of node u (every node lies within one cluster).
  const degree = (u: number) =>
    u < n ? adj.offsets[u + 1]! - adj.offsets[u]! : ev.offsets[u - n + 1]! - ev.offsets[u - n]!;
  const neighbour = (u: number, j: number) =>
    u < n ? n + adj.nodes[adj.offsets[u]! + j]! : ev.reports[ev.offsets[u - n]! + j]!;
  /** Discovery times of the cluster of report r's DFS: [first, last]. */
  const span = new Int32Array(2 * countLabels(labels));
  for (let s = 0; s < n; s++) {
    if (disc[s] !== -1) continue;
    span[2 * labels[s]!] = time;
    disc[s] = low[s] = time++;
    sub[s] = 1;
    stack.push(s);
    while (stack.length > 0) {
      const u = stack[stack.length - 1]!;
      if (next[u]! < degree(u)) {
        const w = neighbour(u, next[u]!++);
        if (w === parent[u]) continue;
        if (disc[w] === -1) {
          parent[w] = u;
          disc[w] = low[w] = time++;
          sub[w] = w < n ? 1 : 0;
          stack.push(w);
        } else if (disc[w]! < low[u]!) low[u] = disc[w]!;
        continue;
      }
      stack.pop();
      fin[u] = time - 1;
      const p = parent[u]!;
      if (p < 0) continue;
      if (low[u]! < low[p]!) low[p] = low[u]!;
      sub[p]! += sub[u]!;
      if (p >= n && low[u]! >= disc[p]! && sub[u]! >= minPart[ev.value[p - n]!]!) separated.push([p, u]);
    }
    span[2 * labels[s]! + 1] = time - 1;
  }
  // Each part must hold a core of its own: a value carried by `minCore` of its reports (an operation's
  // company, wallet or e-mail), so the numbers an operation rotates through, each the only link between
  // its reports before and after, are never cut. Evidence nodes by discovery time, with their degree.
  const cores: number[] = [];
  for (let k = 0; k + 1 < ev.offsets.length; k++) {
    const d = ev.offsets[k + 1]! - ev.offsets[k]!;
    if (d >= minCore[ev.value[k]!]! && disc[n + k]! >= 0) cores.push(disc[n + k]!);
  }
  const coreDisc = Int32Array.from(cores).sort();
  const coresIn = (lo: number, hi: number) => upperBound(coreDisc, hi) - upperBound(coreDisc, lo - 1);
  const found: FoundCut[] = [];
  let sorted: Int32Array | null = null;
  let sortedFor = -1;
  for (const [p, c] of separated) {
    const k = p - n;
    const size = clusterSize[labels[c]!]!;
    const part = sub[c]!;
    const rest = size - part;
    const origin = ev.value[k]!;
    if (rest < minPart[origin]!) continue;
    if (sortedFor !== k) {
      sortedFor = k;
      sorted = Int32Array.from(
        ev.reports.subarray(ev.offsets[k]!, ev.offsets[k + 1]!),
        (r) => disc[r]!,
      ).sort();
    }
    const inCluster = sorted!.length;
    const inPart = upperBound(sorted!, fin[c]!) - upperBound(sorted!, disc[c]! - 1);
    if (inPart >= minSupport[origin]! * part && inCluster - inPart >= minSupport[origin]! * rest) continue;
    const label = labels[c]!;
    const inside = coresIn(disc[c]!, fin[c]!);
    const self = inCluster >= minCore[origin]! ? 1 : 0;
    const outside = coresIn(span[2 * label]!, span[2 * label + 1]!) - inside - self;
    if (minCore[origin]! > 0 && (inside < 1 || outside < 1)) continue;
    found.push({ node: k, lo: disc[c]!, hi: fin[c]!, sides: [c, parent[p]!], disc });
  }
  return found;
}

/** The number of entries of sorted `a` that are ≤ x. */
function upperBound(a: Int32Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
