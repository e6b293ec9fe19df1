import { getOrCreate } from '../core/collections.js';
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

/** A contact channel: a page's URL and its host are one channel, not two. */
export function channelOf(kind: string, value: string): string {
  if (kind !== 'url') return `${kind}:${value}`;
  const host = /^[a-z][a-z0-9+.-]*:\/\/([^/?#:]+)/i.exec(value)?.[1];
  return host ? `domain:${host.toLowerCase()}` : `url:${value}`;
}

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

  /** The distinct groups value i touches, in order of first report. */
  of(i: number): number[] {
    const { graph, uf, stampOf } = this;
    const stamp = ++this.stamp;
    const roots: number[] = [];
    for (let e = graph.indOffsets[i]!; e < graph.indOffsets[i + 1]!; e++) {
      const r = uf.find(graph.indReports[e]!);
      if (stampOf[r] !== stamp) {
        stampOf[r] = stamp;
        roots.push(r);
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
}

/**
 * Settles the values that touch two or more established groups (≥ `splitMinReports`), in rounds until
 * nothing changes:
 * 1. two groups merge when values of `minBridgeValues` distinct facets join them (an operation's phases
 *    share its company and merchant and e-mail; a payment processor shares only payment values, a kit
 *    only its fallback number), or `minBridgeChannels` distinct contact channels (numbers, domains,
 *    e-mails: the same infrastructure is the same operator);
 * 2. the small groups a contested value touches go with the established group holding most of the
 *    value's reports, and only when that group holds at least half of them: a company name two call
 *    centres both use must not pull a newcomer into the larger of the two.
 * Returns the pairs still kept apart, and the values that still touch four or more groups (hubs).
 */
export function settleContested(
  contested: number[],
  roots: RootCollector,
  policy: LinkPolicy,
): { keptApart: KeptApart[]; hubs: number[] } {
  const { uf } = roots;
  const established = policy.splitMinReports;
  const isEstablished = (r: number) => uf.sizeOf(r) >= established;
  let evidence = new Map<string, PairEvidence>();
  for (let round = 0, changed = true; changed && round < MAX_ROUNDS; round++) {
    changed = false;
    evidence = pairEvidence(contested, roots, isEstablished);
    for (const [key, e] of evidence) {
      if (e.byFacet.size < policy.minBridgeValues && e.channels.size < policy.minBridgeChannels) continue;
      const [a, b] = key.split(',').map(Number) as [number, number];
      if (uf.find(a) === uf.find(b)) continue;
      uf.union(a, b);
      changed = true;
    }
    for (const i of contested) if (attachToMajority(i, roots, isEstablished)) changed = true;
  }
  const keptApart: KeptApart[] = [];
  for (const [key, e] of evidence) {
    const [a, b] = key.split(',').map(Number) as [number, number];
    if (uf.find(a) !== uf.find(b)) keptApart.push({ clusters: [a, b], indicators: [...e.byFacet.values()] });
  }
  const hubs = contested.filter((i) => roots.of(i).filter(isEstablished).length >= HUB_GROUPS);
  return { keptApart, hubs };
}

/** The evidence between every two established groups that contested values join. */
function pairEvidence(
  contested: number[],
  roots: RootCollector,
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
    const facet = facetOf(graph.kinds[i]!);
    const channel = facet === 'contact' ? channelOf(graph.kinds[i]!, graph.values[i]!) : null;
    for (let x = 0; x < large.length; x++) {
      for (let y = x + 1; y < large.length; y++) {
        const e = getOrCreate(byPair, `${large[x]},${large[y]}`, () => ({
          byFacet: new Map<string, number>(),
          channels: new Set<string>(),
        }));
        if (!e.byFacet.has(facet)) e.byFacet.set(facet, i);
        if (channel) e.channels.add(channel);
      }
    }
  }
  return byPair;
}

/** Joins the small groups value i touches to the established group holding at least half its reports. */
function attachToMajority(i: number, roots: RootCollector, isEstablished: (r: number) => boolean): boolean {
  const { graph, uf } = roots;
  const touched = roots.of(i);
  const small = touched.filter((r) => !isEstablished(r));
  if (small.length === 0) return false;
  const held = new Map<number, number>();
  let total = 0;
  for (let e = graph.indOffsets[i]!; e < graph.indOffsets[i + 1]!; e++) {
    const r = uf.find(graph.indReports[e]!);
    if (!isEstablished(r)) continue;
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
