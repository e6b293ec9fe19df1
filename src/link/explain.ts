import { getOrCreate } from '../core/collections.js';
import { phoneBlockPairs } from './blocks.js';
import { isStrongTypo } from './cluster.js';
import { phoneTypoPairs, withCanonicalCompanies } from './fuzzy.js';
import { buildGraph } from './graph.js';
import type { LinkReport } from './types.js';

/** What the linker knows about one value when explaining: its weight and how many reports carry it. */
export interface ValueFacts {
  weight: number;
  reportCount: number;
  /** 'linking' values join reports alone; 'weak' ones only together with other evidence. */
  role: 'linking' | 'weak' | 'none';
}

/** One shared value in an explanation. */
export interface SharedValue {
  kind: string;
  value: string;
  weight: number;
  reportCount: number;
}

/** One step of the chain: two reports and what they share. */
export interface LinkStep {
  from: string;
  to: string;
  shared: SharedValue[];
  /** True when the step rests on weak evidence that adds up (company, names, a typo of a number). */
  weak: boolean;
}

/** Why two reports are in one operation: the shortest chain of reports through shared values. */
export interface Explanation {
  from: string;
  to: string;
  steps: LinkStep[];
}

/**
 * Explains a link between two reports of one operation: breadth-first search over the operation's
 * report–value graph, through linking values (and weak values whose sum passes `threshold`), so the
 * chain has as few hops as possible; each step lists every value the two reports share.
 * Returns null when no chain exists (the reports are together only by an analyst's decision).
 */
export function explainLink(
  reports: LinkReport[],
  fromId: string,
  toId: string,
  facts: (kind: string, value: string) => ValueFacts,
  threshold = 1,
): Explanation | null {
  const { g, fact, sharedBetween } = explainedGraph(reports, facts, threshold);
  const ids = reports.map((r) => r.id);
  const from = ids.indexOf(fromId);
  const to = ids.indexOf(toId);
  if (from < 0 || to < 0) return null;
  if (from === to) return { from: fromId, to: toId, steps: [] };
  const previous = breadthFirst(g, fact, from, threshold, to);
  if (previous[to] === -1) return null;
  const path: number[] = [to];
  while (path[0] !== from) path.unshift(previous[path[0]!]!);
  const steps: LinkStep[] = [];
  for (let k = 0; k + 1 < path.length; k++) steps.push(stepBetween(path[k]!, path[k + 1]!));
  return { from: fromId, to: toId, steps };

  function stepBetween(a: number, b: number): LinkStep {
    const shared = sharedBetween(a, b);
    return { from: ids[a]!, to: ids[b]!, shared, weak: !shared.some((x) => x.weight >= threshold) };
  }
}

/**
 * The evidence chain of a whole operation: a breadth-first tree from `rootId` over the same links as
 * `explainLink`, one step per report reached (the report, the report it was reached from, what they share),
 * at most `maxSteps`. Reports no chain reaches are listed as `unreached` (together by an analyst's decision).
 */
export function evidenceTree(
  reports: LinkReport[],
  rootId: string,
  facts: (kind: string, value: string) => ValueFacts,
  threshold = 1,
  maxSteps = Number.POSITIVE_INFINITY,
): { steps: LinkStep[]; truncated: boolean; unreached: string[] } {
  const { g, fact, sharedBetween } = explainedGraph(reports, facts, threshold);
  const ids = reports.map((r) => r.id);
  const root = ids.indexOf(rootId);
  if (root < 0) return { steps: [], truncated: false, unreached: ids };
  const previous = breadthFirst(g, fact, root, threshold, -1);
  const steps: LinkStep[] = [];
  const unreached: string[] = [];
  let truncated = false;
  for (let r = 0; r < ids.length; r++) {
    if (r === root) continue;
    if (previous[r] === -1) unreached.push(ids[r]!);
    else if (steps.length >= maxSteps) truncated = true;
    else {
      const shared = sharedBetween(previous[r]!, r);
      steps.push({
        from: ids[r]!,
        to: ids[previous[r]!]!,
        shared,
        weak: !shared.some((x) => x.weight >= threshold),
      });
    }
  }
  return { steps, truncated, unreached };
}

/** The graph an explanation searches, each value's facts, and what two reports share. */
function explainedGraph(
  reports: LinkReport[],
  facts: (kind: string, value: string) => ValueFacts,
  threshold: number,
) {
  const g = buildGraph(withPhonePairValues(withCanonicalCompanies(reports), facts));
  const m = g.kinds.length;
  const fact = Array.from({ length: m }, (_, i) =>
    g.kinds[i] === TYPO_KIND
      ? typoFacts(g.values[i]!, facts, threshold)
      : g.kinds[i] === BLOCK_KIND
        ? blockFacts(g.values[i]!, facts, threshold)
        : facts(g.kinds[i]!, g.values[i]!),
  );
  const sharedBetween = (a: number, b: number): SharedValue[] => {
    const out: SharedValue[] = [];
    for (let e = g.repOffsets[a]!; e < g.repOffsets[a + 1]!; e++) {
      const i = g.repInds[e]!;
      if (fact[i]!.role === 'none') continue;
      for (let f = g.repOffsets[b]!; f < g.repOffsets[b + 1]!; f++) {
        if (g.repInds[f] === i)
          out.push({
            kind: g.kinds[i]!,
            value: g.values[i]!,
            weight: fact[i]!.weight,
            reportCount: fact[i]!.reportCount,
          });
      }
    }
    return out.sort((x, y) => y.weight - x.weight || x.reportCount - y.reportCount);
  };
  return { g, fact, sharedBetween };
}

