import { type Tlp, tlpRank } from '../types.js';

/** The most restrictive of some TLP levels (a set merged from several operations is marked by its strictest). */
export function strictestTlp(levels: Tlp[], none: Tlp): Tlp {
  return levels.reduce((a, b) => (tlpRank(b) > tlpRank(a) ? b : a), none);
}
