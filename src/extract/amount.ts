import type { Source } from './found.js';
import { overlaps } from './text.js';
import type { Amount, AmountKind, Span } from './types.js';

const NUM = String.raw`\d{1,3}(?:[,.' \u00a0\u202f]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?`;
const MULT = String.raw`(?:\s?(?:k|K|thousand|grand|million|mil|Mio\.?|millions?|Millionen|mille|mil)(?![\p{L}])|万|千)`;
const CUR_BEFORE = String.raw`US\$|U\.S\.\$|USD|CA\$|C\$|CAD|AU\$|A\$|AUD|NZ\$|NZD|HK\$|S\$|SGD|MX\$|\$|£|GBP|€|EUR|¥|JPY|₹|Rs\.?|INR|CHF`;
const CUR_AFTER = String.raw`\$|€|£|¥|円|₹|USD|EUR|GBP|JPY|CAD|AUD|INR|CHF|dollars?|bucks|euros?|Euro|pounds?|quid|yen|rupees?|dólares|dolares|livres?|Pfund|Dollar|libras?|francs?`;
const AMOUNT_RE = new RegExp(
  String.raw`(?<![A-Za-z\p{N}])(?:(${CUR_BEFORE})\s?(${NUM})(${MULT})?|(${NUM})(${MULT})?\s?(${CUR_AFTER}))(?![A-Za-z\p{N}])`,
  'gu',
);
const CODES: Record<string, string> = {
  us$: 'USD',
  'u.s.$': 'USD',
  usd: 'USD',
  dollar: 'USD',
  dollars: 'USD',
  bucks: 'USD',
  dólares: 'USD',
  dolares: 'USD',
  ca$: 'CAD',
  c$: 'CAD',
  cad: 'CAD',
  au$: 'AUD',
  a$: 'AUD',
  aud: 'AUD',
  nz$: 'NZD',
  nzd: 'NZD',
  hk$: 'HKD',
  s$: 'SGD',
  sgd: 'SGD',
  mx$: 'MXN',
  '£': 'GBP',
  gbp: 'GBP',
  pound: 'GBP',
  pounds: 'GBP',
  quid: 'GBP',
  livre: 'GBP',
  livres: 'GBP',
  pfund: 'GBP',
  libra: 'GBP',
  libras: 'GBP',
  '€': 'EUR',
  eur: 'EUR',
  euro: 'EUR',
  euros: 'EUR',
  円: 'JPY',
  jpy: 'JPY',
  yen: 'JPY',
  '₹': 'INR',
  rs: 'INR',
  'rs.': 'INR',
  inr: 'INR',
  rupee: 'INR',
  rupees: 'INR',
  chf: 'CHF',
  franc: 'CHF',
  francs: 'CHF',
};
// Where "$" and "¥" mean a local currency.
const DOLLAR_BY_COUNTRY: Record<string, string> = {
  CA: 'CAD',
  AU: 'AUD',
  NZ: 'NZD',
  HK: 'HKD',
  SG: 'SGD',
  MX: 'MXN',
};

const REFUND_RE =
  /refund|reimburs|got (?:it |the money |my money )?back|money back|rembours|erstatt|zurückerstattet|zurückgebucht|zurückbekommen|reembols|devolvi|me devolv|返金|返還/gi;
const FAKE_REFUND_RE =
  /said|claim|pretend|fake|supposed|by mistake|accident|too much|extra|erreur|versehentlich|zu viel|por error|de más|誤って|間違/i;
const ASKED_RE =
  /ask|want|demand|request|told me to (?:pay|send|buy|transfer|wire)|quoted|\bcharge\b|\bfee\b|owe|cost|price|needed|\bfor\b (?:a|the) (?:fix|repair|licen[cs]e|subscription|plan|service)|exig|voulai|veulent|demand|verlang|forder|wollte|pidi|pidió|exigi|querían|quería|要求|請求|求め|言われ/gi;
const PAID_RE =
  /paid|send(?:ing)? (?:it )?back|\bpay\b|sent|transferr?ed|wired|bought|purchased|\blost\b|spent|charged|gave|withdr[ae]w|deposited|handed|payé|versé|viré|perdu|acheté|envoyé|dépensé|bezahlt|überwiesen|gekauft|verloren|gezahlt|geschickt|pagué|pagado|transferí|compré|perdí|envié|gasté|支払|払っ|払い|振り込|振込|購入|送金|失っ|取られ/gi;

