import { INDICATOR_KINDS, type IndicatorKind, normaliseIndicator } from '../core/indicator-kinds.js';
import { extractText } from '../extract/index.js';

/** One reading of what an analyst typed: an indicator kind and its stored (normalised) form. */
export interface Interpretation {
  kind: IndicatorKind;
  value: string;
}

// Kinds whose normaliser accepts nearly any text would read every query as one of them: they are tried
// on the whole query only, after the extractor, and the last four digits of a card never on their own.
const NOT_DIRECT = new Set<IndicatorKind>(['card_last4']);

/**
 * Every way a typed value can be stored (pure): what the extractor reads in it as a victim's text, with the
 * victim's country as the phone region ("0800 123 4567" in GB → +448001234567), then the query as a whole
 * through each kind's normaliser (an e-mail, a wallet, a merchant descriptor as written).
 */
export function interpretQuery(query: string, country?: string): Interpretation[] {
  const seen = new Set<string>();
  const out: Interpretation[] = [];
  const add = (kind: IndicatorKind, value: string | null) => {
    if (!value || seen.has(`${kind}\u0000${value}`)) return;
    seen.add(`${kind}\u0000${value}`);
    out.push({ kind, value });
  };
  const read = extractText(query, country ? { country } : {});
  for (const x of read.indicators) add(x.kind, x.value);
  for (const kind of INDICATOR_KINDS) if (!NOT_DIRECT.has(kind)) add(kind, normaliseIndicator(kind, query));
  return out;
}
