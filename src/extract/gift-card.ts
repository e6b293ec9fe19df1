import type { Amount, GiftCard } from './types.js';

// Gift-card and voucher brands scammers ask for; "inherent" ones are vouchers whatever the wording.
const GIFT_BRANDS: Array<{ name: string; re: RegExp; inherent: boolean }> = [
  { name: 'Google Play', re: /google\s?play|グーグルプレイ/gi, inherent: false },
  { name: 'Apple', re: /apple|itunes|アップル/gi, inherent: false },
  { name: 'Amazon', re: /amazon|アマゾン/gi, inherent: false },
  { name: 'Steam', re: /steam/gi, inherent: false },
  { name: 'Target', re: /\btarget\b/gi, inherent: false },
  { name: 'Walmart', re: /walmart/gi, inherent: false },
  { name: 'eBay', re: /\bebay\b/gi, inherent: false },
  { name: 'Best Buy', re: /best\s?buy/gi, inherent: false },
  { name: 'Sephora', re: /sephora/gi, inherent: false },
  { name: 'Xbox', re: /xbox/gi, inherent: false },
  { name: 'PlayStation', re: /playstation|\bpsn\b/gi, inherent: false },
  { name: 'Razer Gold', re: /razer\s?gold/gi, inherent: true },
  { name: 'Vanilla', re: /\bvanilla\b|onevanilla/gi, inherent: false },
  { name: 'Paysafecard', re: /paysafe\s?card|paysafe/gi, inherent: true },
  { name: 'Neosurf', re: /neosurf/gi, inherent: true },
  { name: 'Transcash', re: /transcash/gi, inherent: true },
  { name: 'PCS', re: /\bPCS\b/g, inherent: true },
  { name: 'WebMoney', re: /webmoney|ウェブマネー/gi, inherent: true },
  { name: 'BitCash', re: /bitcash|ビットキャッシュ/gi, inherent: true },
];
const CARD_WORD_RE =
  /gift\s?cards?|cards?|vouchers?|coupons?|codes?|cartes?(?: cadeaux?)?|coupons?|geschenkkarten?|gutscheine?|guthabenkarten?|karten?|tarjetas?(?: de regalo)?|ギフト|カード|券|プリペイド/i;

/** Gift cards the victim was made to buy, with the nearest amount in the same sentence as their value. */
export function findGiftCards(text: string, amounts: Amount[]): GiftCard[] {
  const out = new Map<string, GiftCard>();
  for (const g of GIFT_BRANDS) {
    for (const m of text.matchAll(g.re)) {
      const end = m.index + m[0].length;
      const near = text.slice(end, end + 25);
      if (!g.inherent && !CARD_WORD_RE.test(near)) continue;
      if (out.has(g.name)) continue;
      const amount = nearestAmount(text, amounts, m.index);
      out.set(
        g.name,
        amount ? { brand: g.name, value: amount.value, currency: amount.currency } : { brand: g.name },
      );
    }
  }
  return [...out.values()];
}

function nearestAmount(text: string, amounts: Amount[], at: number): Amount | undefined {
  let best: Amount | undefined;
  for (const a of amounts) {
    if (a.field !== 'narrative' || a.start === undefined) continue;
    const lo = Math.min(a.start, at);
    const hi = Math.max(a.start, at);
    if (hi - lo > 80 || /[.!?。\n]/.test(text.slice(lo, hi))) continue;
    if (!best || Math.abs(a.start - at) < Math.abs(best.start! - at)) best = a;
  }
  return best;
}
