import type { Channel, PaymentMethod } from '../../core/report-input.js';

/** What a victim knows about a tech support scam, already written the way they would write it. */
export interface TssFacts {
  channel: Channel;
  brand: string;
  phone?: string;
  url?: string;
  company?: string;
  agent?: string;
  tool?: string;
  toolSite?: string;
  email?: string;
  errorCode?: string;
  payment?: PaymentFacts;
  realSite?: string;
  realPhone?: string;
}

/** A payment as the victim describes it. */
export interface PaymentFacts {
  method: PaymentMethod;
  /** Already formatted with its currency ("$499", "399 €", "3万円"). */
  amount: string;
  giftBrand?: string;
  merchant?: string;
  wallet?: string;
  iban?: string;
  account?: string;
  recipient?: string;
  handle?: string;
}

/** Scams that are not tech support scams (they belong to no operation). */
export type OtherScamKind = 'romance' | 'investment' | 'delivery';

/** What a victim of another kind of scam writes about. */
export interface OtherScamFacts {
  kind: OtherScamKind;
  amount: string;
  url: string;
  wallet: string;
  name: string;
  phone: string;
  giftBrand: string;
}

/** A sentence template: facts in, text out. */
export type Phrase<F> = (f: F) => string;

/** One language's phrasing of reports; composed by narrative.ts. */
export interface Phrasebook {
  /** BCP 47 tag. */
  language: string;
  /** Joins sentences ("" for Japanese, " " elsewhere). */
  joiner: string;
  opening: Record<Channel, readonly Phrase<TssFacts>[]>;
  phone: readonly Phrase<TssFacts>[];
  url: readonly Phrase<TssFacts>[];
  agent: readonly Phrase<TssFacts>[];
  company: readonly Phrase<TssFacts>[];
  email: readonly Phrase<TssFacts>[];
  tool: readonly Phrase<TssFacts>[];
  pay: Record<PaymentMethod, readonly Phrase<PaymentFacts>[]>;
  noPay: readonly string[];
  realSite: readonly Phrase<TssFacts>[];
  realPhone: readonly Phrase<TssFacts>[];
  closing: readonly string[];
  otherScam: Record<OtherScamKind, readonly Phrase<OtherScamFacts>[]>;
  noise: readonly string[];
  /** Formats an amount the way a victim in this language writes money. */
  money: (amount: number, currency: string) => string;
  /** Victim names, family-name-first when `familyFirst`. */
  names: { given: readonly string[]; family: readonly string[]; familyFirst: boolean };
}

/** Groups an integer's digits by thousands with `sep` (cheaper than Intl for a million reports). */
export function groupThousands(n: number, sep: string): string {
  const digits = String(Math.round(n));
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += sep;
    out += digits[i];
  }
  return out;
}
