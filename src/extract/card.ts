import type { Source } from './found.js';
import { withRegistry } from './found.js';
import { overlaps } from './text.js';
import type { Indicator, Span } from './types.js';

const CARD_RE = /(?<![\p{N}])\d(?:[ -]?\d){12,18}(?![\p{N}])/gu;
const LAST4_RE =
  /(?:card|carte|karte|tarjeta|visa|mastercard|amex)[^.\n]{0,30}?(?:ending|ending in|ends in|ending with|last (?:4|four)(?: digits)?|se terminant par|finissant par|endet auf|endend auf|terminada en|que termina en)\s*(?:in|with|:|is|was)?\s*[*x•#.\s]*(\d{4})(?!\d)/giu;

/** Luhn checksum over a digit string. */
export function luhnOk(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function cardBrand(d: string): string | null {
  if (/^4/.test(d) && [13, 16, 19].includes(d.length)) return 'visa';
  if (/^(?:5[1-5]|2(?:2[2-9]|[3-6]\d|7[01]|720))/.test(d) && d.length === 16) return 'mastercard';
  if (/^3[47]/.test(d) && d.length === 15) return 'amex';
  if (/^(?:6011|65|64[4-9])/.test(d) && d.length >= 16) return 'discover';
  if (/^35(?:2[89]|[3-8]\d)/.test(d) && d.length >= 16) return 'jcb';
  return null;
}

/**
 * Finds payment cards and keeps only their last four digits: a full number is never stored, not even in
 * `raw` (masked). Full numbers must pass Luhn and a card-network prefix; "card ending in 1234" counts too.
 * Returns the claimed spans so that no other extractor reads the digits.
 */
export function findCards(src: Source, claimed: Span[]): { indicators: Indicator[]; spans: Span[] } {
  const text = src.view.text;
  const indicators: Indicator[] = [];
  const spans: Span[] = [];
  for (const m of text.matchAll(CARD_RE)) {
    const end = m.index + m[0].length;
    if (overlaps(claimed, m.index, end)) continue;
    const digits = m[0].replace(/\D/g, '');
    const brand = cardBrand(digits);
    if (!brand || !luhnOk(digits)) continue;
    spans.push({ start: m.index, end });
    indicators.push(last4(src, digits.slice(-4), m.index, end, mask(m[0]), brand));
  }
  if (/\d{4}/.test(text)) {
    for (const m of text.matchAll(LAST4_RE)) {
      const d = m[1]!;
      const end = m.index + m[0].length;
      const start = end - 4;
      if (overlaps(claimed, start, end) || overlaps(spans, start, end)) continue;
      spans.push({ start, end });
      indicators.push(last4(src, d, start, end, d, undefined));
    }
  }
  return { indicators, spans };
}

function mask(raw: string): string {
  let seen = 0;
  const total = raw.replace(/\D/g, '').length;
  return raw.replace(/\d/g, (c) => (++seen > total - 4 ? c : '•'));
}

function last4(
  src: Source,
  value: string,
  start: number,
  end: number,
  raw: string,
  brand: string | undefined,
): Indicator {
  const s = src.view.toOriginal(start);
  const e = src.view.toOriginal(end);
  return withRegistry({
    kind: 'card_last4',
    value,
    raw,
    field: src.field,
    start: s,
    end: e,
    meta: brand ? { brand } : undefined,
  });
}
