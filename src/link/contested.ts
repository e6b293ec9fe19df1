import { getOrCreate } from '../core/collections.js';
import { channelOf } from './facets.js';
import type { ReportGraph } from './graph.js';
import type { LinkPolicy } from './types.js';
import type { UnionFind } from './union-find.js';

/** Two groups that share values but were kept apart, and the values they share. */
export interface KeptApart {
  clusters: [number, number];
  indicators: number[];
}

/** A value touching this many groups that stay apart is a hub. */
const HUB_GROUPS = 4;

/** Settling contested values stops after this many rounds (each round only merges; it converges fast). */
const MAX_ROUNDS = 8;

/** The groups (union-find roots) a value's reports are in, each once. */
export class RootCollector {
  private readonly stampOf: Int32Array;
  private stamp = 0;

  constructor(
    readonly graph: ReportGraph,
    readonly uf: UnionFind,
  ) {
    this.stampOf = new Int32Array(graph.reportCount);
  }

  /** The distinct groups the values touch, in order of first report. */
  of(...values: number[]): number[] {
    const { graph, uf, stampOf } = this;
    const stamp = ++this.stamp;
    const roots: number[] = [];
    for (const i of values) {
      for (let e = graph.indOffsets[i]!; e < graph.indOffsets[i + 1]!; e++) {
        const r = uf.find(graph.indReports[e]!);
        if (stampOf[r] !== stamp) {
          stampOf[r] = stamp;
          roots.push(r);
        }
      }
    }
    return roots;
  }
}

/** What the values joining two established groups add up to. */
interface PairEvidence {
  /** First value seen of each facet. */
  byFacet: Map<string, number>;
  /** Distinct contact channels. */
  channels: Set<string>;
  /** Every value joining the two groups. */
  values: number[];
}

/**
 * Settles the contested values (those touching two or more formed groups), in rounds until nothing
 * changes:
 * 1. two established groups (≥ `splitMinReports`) merge when values of `minBridgeValues` distinct facets
 *    join them (an operation's phases share its company and e-mail and wallet; a payment processor
 *    shares only payment values, a kit only its fallback number), or `minBridgeChannels` distinct
 *    contact channels (numbers, domains, e-mails: the same infrastructure is the same operator), each
 *    facet or channel carried by `minBridgeShare` of the reports of both groups (see BridgeSupport);
 * 2. the unformed groups a contested value touches go with the formed group holding most of the
 *    value's reports, and only when that group holds at least half of them: a company name two call
 *    centres both use must not pull a newcomer into the larger of the two.
 * Returns the pairs still kept apart, and the values that still touch four or more groups (hubs).
 */
export function settleContested(
  contested: number[],
  roots: RootCollector,
  facets: string[],
  policy: LinkPolicy,
): { keptApart: KeptApart[]; hubs: number[] } {
  const { uf } = roots;
  const established = policy.splitMinReports;
  const isEstablished = (r: number) => uf.sizeOf(r) >= established;
  const formedAt = (i: number) => formedGroupSize(facets[i]!, policy);
  const support = new BridgeSupport(roots, policy);
  let evidence = new Map<string, PairEvidence>();
  for (let round = 0, changed = true; changed && round < MAX_ROUNDS; round++) {
    changed = false;
    evidence = pairEvidence(contested, roots, facets, isEstablished);
    for (const [key, e] of evidence) {
      if (e.byFacet.size < policy.minBridgeValues && e.channels.size < policy.minBridgeChannels) continue;
      const [a, b] = key.split(',').map(Number) as [number, number];
      if (uf.find(a) === uf.find(b)) continue;
      const held = support.of(a, b, e.values, facets);
      if (held.facets < policy.minBridgeValues && held.channels < policy.minBridgeChannels) continue;
      uf.union(a, b);
      changed = true;
    }
    for (const i of contested) if (attachToMajority(i, roots, formedAt(i))) changed = true;
  }
  const keptApart: KeptApart[] = [];
  for (const [key, e] of evidence) {
    const [a, b] = key.split(',').map(Number) as [number, number];
    if (uf.find(a) !== uf.find(b)) keptApart.push({ clusters: [a, b], indicators: [...e.byFacet.values()] });
  }
  const hubs = contested.filter((i) => roots.of(i).filter(isEstablished).length >= HUB_GROUPS);
  return { keptApart, hubs };
}

/**
 * Which facets and channels of the evidence between two groups are held by both: a facet (or a contact
 * channel) counts only when its values are carried by at least `minBridgeShare` of the reports of each
 * group. Two phases of one call centre share the company, e-mail and wallet
 * a good part of their reports name; two call centres that merely happen to share values (a reused
 * domain, numbers of one block, a company name both chose, a few reports linked to the wrong group)
 * share them in a handful of reports, however large the groups. A fixed count of shared values is
 * reached by chance between groups of thousands of reports; a share of each group is not.
 */
