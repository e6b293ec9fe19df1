// The server's fixed vocabularies, as the workbench shows them. The server's lists are the truth
// (src/core/indicator-kinds.ts INDICATOR_KINDS, src/core/report-input.ts CHANNELS and PAYMENT_METHODS);
// those modules pull in Node-only code, so the browser keeps this copy of the names and their labels.
import brandsData from '../../../src/core/data/brands.json';

/** Indicator kinds and their labels (src/core/indicator-kinds.ts). */
export const INDICATOR_KIND_LABELS = {
  phone: 'phone number',
  domain: 'domain',
  url: 'URL',
  email: 'e-mail address',
  crypto_wallet: 'crypto wallet',
  iban: 'IBAN',
  bank_account: 'bank account',
  card_last4: 'card (last 4 digits)',
  merchant: 'merchant descriptor',
  company: 'company',
  person: 'person',
  remote_access_id: 'remote-access ID',
  tracking_id: 'tracking ID',
  asset_hash: 'asset hash',
} as const;

/** An indicator kind the server knows. */
export type IndicatorKind = keyof typeof INDICATOR_KIND_LABELS;

/** Every indicator kind, in the server's order. */
export const INDICATOR_KINDS = Object.keys(INDICATOR_KIND_LABELS) as IndicatorKind[];

/** The label of a kind ("phone number"); an unknown kind is shown as it is. */
export function kindLabel(kind: string): string {
  return (INDICATOR_KIND_LABELS as Record<string, string>)[kind] ?? kind.replace(/_/g, ' ');
}

/** How the scammer reached the victim (src/core/report-input.ts CHANNELS). */
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

/** How the victim paid (src/core/report-input.ts PAYMENT_METHODS). */
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

/** Canonical names of the brands scammers impersonate (src/core/data/brands.json). */
export const BRAND_NAMES: readonly string[] = (brandsData as { brands: Array<{ name: string }> }).brands
  .map((b) => b.name)
  .sort((a, b) => a.localeCompare(b));
