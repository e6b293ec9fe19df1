import type { IndicatorKind } from '../../core/indicator-kinds.js';
import { MISP_TEMPLATES, type MispTemplateName } from './templates.js';

/** Where a value of a kind goes in an event: in an object under a relation, or as a standalone attribute. */
export type MispPlacement =
  | { object: MispTemplateName; relation: string; toIds: boolean; note: string }
  | { object: null; type: string; category: string; toIds: boolean; note: string };

/**
 * Where each kind goes. It follows the registry's `misp` mapping (src/core/indicator-kinds.ts) except where
 * the registry names templates whose relations we cannot vouch for (malicious-website, rmm, transaction,
 * credit-card): URLs go in `url` objects, domains in `domain-ip`, remote-access IDs and merchant descriptors
 * stand alone as text. Card digits are left out: the last four digits are the victim's card, not the
 * operation's. `toIds` marks what a sensor can act on (numbers, hosts, addresses, accounts), never names.
 */
export const MISP_PLACEMENT: Partial<Record<IndicatorKind, MispPlacement>> = {
  phone: {
    object: 'phone-number',
    relation: 'phone-number',
    toIds: true,
    note: 'Phone number of the call centre',
  },
  domain: { object: 'domain-ip', relation: 'domain', toIds: true, note: 'Host of a scam page' },
  url: { object: 'url', relation: 'url', toIds: true, note: 'Scam page' },
  email: {
    object: null,
    type: 'email',
    category: 'Social network',
    toIds: true,
    note: 'E-mail address used by the operation',
  },
  crypto_wallet: {
    object: 'coin-address',
    relation: 'address',
    toIds: true,
    note: 'Wallet victims paid into',
  },
  iban: { object: 'bank-account', relation: 'iban', toIds: true, note: 'Account victims paid into' },
  bank_account: {
    object: 'bank-account',
    relation: 'account-nr',
    toIds: true,
    note: 'Account victims paid into',
  },
  company: { object: 'legal-entity', relation: 'name', toIds: false, note: 'Company named to victims' },
  person: { object: 'person', relation: 'full-name', toIds: false, note: 'Name a caller gave' },
  merchant: {
    object: null,
    type: 'text',
    category: 'Financial fraud',
    toIds: false,
    note: 'Merchant descriptor on victims’ card statements',
  },
  remote_access_id: {
    object: null,
    type: 'text',
    category: 'Other',
    toIds: false,
    note: 'Remote-access tool ID the callers used',
  },
  tracking_id: {
    object: null,
    type: 'text',
    category: 'Other',
    toIds: false,
    note: 'Tracking ID on scam pages',
  },
  asset_hash: {
    object: null,
    type: 'sha256',
    category: 'Payload delivery',
    toIds: false,
    note: 'SHA-256 of a file scam pages serve',
  },
};

/** The attribute type and category of a value placed in an object: the relation's own type, or the fallback. */
export function relationType(
  object: MispTemplateName,
  relation: string,
  value: string,
): { type: string; category: string } {
  const spec = MISP_TEMPLATES[object].relations[relation];
  if (!spec) throw new Error(`MISP template ${object} has no relation ${relation}`);
  const fallback = object === 'coin-address' && relation === 'address' && !isBitcoinAddress(value);
  return { type: (fallback ? spec.types[1] : spec.types[0]) ?? 'text', category: spec.category };
}

/** Bitcoin mainnet addresses: legacy base58 (1…, 3…) and bech32 (bc1…), the forms MISP's `btc` type takes. */
export function isBitcoinAddress(value: string): boolean {
  return /^[13][1-9A-HJ-NP-Za-km-z]{25,34}$/.test(value) || /^bc1[02-9ac-hj-np-z]{11,71}$/.test(value);
}

/** The ticker of a wallet's chain, where the address's form tells it. */
export function coinSymbol(value: string): string | null {
  if (isBitcoinAddress(value)) return 'BTC';
  if (/^0x[0-9a-f]{40}$/.test(value)) return 'ETH';
  if (/^ltc1[02-9ac-hj-np-z]{11,71}$/.test(value)) return 'LTC';
  if (/^T[1-9A-HJ-NP-Za-km-z]{33}$/.test(value)) return 'TRX';
  return null;
}
