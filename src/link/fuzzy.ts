import { getOrCreate } from '../core/collections.js';
import type { LinkReport } from './types.js';

/**
 * Jaro–Winkler similarity in [0, 1] (1 = equal). Written out because it is twenty lines and the npm
 * packages for it are unmaintained one-function modules.
 */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  const matchedA = new Uint8Array(la);
  const matchedB = new Uint8Array(lb);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(lb - 1, i + window);
    for (let j = lo; j <= hi; j++) {
      if (!matchedB[j] && a[i] === b[j]) {
        matchedA[i] = 1;
        matchedB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (!matchedA[i]) continue;
    while (!matchedB[k]) k++;
    if (a[i] !== b[k]) transpositions++;
    k++;
  }
  const jaro = (matches / la + matches / lb + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/**
 * Groups company names that are spellings of one another (normalised names, spaces ignored,
 * Jaro–Winkler ≥ `minSimilarity`). Names are compared within blocks: those sharing their first three
 * letters, and those sharing the letters of their first four in any order, so that a swap of two
 * neighbouring letters at the start ("samrt shield", "qucik guard": the commonest typo) still meets
 * its name. Returns, for each name that has a more common spelling, that spelling.
 */
export function companyVariants(names: Map<string, number>, minSimilarity = 0.93): Map<string, string> {
  const blocks = new Map<string, string[]>();
  const keysOf = new Map<string, string[]>();
  for (const name of names.keys()) {
    const squashed = name.replace(/\s+/g, '');
    if (squashed.length < 6) continue; // short names are too easily alike
    const keys = [`p:${squashed.slice(0, 3)}`, `a:${[...squashed.slice(0, 4)].sort().join('')}`];
    keysOf.set(name, keys);
    for (const key of keys) getOrCreate(blocks, key, () => [] as string[]).push(name);
  }
  // Most common spelling first: it becomes the canonical one of its group.
  const order = [...keysOf.keys()].sort((x, y) => names.get(y)! - names.get(x)! || (x < y ? -1 : 1));
  const canonical = new Map<string, string>();
  const headsOf = new Map<string, string[]>();
  for (const name of order) {
    const squashed = name.replace(/\s+/g, '');
    let head: string | undefined;
    for (const key of keysOf.get(name)!) {
      if (blocks.get(key)!.length < 2 || blocks.get(key)!.length > 2000) continue;
      const found = headsOf
        .get(key)
        ?.find((h) => jaroWinkler(h.replace(/\s+/g, ''), squashed) >= minSimilarity);
      if (found && (!head || isMoreCommon(found, head, names))) head = found;
    }
    if (head) canonical.set(name, head);
    else for (const key of keysOf.get(name)!) getOrCreate(headsOf, key, () => [] as string[]).push(name);
  }
  return canonical;
}

/** True when spelling a is more common than b (ties: alphabetical), the order heads are made in. */
function isMoreCommon(a: string, b: string, names: Map<string, number>): boolean {
  return names.get(a)! > names.get(b)! || (names.get(a) === names.get(b) && a < b);
}

/** Reports with every company name replaced by its most common spelling (see companyVariants). */
export function withCanonicalCompanies(reports: LinkReport[]): LinkReport[] {
  const counts = new Map<string, number>();
  for (const r of reports)
    for (const x of r.indicators)
      if (x.kind === 'company') counts.set(x.value, (counts.get(x.value) ?? 0) + 1);
  const canonical = companyVariants(counts);
  if (canonical.size === 0) return reports;
  return reports.map((r) =>
    r.indicators.some((x) => x.kind === 'company' && canonical.has(x.value))
      ? {
          id: r.id,
          indicators: r.indicators.map((x) =>
            x.kind === 'company' ? { kind: x.kind, value: canonical.get(x.value) ?? x.value } : x,
          ),
        }
      : r,
  );
}

/**
 * Pairs of phone numbers (E.164) that differ in exactly one digit: a victim's typo of the other number.
 * Found through keys with one digit masked, so the cost is linear in the numbers, not quadratic.
 */
export function phoneTypoPairs(phones: string[]): Array<[number, number]> {
  const byMask = new Map<string, number[]>();
  phones.forEach((p, idx) => {
    // The country code and first digits are rarely mistyped; mask only the last eight digits.
    for (let pos = Math.max(2, p.length - 8); pos < p.length; pos++) {
      const key = `${p.slice(0, pos)}?${p.slice(pos + 1)}`;
      getOrCreate(byMask, key, () => [] as number[]).push(idx);
    }
  });
  const pairs: Array<[number, number]> = [];
  for (const list of byMask.values()) {
    // A mask shared by many numbers is a sequential block, not a typo: blocks are weaker evidence.
    if (list.length < 2 || list.length > 4) continue;
    for (let x = 0; x < list.length; x++)
      for (let y = x + 1; y < list.length; y++) pairs.push([list[x]!, list[y]!]);
  }
  return pairs;
}
