import { INDICATOR_REGISTRY, type IndicatorKind } from '../../core/indicator-kinds.js';
import { REMOTE_TOOLS } from '../../extract/types.js';
import { isEmailFormat, isIdnHostnameFormat, isIpv4, isUriFormat } from './formats.js';
import { dragnetId, observableId } from './ids.js';
import { equalityPattern, type SimpleComparison } from './pattern.js';
import { OPENCTI_SCO_EXTENSION, OPENCTI_SCO_TYPES, type StixObject } from './types.js';

// Indicator values as STIX observables, both ways. The registry says which type and property hold a kind;
// this file adds what the registry cannot: the format checks, the account types, which extension declares
// a custom type, and where an observable goes back in a report.

/** Dragnet's extension for the observables STIX and OpenCTI have no type for (x-tracking-id). */
export const DRAGNET_SCO_EXTENSION = dragnetId('extension-definition', 'dragnet-observables');

/** The extension definition of DRAGNET_SCO_EXTENSION: the same object from every installation. */
export function dragnetExtensionDefinition(): StixObject {
  const created = '2026-01-01T00:00:00.000Z';
  return {
    type: 'extension-definition',
    spec_version: '2.1',
    id: DRAGNET_SCO_EXTENSION,
    created,
    modified: created,
    name: 'Dragnet observables',
    description: 'Observables of tech support scams that STIX 2.1 has no type for.',
    schema:
      'x-tracking-id: an analytics, advertising or affiliate tracking id seen on scam pages; property value (string).',
    version: '1.0',
    extension_types: ['new-sco'],
  };
}

/** The account type of a merchant descriptor (user-account has no open-vocabulary term for it). */
export const MERCHANT_ACCOUNT_TYPE = 'merchant';
/** The account type of a remote-access id whose tool is not known. */
export const REMOTE_ACCESS_ACCOUNT_TYPE = 'remote-access';

// OpenCTI's payment-card holds the number in card_number; Dragnet only ever has the last four digits.
const PROPERTY_OVERRIDES: Partial<Record<IndicatorKind, string>> = { card_last4: 'card_number' };
const HASH_BY_LENGTH: Record<number, string> = { 32: 'MD5', 40: 'SHA-1', 64: 'SHA-256', 128: 'SHA-512' };
// The kinds detection tools match on: they also get an `indicator` with a pattern.
const PATTERN_KINDS: ReadonlySet<IndicatorKind> = new Set(['phone', 'domain', 'url', 'email']);

function observable(type: string, properties: Record<string, unknown>): StixObject {
  const extension = (OPENCTI_SCO_TYPES as readonly string[]).includes(type)
    ? OPENCTI_SCO_EXTENSION
    : type.startsWith('x-')
      ? DRAGNET_SCO_EXTENSION
      : null;
  return {
    type,
    spec_version: '2.1',
    id: observableId(type, properties),
    ...properties,
    ...(extension ? { extensions: { [extension]: { extension_type: 'new-sco' } } } : {}),
  };
}

/** The remote-access tool a value names ("anydesk:123456789"), or the generic account type. */
function remoteAccountType(value: string): string {
  const prefix = /^([a-z]+)[:\s]/i.exec(value)?.[1]?.toLowerCase();
  return prefix && (REMOTE_TOOLS as readonly string[]).includes(prefix) && prefix !== 'other'
    ? prefix
    : REMOTE_ACCESS_ACCOUNT_TYPE;
}

/**
 * The observable of an indicator value, or null when the value does not fit its type's schema (an e-mail
 * with a non-ASCII local part, a URL with a "|"): such a value is carried by its pattern alone. Companies
 * and persons are not observables (export.ts makes them identities and threat actors).
 */
