import { commonNormalisedValue, INDICATOR_KINDS, type IndicatorKind } from '../core/indicator-kinds.js';
import type { LinkDecision } from '../link/decisions.js';
import type { Suppression } from '../link/types.js';

const KNOWN = new Set<string>(INDICATOR_KINDS);

/**
 * What never links (values are already normalised, as stored): the shipped common values (brand apexes, real support numbers, tool vendors' sites)
 * and every value an analyst excluded (to the block list, or to the inform list: shown, never linking).
 */
export function suppressionFor(decisions: LinkDecision[]): (kind: string, value: string) => Suppression {
  const excluded = new Map<string, 'block' | 'inform'>();
  for (const d of decisions)
    if (d.type === 'exclude') excluded.set(`${d.kind}\u0000${d.value}`, d.mode ?? 'block');
  return (kind, value) => {
    const mode = excluded.get(`${kind}\u0000${value}`);
    if (mode === 'block') return { mode, reason: 'excluded by an analyst' };
    if (mode === 'inform') return { mode, reason: 'known to analysts as not linking (inform list)' };
    return KNOWN.has(kind) ? commonNormalisedValue(kind as IndicatorKind, value) : null;
  };
}
