import type { PaymentMethod } from '../core/report-input.js';

// Cues per method, in the languages Dragnet reads. "check" alone is a verb, so only its money forms count.
const CUES: Array<[PaymentMethod, RegExp]> = [
  [
    'gift_card',
    /gift\s?cards?|google\s?play (?:cards?|codes?)|itunes (?:cards?|codes?)|steam (?:cards?|codes?)|paysafe\s?card|neosurf|transcash|razer gold|cartes? cadeaux?|carte (?:google play|itunes|apple)|geschenkkarten?|gutscheinkarten?|guthabenkarten?|tarjetas? de regalo|ギフトカード|ギフト券|電子マネー|プリペイドカード/i,
  ],
  [
    'credit_card',
    /credit\s?card|debit\s?card|my card|card ending|visa card|mastercard|amex|carte (?:bancaire|de crédit|bleue)|par carte|kreditkarte|ec-karte|tarjeta (?:de crédito|de débito|bancaria)|con tarjeta|クレジットカード|カード決済/i,
  ],
  [
    'bank_transfer',
    /wire transfer|bank transfer|wired|\bwire\b|by wire|transferred (?:the money )?(?:from|to) (?:my|his|their|a) (?:bank|account)|virement|überweisung|überwiesen|transferencia|振込|振り込|送金しました|\bACH\b|\bIBAN\b/i,
  ],
  [
    'crypto',
    /bitcoin|\bbtc\b|crypto|ethereum|\beth\b|usdt|tether|bitcoin atm|coin ?atm|ビットコイン|暗号資産|仮想通貨|krypto|criptomoneda/i,
  ],
  [
    'p2p',
    /zelle|venmo|cash\s?app|(?:via|through|by|with|on) paypal|paypal (?:payment|transfer)|western union|moneygram|remitly|wise transfer|revolut|bizum|paylib|lydia/i,
  ],
  [
    'cash',
    /in cash|\bcash\b(?!\s?app)|courier|mailed (?:the )?money|espèces|en liquide|bargeld|\bbar\b bezahlt|efectivo|現金/i,
  ],
  [
    'check',
    /\bcheque\b|personal check|cashier'?s check|by check|a check for|wrote (?:a|them a) check|chèque|scheck|cheque/i,
  ],
];

/** Payment methods (the contract's enum) the text says were used or asked for, in order of first mention. */
export function findPaymentMethods(text: string): PaymentMethod[] {
  const found: Array<{ at: number; method: PaymentMethod }> = [];
  for (const [method, re] of CUES) {
    const m = re.exec(text);
    if (m) found.push({ at: m.index, method });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.method);
}