export function observableOf(kind: IndicatorKind, value: string): StixObject | null {
  const { type, property } = INDICATOR_REGISTRY[kind].stix;
  switch (kind) {
    case 'company':
    case 'person':
      return null;
    case 'domain':
      if (isIpv4(value)) return observable('ipv4-addr', { value });
      return isIdnHostnameFormat(value) ? observable(type, { value }) : null;
    case 'url':
      return isUriFormat(value) ? observable(type, { value }) : null;
    case 'email':
      return isEmailFormat(value) ? observable(type, { value }) : null;
    case 'merchant':
      return observable(type, { account_type: MERCHANT_ACCOUNT_TYPE, user_id: value });
    case 'remote_access_id':
      return observable(type, { account_type: remoteAccountType(value), user_id: value });
    case 'asset_hash': {
      const algorithm = HASH_BY_LENGTH[value.length];
      return algorithm && /^[0-9a-f]+$/i.test(value)
        ? observable('file', { hashes: { [algorithm]: value } })
        : null;
    }
    default:
      return observable(type, { [PROPERTY_OVERRIDES[kind] ?? property]: value });
  }
}

/** The STIX pattern of an indicator value for the kinds detection matches on (phone, domain, URL, e-mail). */
export function patternOf(kind: IndicatorKind, value: string): string | null {
  if (!PATTERN_KINDS.has(kind)) return null;
  if (kind === 'domain' && isIpv4(value)) return equalityPattern('ipv4-addr', 'value', value);
  return equalityPattern(INDICATOR_REGISTRY[kind].stix.type, 'value', value);
}

/** Where a value goes in a ReportInput. */
export type ReportSlot =
  | 'callbackNumbers'
  | 'urls'
  | 'emails'
  | 'walletAddress'
  | 'iban'
  | 'accountNumber'
  | 'merchantDescriptor'
  | 'sessionIds';

/** A value read from STIX and its place in a report (the tool for a remote-access id). */
export interface SlotValue {
  slot: ReportSlot;
  value: string;
  tool?: string;
}

// (type, property) → slot, for observables and for the comparisons of simple patterns alike.
const SLOT_OF: Record<string, ReportSlot> = {
  'phone-number:value': 'callbackNumbers',
  'domain-name:value': 'urls',
  'url:value': 'urls',
  'ipv4-addr:value': 'urls',
  'ipv6-addr:value': 'urls',
  'email-addr:value': 'emails',
  'cryptocurrency-wallet:value': 'walletAddress',
  'bank-account:iban': 'iban',
  'bank-account:account_number': 'accountNumber',
};

/** The report slot of a simple pattern comparison, or a reason it has none. */
export function slotOfComparison(c: SimpleComparison): SlotValue | { reason: string } {
  const slot = SLOT_OF[`${c.type}:${c.property}`];
  return slot ? { slot, value: c.value } : { reason: `a report has no place for ${c.type}:${c.property}` };
}

/** The report slots of an observable's values (a bank account may have an IBAN and a number), or a reason. */
export function slotsOfObservable(o: StixObject): SlotValue[] | { reason: string } {
  if (o.type === 'user-account') {
    const userId = o.user_id;
    if (typeof userId !== 'string') return { reason: 'user-account without user_id' };
    const accountType = typeof o.account_type === 'string' ? o.account_type : '';
    if (accountType === MERCHANT_ACCOUNT_TYPE) return [{ slot: 'merchantDescriptor', value: userId }];
    if (accountType === REMOTE_ACCESS_ACCOUNT_TYPE) return [{ slot: 'sessionIds', value: userId }];
    if ((REMOTE_TOOLS as readonly string[]).includes(accountType))
      return [{ slot: 'sessionIds', value: userId, tool: accountType }];
    return { reason: `user-account of type "${accountType}" is neither a merchant nor a remote-access id` };
  }
  const out: SlotValue[] = [];
  for (const [key, slot] of Object.entries(SLOT_OF)) {
    const [type, property] = key.split(':') as [string, string];
    const value = o[property];
    if (o.type === type && typeof value === 'string') out.push({ slot, value });
  }
  return out.length > 0 ? out : { reason: `a report has no place for a ${o.type}` };
}
