import { degreeOf, type ReportGraph } from './graph.js';
import type { LinkPolicy, Suppression } from './types.js';

/** Why an indicator links with the weight it has. */
export type WeightReason = 'linking' | 'weak' | 'unique' | 'common' | 'too_frequent' | 'no_weight';

/** Per-indicator linking weight, and the reason, for every node of the graph. */
export interface IndicatorWeights {
  weight: Float64Array;
  reason: WeightReason[];
  suppression: Suppression[];
  /** The frequency cap in force (reports). */
  cap: number;
}

/**
 * Weights that fall with how common a value is: blocked and informational common values never link;
 * a value in more than max(minCap, maxShare × reports) reports never links (dedupe's rule); otherwise
 * the kind's base weight, reduced Adamic–Adar style for values shared by many reports.
 */
export function indicatorWeights(
  g: ReportGraph,
  policy: LinkPolicy,
  suppress: (kind: string, value: string) => Suppression,
): IndicatorWeights {
  const m = g.kinds.length;
  const weight = new Float64Array(m);
  const reason: WeightReason[] = new Array(m);
  const suppression: Suppression[] = new Array(m).fill(null);
  const cap = Math.max(policy.minCap, Math.floor(policy.maxShare * g.reportCount));
  for (let i = 0; i < m; i++) {
    const d = degreeOf(g, i);
    const base = baseWeight(g.kinds[i]!, g.values[i]!, policy);
    const s = suppress(g.kinds[i]!, g.values[i]!);
    suppression[i] = s;
    if (s) reason[i] = 'common';
    else if (base <= 0) reason[i] = 'no_weight';
    else if (d > cap) reason[i] = 'too_frequent';
    else if (d < 2) {
      reason[i] = 'unique';
      weight[i] = base;
    } else {
      weight[i] = base;
      reason[i] = base >= policy.threshold ? 'linking' : 'weak';
    }
  }
  return { weight, reason, suppression, cap };
}

/** Words that make up the names many unrelated call centres give themselves ("Tech Solutions"). */
const GENERIC_COMPANY_WORDS = new Set(
  'tech technology technologies solutions solution services service support it help helpdesk desk global systems system digital online care pc computer computers network networks web cyber secure security info infotech soft software consulting consultants group international worldwide usa us america pro expert experts smart net alpha first united'.split(
    ' ',
  ),
);

/** True for a normalised company name made only of generic words: shared by chance, not by an operator. */
export function isGenericCompany(value: string): boolean {
  const words = value.split(/\s+/).filter(Boolean);
  return words.length > 0 && words.every((w) => GENERIC_COMPANY_WORDS.has(w));
}

/** A kind's weight; a person's full name says more than a first name every call centre uses. */
export function baseWeight(kind: string, value: string, policy: LinkPolicy): number {
  const w = policy.kindWeight[kind] ?? 0.5;
  if (kind === 'person' && value.trim().includes(' ')) return Math.min(policy.threshold, w * 2);
  if (kind === 'company' && isGenericCompany(value)) return policy.kindWeight.person ?? 0.3;
  return w;
}
