// The report contract's fixed vocabularies, free of imports so the web app (workbench and portal) reads
// the same lists as the server's schema (report-input.ts) instead of keeping copies.

/** How the scammer reached the victim (DESIGN.md contract). */
export const CHANNELS = [
  'popup',
  'inbound_call',
  'outbound_call',
  'search_ad',
  'email',
  'sms',
  'social',
  'other',
] as const;
/** One of CHANNELS. */
export type Channel = (typeof CHANNELS)[number];

/** How the victim paid (DESIGN.md contract). */
export const PAYMENT_METHODS = [
  'gift_card',
  'credit_card',
  'bank_transfer',
  'crypto',
  'p2p',
  'cash',
  'check',
  'other',
] as const;
/** One of PAYMENT_METHODS. */
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** Victim age bands, as the FTC's Consumer Sentinel reports them. 60 and over count as vulnerable. */
export const AGE_BANDS = [
  '19_or_less',
  '20_29',
  '30_39',
  '40_49',
  '50_59',
  '60_69',
  '70_79',
  '80_plus',
] as const;
/** One of AGE_BANDS. */
export type AgeBand = (typeof AGE_BANDS)[number];
