import { INDICATOR_REGISTRY } from '../core/indicator-kinds.js';
import { indicatorAt, type Source } from './found.js';
import { overlaps } from './text.js';
import type { Indicator, Span } from './types.js';

// Card-statement descriptors: upper-case words around an asterisk ("TECHHELP*SERVICES", "SQ *PC GEEKS").
const DESCRIPTOR_RE =
  /(?<![\p{L}\p{N}*])[A-Z0-9][A-Z0-9.&'-]{1,24}(?: [A-Z0-9.&'-]+){0,2} ?\* ?[A-Z0-9][A-Z0-9.&'-]*(?: [A-Z][A-Z0-9.&'-]*){0,3}(?![\p{L}\p{N}])/gu;
const LABELLED_RE =
  /(?:merchant(?: name| descriptor)?|descriptor|on my (?:card |bank )?statement as|showed up as|appeared as|libellé|Händler|comercio)\s*(?:was|is|:|as)?\s*["“']?([A-Z0-9][A-Z0-9 .&*'/-]{2,40}[A-Z0-9])["”']?/gu;

/** Finds merchant descriptors as they appear on card statements; a lone word is not one. */
export function findMerchants(src: Source, claimed: Span[]): Indicator[] {
  const text = src.view.text;
  const out: Indicator[] = [];
  const spans: Span[] = [];
  const push = (found: string, start: number) => {
    let raw = found;
    raw = raw.replace(/[.,'-]+$/, '');
    const end = start + raw.length;
    if (overlaps(claimed, start, end) || overlaps(spans, start, end)) return;
    if (!/[A-Z]{2}/.test(raw)) return;
    const value = INDICATOR_REGISTRY.merchant.normalise(raw);
    if (!value) return;
    spans.push({ start, end });
    out.push(indicatorAt(src, 'merchant', value, start, end));
  };
  if (text.includes('*')) {
    for (const m of text.matchAll(DESCRIPTOR_RE)) {
      const raw = m[0].trim();
      // Both sides need letters: "5*3" is arithmetic, "**** 1234" a masked card.
      const [left, right] = raw.split('*');
      if (!left || !right || !/[A-Z]{2}/.test(left) || !/[A-Z]{2}/.test(right)) continue;
      push(raw, m.index);
    }
  }
  for (const m of text.matchAll(LABELLED_RE)) {
    const raw = m[1]!.trim();
    push(raw, m.index + m[0].indexOf(raw));
  }
  return out;
}
