import { indicatorAt, type Source } from './found.js';
import { overlaps } from './text.js';
import type { Indicator, Span } from './types.js';

const ACCOUNT_RE =
  /(?:account|acct|a\/c|kontonummer|konto|compte|cuenta|口座番号|口座)\s*(?:number|no\.?|num\.?|nr\.?|#|n°|numéro|número)?\s*(?:is|was|est|war|es|era|:|#|=|-)?\s*(\d[\d -]{4,20}\d)(?![\p{N}])/giu;
const ROUTING_RE = /(?:routing|aba|rtn)\s*(?:number|no\.?|#|num\.?)?\s*(?:is|was|:|#|=)?\s*(\d{9})(?!\d)/giu;
const SORT_CODE_RE = /sort\s?code\s*(?:is|was|:)?\s*(\d{2}[- ]?\d{2}[- ]?\d{2})(?!\d)/giu;

/** ABA routing number checksum (3-7-1 weights). */
export function abaOk(routing: string): boolean {
  if (!/^\d{9}$/.test(routing)) return false;
  const d = [...routing].map(Number);
  const sum = 3 * (d[0]! + d[3]! + d[6]!) + 7 * (d[1]! + d[4]! + d[7]!) + (d[2]! + d[5]! + d[8]!);
  return sum % 10 === 0 && routing !== '000000000';
}

/**
 * Finds bank account numbers only where they are labelled ("account number 12345678"), with the routing
 * number (ABA-checked) or UK sort code written nearby in meta: a bare digit run is not an account.
 */
export function findBankAccounts(src: Source, claimed: Span[]): { indicators: Indicator[]; spans: Span[] } {
  const text = src.view.text;
  const indicators: Indicator[] = [];
  const spans: Span[] = [];
  const routings: Array<{ at: number; value: string; span: Span }> = [];
  for (const m of text.matchAll(ROUTING_RE)) {
    const value = m[1]!;
    const end = m.index + m[0].length;
    spans.push({ start: end - 9, end });
    if (abaOk(value)) routings.push({ at: m.index, value, span: { start: end - 9, end } });
  }
  const sortCodes: Array<{ at: number; value: string }> = [];
  for (const m of text.matchAll(SORT_CODE_RE)) {
    const end = m.index + m[0].length;
    spans.push({ start: end - m[1]!.length, end });
    sortCodes.push({ at: m.index, value: m[1]!.replace(/\D/g, '') });
  }
  for (const m of text.matchAll(ACCOUNT_RE)) {
    const rawDigits = m[1]!.trimEnd();
    const end = m.index + m[0].length - (m[1]!.length - rawDigits.length);
    const start = end - rawDigits.length;
    if (overlaps(claimed, start, end) || overlaps(spans, start, end)) continue;
    const value = rawDigits.replace(/\D/g, '');
    if (value.length < 6 || value.length > 20) continue;
    const meta: Record<string, unknown> = {};
    const routing = nearest(routings, m.index);
    if (routing) meta.routing = routing.value;
    const sortCode = nearest(sortCodes, m.index);
    if (sortCode) meta.sortCode = sortCode.value;
    spans.push({ start, end });
    indicators.push(indicatorAt(src, 'bank_account', value, start, end, meta));
  }
  return { indicators, spans };
}

function nearest<T extends { at: number }>(items: T[], at: number): T | undefined {
  let best: T | undefined;
  for (const it of items)
    if (Math.abs(it.at - at) < 200 && (!best || Math.abs(it.at - at) < Math.abs(best.at - at))) best = it;
  return best;
}
