import { indicatorAt, type Source } from './found.js';
import { overlaps } from './text.js';
import type { Indicator, Span } from './types.js';

// IBAN lengths by country (ISO 13616 registry); an unknown country is not an IBAN.
const IBAN_LENGTH: Record<string, number> = {
  AD: 24,
  AE: 23,
  AL: 28,
  AT: 20,
  AZ: 28,
  BA: 20,
  BE: 16,
  BG: 22,
  BH: 22,
  BR: 29,
  BY: 28,
  CH: 21,
  CR: 22,
  CY: 28,
  CZ: 24,
  DE: 22,
  DK: 18,
  DO: 28,
  EE: 20,
  EG: 29,
  ES: 24,
  FI: 18,
  FO: 18,
  FR: 27,
  GB: 22,
  GE: 22,
  GI: 23,
  GL: 18,
  GR: 27,
  GT: 28,
  HR: 21,
  HU: 28,
  IE: 22,
  IL: 23,
  IQ: 23,
  IS: 26,
  IT: 27,
  JO: 30,
  KW: 30,
  KZ: 20,
  LB: 28,
  LC: 32,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  MC: 27,
  MD: 24,
  ME: 22,
  MK: 19,
  MR: 27,
  MT: 31,
  MU: 30,
  NL: 18,
  NO: 15,
  PK: 24,
  PL: 28,
  PS: 29,
  PT: 25,
  QA: 29,
  RO: 24,
  RS: 22,
  SA: 24,
  SC: 31,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  ST: 25,
  SV: 28,
  TL: 23,
  TN: 24,
  TR: 26,
  UA: 29,
  VA: 22,
  VG: 24,
  XK: 20,
};
const IBAN_START_RE = /(?<![\p{L}\p{N}])([A-Z]{2})(\d{2})[ ]?(?=[A-Z0-9])/gu;

/** True when the string (no spaces, upper case) is an IBAN: known country, right length, mod-97 = 1. */
export function ibanOk(iban: string): boolean {
  const cc = iban.slice(0, 2);
  if (IBAN_LENGTH[cc] !== iban.length || !/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban)) return false;
  const moved = iban.slice(4) + iban.slice(0, 4);
  let rem = 0;
  for (const ch of moved) {
    const code = ch.charCodeAt(0);
    const n = code >= 65 ? code - 55 : code - 48;
    rem = n >= 10 ? (rem * 100 + n) % 97 : (rem * 10 + n) % 97;
  }
  return rem === 1;
}

/** Finds IBANs, written grouped or not, by country length and the mod-97 check. */
export function findIbans(src: Source, claimed: Span[]): { indicators: Indicator[]; spans: Span[] } {
  const text = src.view.text;
  const out: Indicator[] = [];
  const spans: Span[] = [];
  for (const m of text.matchAll(IBAN_START_RE)) {
    const len = IBAN_LENGTH[m[1]!];
    if (!len) continue;
    // Take exactly the country's length of characters, allowing single spaces between groups.
    let value = '';
    let i = m.index;
    while (i < text.length && value.length < len) {
      const c = text[i]!;
      if (/[A-Z0-9]/.test(c)) value += c;
      else if (c !== ' ' || !/[A-Z0-9]/.test(text[i + 1] ?? '')) break;
      i++;
    }
    if (value.length !== len || /[\p{L}\p{N}]/u.test(text[i] ?? '')) continue;
    if (overlaps(claimed, m.index, i) || !ibanOk(value)) continue;
    spans.push({ start: m.index, end: i });
    out.push(indicatorAt(src, 'iban', value, m.index, i, { country: m[1] }));
  }
  return { indicators: out, spans };
}