class BridgeSupport {
  private readonly stampOf: Int32Array;
  private stamp = 0;

  constructor(
    private readonly roots: RootCollector,
    private readonly policy: LinkPolicy,
  ) {
    this.stampOf = new Int32Array(roots.graph.reportCount);
  }

  /** The facets and the contact channels whose values both groups hold. */
  of(a: number, b: number, values: number[], facets: string[]): { facets: number; channels: number } {
    const { graph, uf } = this.roots;
    const ra = uf.find(a);
    const rb = uf.find(b);
    const byFacet = new Map<string, number[]>();
    const byChannel = new Map<string, number[]>();
    for (const i of values) {
      getOrCreate(byFacet, facets[i]!, () => [] as number[]).push(i);
      if (facets[i] === 'contact')
        getOrCreate(byChannel, channelOf(graph.kinds[i]!, graph.values[i]!), () => [] as number[]).push(i);
    }
    const needA = this.policy.minBridgeShare * uf.sizeOf(ra);
    const needB = this.policy.minBridgeShare * uf.sizeOf(rb);
    const held = (group: number[]) => {
      const [inA, inB] = this.carriers(ra, rb, group);
      return inA >= needA && inB >= needB;
    };
    let facetCount = 0;
    let channelCount = 0;
    for (const group of byFacet.values()) if (held(group)) facetCount++;
    for (const group of byChannel.values()) if (held(group)) channelCount++;
    return { facets: facetCount, channels: channelCount };
  }

  /** How many reports of group ra, and of group rb, carry one of `values` (each report once). */
  private carriers(ra: number, rb: number, values: number[]): [number, number] {
    const { graph, uf } = this.roots;
    const stamp = ++this.stamp;
    let inA = 0;
    let inB = 0;
    for (const i of values) {
      for (let e = graph.indOffsets[i]!; e < graph.indOffsets[i + 1]!; e++) {
        const report = graph.indReports[e]!;
        if (this.stampOf[report] === stamp) continue;
        this.stampOf[report] = stamp;
        const r = uf.find(report);
        if (r === ra) inA++;
        else if (r === rb) inB++;
      }
    }
    return [inA, inB];
  }
}

/** The evidence between every two established groups that contested values join. */
function pairEvidence(
  contested: number[],
  roots: RootCollector,
  facets: string[],
  isEstablished: (r: number) => boolean,
): Map<string, PairEvidence> {
  const { graph } = roots;
  const byPair = new Map<string, PairEvidence>();
  for (const i of contested) {
    const large = roots
      .of(i)
      .filter(isEstablished)
      .sort((a, b) => a - b);
    if (large.length < 2) continue;
    const facet = facets[i]!;
    const channel = facet === 'contact' ? channelOf(graph.kinds[i]!, graph.values[i]!) : null;
    for (let x = 0; x < large.length; x++) {
      for (let y = x + 1; y < large.length; y++) {
        const e = getOrCreate(byPair, `${large[x]},${large[y]}`, () => ({
          byFacet: new Map<string, number>(),
          channels: new Set<string>(),
          values: [] as number[],
        }));
        if (!e.byFacet.has(facet)) e.byFacet.set(facet, i);
        if (channel) e.channels.add(channel);
        e.values.push(i);
      }
    }
  }
  return byPair;
}

/**
 * The size from which a group is formed for value i's facet: a value touching two formed groups is
 * contested. A name (company, or a descriptor that spells it) is chosen by the scammer from a few
 * words every call centre uses: two groups that have their own evidence and share only a name may be
 * two call centres, so a name alone joins only groups smaller than `formedGroupReports`.
 */
export function formedGroupSize(facet: string, policy: LinkPolicy): number {
  return facet === 'identity'
    ? Math.min(policy.formedGroupReports, policy.splitMinReports)
    : policy.splitMinReports;
}

/**
 * Joins the unformed groups (< `formedAt` reports) value i touches to the formed group holding at least
 * half of the value's reports among formed groups.
 */
function attachToMajority(i: number, roots: RootCollector, formedAt: number): boolean {
  const { graph, uf } = roots;
  const touched = roots.of(i);
  const small = touched.filter((r) => uf.sizeOf(r) < formedAt);
  if (small.length === 0) return false;
  const held = new Map<number, number>();
  let total = 0;
  for (let e = graph.indOffsets[i]!; e < graph.indOffsets[i + 1]!; e++) {
    const r = uf.find(graph.indReports[e]!);
    if (uf.sizeOf(r) < formedAt) continue;
    held.set(r, (held.get(r) ?? 0) + 1);
    total++;
  }
  let top = -1;
  let topHeld = 0;
  for (const [r, k] of held) if (k > topHeld) [top, topHeld] = [r, k];
  if (top < 0 || 2 * topHeld < total) return false;
  for (const r of small) uf.union(top, r);
  return true;
}
