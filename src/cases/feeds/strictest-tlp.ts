import { type Tlp, tlpRank } from '../types.js';

/** The most restrictive of some TLP levels (null for none): what merges several operations is marked by it. */
export function strictestTlp(levels: Tlp[]): Tlp | null {
  return levels.reduce<Tlp | null>((a, b) => (a === null || tlpRank(b) > tlpRank(a) ? b : a), null);
}