/** Parses "1,500.00", "1.500,00", "2 500", "1'200" and "5" into a number; null when ambiguous beyond reason. */
export function parseAmountNumber(s: string): number | null {
  const t = s.replace(/[\s'\u00a0\u202f]/g, '');
  const comma = t.lastIndexOf(',');
  const dot = t.lastIndexOf('.');
  let normal: string;
  if (comma >= 0 && dot >= 0) {
    const dec = comma > dot ? ',' : '.';
    const thou = dec === ',' ? '.' : ',';
    normal = t.split(thou).join('').replace(dec, '.');
  } else if (comma >= 0 || dot >= 0) {
    const sep = comma >= 0 ? ',' : '.';
    const parts = t.split(sep);
    const last = parts[parts.length - 1]!;
    // One separator before exactly three digits groups thousands ("1,500", "1.500"); before one or two it is decimal.
    normal =
      parts.length > 2 || last.length === 3 ? parts.join('') : `${parts.slice(0, -1).join('')}.${last}`;
  } else normal = t;
  const n = Number(normal);
  return Number.isFinite(n) ? n : null;
}

function multiplier(m: string | undefined): number {
  if (!m) return 1;
  const k = m.trim().toLowerCase();
  if (k === 'k' || k === 'thousand' || k === 'grand' || k === 'mille' || k === '千') return 1_000;
  if (k === '万') return 10_000;
  return 1_000_000;
}

function currencyOf(symbol: string, country: string | undefined): string | null {
  const s = symbol.toLowerCase();
  if (s === '$' || s === 'dollar' || s === 'dollars' || s === 'bucks')
    return (country && DOLLAR_BY_COUNTRY[country]) || 'USD';
  if (s === '¥') return country === 'CN' ? 'CNY' : 'JPY';
  return CODES[s] ?? CODES[s.replace(/s$/, '')] ?? null;
}

/** Finds sums of money with their currency, and whether they were paid, asked for or refunded. */
export function findAmounts(
  src: Source,
  country: string | undefined,
  claimed: Span[],
): { amounts: Amount[]; spans: Span[] } {
  const text = src.view.text;
  const amounts: Amount[] = [];
  const spans: Span[] = [];
  for (const m of text.matchAll(AMOUNT_RE)) {
    const start = m.index;
    const end = start + m[0].length;
    if (overlaps(claimed, start, end)) continue;
    const symbol = m[1] ?? m[6]!;
    const n = parseAmountNumber(m[2] ?? m[4]!);
    const currency = currencyOf(symbol, country);
    if (n === null || !currency) continue;
    const value = Math.round(n * multiplier(m[3] ?? m[5]) * 100) / 100;
    const s = src.view.toOriginal(start);
    const e = src.view.toOriginal(end);
    spans.push({ start, end });
    amounts.push({
      value,
      currency,
      kind: kindOf(text, start, end),
      raw: src.original.slice(s, e),
      field: src.field,
      start: s,
      end: e,
    });
  }
  return { amounts, spans };
}

/** Paid, asked or refunded, from the nearest cue in the same sentence (before the amount first, then after). */
function kindOf(text: string, start: number, end: number): AmountKind {
  const sentenceStart = Math.max(
    text.lastIndexOf('. ', start),
    text.lastIndexOf('\n', start),
    text.lastIndexOf('。', start),
    text.lastIndexOf('! ', start),
    text.lastIndexOf('? ', start),
    start - 90,
  );
  const before = text.slice(Math.max(0, sentenceStart), start);
  const nextStop = text.slice(end, end + 60).search(/[.!?。\n]/);
  const after = text.slice(end, nextStop < 0 ? end + 60 : end + nextStop);
  const cue = nearestCue(before, true) ?? nearestCue(after, false);
  if (cue === 'refunded' && FAKE_REFUND_RE.test(before + after)) return 'unknown';
  return cue ?? 'unknown';
}

function nearestCue(s: string, fromEnd: boolean): AmountKind | null {
  let best: { at: number; kind: AmountKind } | null = null;
  for (const [kind, re] of [
    ['refunded', REFUND_RE],
    ['paid', PAID_RE],
    ['asked', ASKED_RE],
  ] as const) {
    for (const m of s.matchAll(re)) {
      const at = fromEnd ? m.index + m[0].length : -m.index;
      if (!best || at > best.at) best = { at, kind };
    }
  }
  return best?.kind ?? null;
}

/** Per currency: paid minus refunded, never below zero; structured payments win over the narrative for their currency. */
export function totalLoss(amounts: Amount[]): Array<{ currency: string; value: number }> {
  const structured = new Map<string, number>();
  const paid = new Map<string, number>();
  const refunded = new Map<string, number>();
  const add = (m: Map<string, number>, a: Amount) => m.set(a.currency, (m.get(a.currency) ?? 0) + a.value);
  for (const a of amounts) {
    if (a.field.startsWith('payments/')) add(structured, a);
    else if (a.kind === 'paid') add(paid, a);
    else if (a.kind === 'refunded') add(refunded, a);
  }
  const currencies = new Set([...structured.keys(), ...paid.keys()]);
  const out: Array<{ currency: string; value: number }> = [];
  for (const c of currencies) {
    const gross = structured.get(c) ?? paid.get(c) ?? 0;
    const value = Math.max(0, Math.round((gross - (refunded.get(c) ?? 0)) * 100) / 100);
    if (value > 0) out.push({ currency: c, value });
  }
  return out.sort((a, b) => b.value - a.value);
}
