import type { AgeBand, Channel, PaymentMethod } from './report-input';

/** The steps of the guided form, in order; the URL is /report/<number>. */
export const STEPS = ['happened', 'channel', 'contacts', 'money', 'remote', 'about'] as const;
/** One step of the form. */
export type Step = (typeof STEPS)[number];

/** Brands a victim can pick; the canonical name is what the report carries. */
export const BRAND_CHOICES = {
  microsoft: 'Microsoft',
  apple: 'Apple',
  norton: 'Norton',
  mcafee: 'McAfee',
  geeksquad: 'Geek Squad',
  amazon: 'Amazon',
  paypal: 'PayPal',
  bank: '',
  internet: '',
  other: '',
  unknown: '',
} as const;
/** A brand the victim can pick. */
export type BrandChoice = keyof typeof BRAND_CHOICES;
/** Brand choices after which we ask "which one?". */
export const BRAND_NEEDS_NAME: readonly BrandChoice[] = ['bank', 'internet', 'other'];

/** Channels in the order a victim reads them (most common first). */
export const CHANNEL_CHOICES = [
  'popup',
  'outbound_call',
  'inbound_call',
  'email',
  'sms',
  'search_ad',
  'social',
  'other',
] as const satisfies readonly Channel[];

/** Payment methods in the order a victim reads them. */
export const METHOD_CHOICES = [
  'gift_card',
  'bank_transfer',
  'credit_card',
  'crypto',
  'p2p',
  'cash',
  'check',
  'other',
] as const satisfies readonly PaymentMethod[];

/** Gift cards scammers ask for most (the issuer's official site for the advice). */
export const GIFT_CARD_BRANDS = {
  Apple: 'apple.com',
  'Google Play': 'play.google.com',
  Steam: 'store.steampowered.com',
  Amazon: 'amazon.com',
  Target: 'target.com',
  Walmart: 'walmart.com',
  eBay: 'ebay.com',
  'Razer Gold': 'gold.razer.com',
} as const satisfies Record<string, string>;
/** A gift card brand the victim can pick. */
export type GiftCardBrand = keyof typeof GIFT_CARD_BRANDS;

/** Remote-access programs a victim can pick (values are the programs' own names). */
export const TOOL_CHOICES = [
  'AnyDesk',
  'TeamViewer',
  'UltraViewer',
  'ConnectWise',
  'Quick Assist',
  'LogMeIn',
  'other',
  'unknown',
] as const;
/** A remote-access tool the victim can pick. */
export type ToolChoice = (typeof TOOL_CHOICES)[number];

/** An answer to a yes / no question; empty until answered. */
export type YesNo = 'yes' | 'no' | 'unsure' | '';

/** One payment as typed: the amount stays text until it is sent (locales write numbers differently). */
export interface PaymentDraft {
  method: PaymentMethod | '';
  amount: string;
  currency: string;
  giftCardBrand: GiftCardBrand | 'other' | '';
  giftCardOther: string;
  recipient: string;
  merchant: string;
  wallet: string;
}

/** An uploaded file, and the step where it was added (shown there). */
export interface EvidenceItem {
  sha256: string;
  filename: string;
  mediaType: string;
  size: number;
  step: Step;
}

/** Everything the person typed, kept whole while they move between steps. */
export interface ReportDraft {
  /** Made once per form: retries and double clicks carry the same key, so the server stores one report. */
  externalId: string;
  happened: { story: string; brand: BrandChoice | ''; brandName: string; date: string };
  channel: { channel: Channel | ''; notes: string };
  contacts: { phones: string[]; urls: string[]; emails: string[]; companies: string[]; notes: string };
  money: { status: 'paid' | 'asked' | 'no' | ''; payments: PaymentDraft[]; notes: string };
  remote: { connected: YesNo; tool: ToolChoice | ''; toolOther: string; sessionId: string; notes: string };
  about: {
    country: string;
    ageBand: AgeBand | '';
    contactOk: boolean;
    email: string;
    phone: string;
    police: boolean;
    partners: boolean;
    notes: string;
  };
  evidence: EvidenceItem[];
}

/** A blank payment in the victim's currency. */
export function emptyPayment(currency: string): PaymentDraft {
  return {
    method: '',
    amount: '',
    currency,
    giftCardBrand: '',
    giftCardOther: '',
    recipient: '',
    merchant: '',
    wallet: '',
  };
}

/** A new, empty form with its own idempotency key. */
export function emptyDraft(country: string, currency: string): ReportDraft {
  return {
    externalId: `portal-${crypto.randomUUID()}`,
    happened: { story: '', brand: '', brandName: '', date: '' },
    channel: { channel: '', notes: '' },
    contacts: { phones: [''], urls: [''], emails: [''], companies: [''], notes: '' },
    money: { status: '', payments: [emptyPayment(currency)], notes: '' },
    remote: { connected: '', tool: '', toolOther: '', sessionId: '', notes: '' },
    about: {
      country,
      ageBand: '',
      contactOk: false,
      email: '',
      phone: '',
      police: false,
      partners: false,
      notes: '',
    },
    evidence: [],
  };
}