/**
 * Breadth-first search from `from` through linking values (and weak values whose sum from one report passes
 * `threshold`); stops once `to` is reached (-1: search everything). Returns each report's predecessor (-1:
 * not reached). A linking value is expanded once: its first expansion reaches all its reports, so a value
 * shared by 50,000 reports costs 50,000 steps, not 50,000².
 */
function breadthFirst(
  g: ReturnType<typeof buildGraph>,
  fact: ValueFacts[],
  from: number,
  threshold: number,
  to: number,
): Int32Array {
  const previous = new Int32Array(g.reportCount).fill(-1);
  const expanded = new Uint8Array(g.kinds.length);
  previous[from] = from;
  let frontier = [from];
  while (frontier.length > 0 && (to < 0 || previous[to] === -1)) {
    const next: number[] = [];
    for (const r of frontier) {
      const weakSum = new Map<number, number>();
      for (let e = g.repOffsets[r]!; e < g.repOffsets[r + 1]!; e++) {
        const i = g.repInds[e]!;
        const f = fact[i]!;
        if (f.role === 'none') continue;
        if (f.role === 'linking') {
          if (expanded[i]) continue;
          expanded[i] = 1;
        }
        for (let x = g.indOffsets[i]!; x < g.indOffsets[i + 1]!; x++) {
          const s = g.indReports[x]!;
          if (previous[s] !== -1) continue;
          if (f.role === 'linking') {
            previous[s] = r;
            next.push(s);
          } else weakSum.set(s, (weakSum.get(s) ?? 0) + f.weight);
        }
      }
      for (const [s, w] of weakSum) {
        if (w >= threshold && previous[s] === -1) {
          previous[s] = r;
          next.push(s);
        }
      }
    }
    frontier = next;
  }
  return previous;
}

/** A pseudo-kind for "one number is a one-digit typo of the other", so the search can step across it. */
export const TYPO_KIND = 'phone_typo';
/** A pseudo-kind for "two numbers of one sequential block" (see phoneBlockPairs). */
export const BLOCK_KIND = 'phone_block';

/**
 * Adds, for every pair of numbers one digit apart (`a ≈ b`) and every pair of one block (`a ~ b`), a shared
 * pseudo-value to the reports of both.
 */
function withPhonePairValues(
  reports: LinkReport[],
  facts: (kind: string, value: string) => ValueFacts,
): LinkReport[] {
  const phones = [
    ...new Set(reports.flatMap((r) => r.indicators.filter((x) => x.kind === 'phone').map((x) => x.value))),
  ].filter((p) => facts('phone', p).role !== 'none');
  const extra = new Map<string, LinkReport['indicators']>();
  const pseudo = (kind: string, sign: string, pairs: Array<[number, number]>) => {
    for (const [a, b] of pairs) {
      const value = `${phones[a]} ${sign} ${phones[b]}`;
      for (const p of [phones[a]!, phones[b]!]) getOrCreate(extra, p, () => []).push({ kind, value });
    }
  };
  pseudo(TYPO_KIND, '≈', phoneTypoPairs(phones));
  pseudo(BLOCK_KIND, '~', phoneBlockPairs(phones));
  if (extra.size === 0) return reports;
  return reports.map((r) => {
    const added = r.indicators.flatMap((x) => (x.kind === 'phone' ? (extra.get(x.value) ?? []) : []));
    return added.length === 0 ? r : { id: r.id, indicators: [...r.indicators, ...added] };
  });
}

/** A typo links as clustering weighs it (see isStrongTypo). */
function typoFacts(
  value: string,
  facts: (kind: string, value: string) => ValueFacts,
  threshold: number,
): ValueFacts {
  const [a, b] = value.split(' ≈ ') as [string, string];
  const da = facts('phone', a).reportCount;
  const db = facts('phone', b).reportCount;
  const strong = isStrongTypo(a, b, da, db);
  return {
    weight: strong ? threshold : threshold / 2,
    reportCount: da + db,
    role: strong ? 'linking' : 'weak',
  };
}

/**
 * Two numbers of one block join a stray group to its neighbour's (clustering step 3): a link of its own, but
 * weaker evidence than a shared value, and shown as such.
 */
function blockFacts(
  value: string,
  facts: (kind: string, value: string) => ValueFacts,
  threshold: number,
): ValueFacts {
  const [a, b] = value.split(' ~ ') as [string, string];
  return {
    weight: threshold / 2,
    reportCount: facts('phone', a).reportCount + facts('phone', b).reportCount,
    role: 'linking',
  };
}
