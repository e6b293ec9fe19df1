// The server's fixed vocabularies, as the workbench shows them. Channels and payment methods are the
// server's own lists (src/core/report-vocabulary.ts); src/core/indicator-kinds.ts pulls in Node-only
// code, so the browser keeps this copy of the indicator kinds and their labels.
import brandsData from '../../../src/core/data/brands.json';

export { CHANNELS, PAYMENT_METHODS } from '../../../src/core/report-vocabulary';

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

/** What the explanations show for evidence that is no value of a report (src/link/explain.ts). */
const EVIDENCE_LABELS: Record<string, string> = {
  phone_typo: 'numbers one digit apart',
  phone_block: 'numbers of one block',
};

/** The label of a kind ("phone number"); an unknown kind is shown as it is. */
export function kindLabel(kind: string): string {
  return (
    (INDICATOR_KIND_LABELS as Record<string, string>)[kind] ??
    EVIDENCE_LABELS[kind] ??
    kind.replace(/_/g, ' ')
  );
}

/** Canonical names of the brands scammers impersonate (src/core/data/brands.json). */
export const BRAND_NAMES: readonly string[] = (brandsData as { brands: Array<{ name: string }> }).brands
  .map((b) => b.name)
  .sort((a, b) => a.localeCompare(b));
