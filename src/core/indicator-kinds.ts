import { domainToASCII, domainToUnicode } from 'node:url';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import commonValuesData from './data/common-values.json' with { type: 'json' };

/** Every kind of indicator Dragnet knows (DESIGN.md "Extraction output"); the one list all stages share. */
export const INDICATOR_KINDS = [
  'phone',
  'domain',
  'url',
  'email',
  'crypto_wallet',
  'iban',
  'bank_account',
  'card_last4',
  'merchant',
  'company',
  'person',
  'remote_access_id',
  'tracking_id',
  'asset_hash',
] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

/** How much a shared value says about two reports having the same operator behind them. */
export type LinkStrength = 'strong' | 'medium' | 'weak';

/** Whether a common value is never linked ('block') or shown without linking ('inform'). */
export type CommonMode = 'block' | 'inform';

/** The verdict of the common-values list on one value. */
export interface CommonValue {
  mode: CommonMode;
  reason: string;
}

/** Everything later stages need to know about one indicator kind. */
export interface IndicatorKindSpec {
  kind: IndicatorKind;
  /** A human name for tables and the UI. */
  label: string;
  /** Canonical form of a value, or null when it is not a value of this kind. Idempotent. */
  normalise(value: string): string | null;
  /** The key two values are compared by (equal keys = same indicator); input is a normalised value. */
  compareKey(value: string): string;
  /** A form for people (Unicode hostnames, grouped IBANs, formatted phones); input is a normalised value. */
  display(value: string): string;
  /** Hint for the linker's weights. */
  strength: LinkStrength;
  /** STIX 2.1 mapping (SCO type and the property that holds the value); OpenCTI custom SCOs where STIX has none. */
  stix: { type: string; property: string };
}

const collapse = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').trim();

/** Lower-case ASCII (punycode) hostname without trailing dot or leading "www." (the same site). */
export function normaliseHostname(host: string): string | null {
  let h = collapse(host).toLowerCase().replace(/\.+$/, '');
  if (h.startsWith('www.')) h = h.slice(4);
  if (h.length === 0 || h.length > 253 || /[\s/@:?#]/.test(h)) return null;
  const ascii = domainToASCII(h);
  // Every label must be non-empty ("." or "a..b" are not hostnames): otherwise normalising twice differs.
  if (!ascii?.includes('.') || ascii.split('.').some((label) => label.length === 0)) return null;
  return ascii;
}

/** Canonical URL: lower-case scheme and host, punycode host, default port and fragment dropped. */
export function normaliseUrl(value: string): string | null {
  let u: URL;
  try {
    u = new URL(collapse(value));
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:' && u.protocol !== 'ftp:') return null;
  const host = normaliseHostname(u.hostname);
  if (!host) return null;
  u.hash = '';
  u.username = '';
  u.password = '';
  return u.href;
}

/** Lower-case address with an ASCII domain. */
export function normaliseEmail(value: string): string | null {
  const v = collapse(value).toLowerCase();
  const at = v.lastIndexOf('@');
  if (at <= 0 || at === v.length - 1 || /\s/.test(v)) return null;
  const domain = domainToASCII(v.slice(at + 1));
  if (!domain?.includes('.')) return null;
  return `${v.slice(0, at)}@${domain}`;
}

/** E.164 for a number written in international form (leading + or 00); null otherwise. */
export function normalisePhone(value: string): string | null {
  const v = collapse(value).replace(/^00/, '+');
  if (!v.startsWith('+')) return null;
  const p = parsePhoneNumberFromString(v);
  return p?.isValid() ? p.number : null;
}

const LEGAL_SUFFIXES = [
  'private limited',
  'pvt ltd',
  'pvt',
  'ltd',
  'limited',
  'llc',
  'l l c',
  'llp',
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'co',
  'company',
  'plc',
  'gmbh',
  'ag',
  'sarl',
  'sas',
  'sa',
  'sl',
  'srl',
  'bv',
  'kk',
  'pty',
  'pty ltd',
  '株式会社',
  '有限会社',
];
const LEGAL_SUFFIX_RE = new RegExp(
  `(?:^|\\s)(?:${LEGAL_SUFFIXES.map((s) => s.replace(/ /g, '\\s')).join('|')})$`,
  'u',
);

/** Company name without case, punctuation or legal suffix ("Easy-Net Express Pvt. Ltd." → "easy net express"). */
export function normaliseCompany(value: string): string | null {
  let v = collapse(value)
    .toLowerCase()
    .replace(/株式会社|有限会社/gu, ' ')
    .replace(/[^\p{L}\p{N}&]+/gu, ' ')
    .trim();
  // Suffixes stack ("… Pvt Ltd", "… Co Ltd"): strip until none is left, keeping at least one word.
  for (let i = 0; i < 3; i++) {
    const m = LEGAL_SUFFIX_RE.exec(v);
    if (!m || m.index === 0) break;
    v = v.slice(0, m.index).trim();
  }
  return v.length > 0 ? v : null;
}

const collapseUpper = (v: string) => collapse(v).toUpperCase();
const digitsOnly = (v: string) => v.replace(/\D/g, '');

const spec = (
  s: Omit<IndicatorKindSpec, 'compareKey' | 'display'> & Partial<IndicatorKindSpec>,
): IndicatorKindSpec => ({
  compareKey: (v) => v,
  display: (v) => v,
  ...s,
});

/** The registry: one entry per kind, consulted by extraction, linking and export alike. */
export const INDICATOR_REGISTRY: Record<IndicatorKind, IndicatorKindSpec> = {
  phone: spec({
    kind: 'phone',
    label: 'phone number',
    normalise: normalisePhone,
    display: (v) => parsePhoneNumberFromString(v)?.formatInternational() ?? v,
    strength: 'medium',
    stix: { type: 'phone-number', property: 'value' },
  }),
  domain: spec({
    kind: 'domain',
    label: 'domain',
    normalise: normaliseHostname,
    display: (v) => domainToUnicode(v) || v,
    strength: 'strong',
    stix: { type: 'domain-name', property: 'value' },
  }),
  url: spec({
    kind: 'url',
    label: 'URL',
    normalise: normaliseUrl,
    strength: 'strong',
    stix: { type: 'url', property: 'value' },
  }),
  email: spec({
    kind: 'email',
    label: 'e-mail address',
    normalise: normaliseEmail,
    display: (v) => {
      const at = v.lastIndexOf('@');
      return `${v.slice(0, at)}@${domainToUnicode(v.slice(at + 1)) || v.slice(at + 1)}`;
    },
    strength: 'strong',
    stix: { type: 'email-addr', property: 'value' },
  }),
  crypto_wallet: spec({
    kind: 'crypto_wallet',
    label: 'crypto wallet',
    // Base58 addresses are case-sensitive; hex (ETH) and bech32 are not, so they are lower-cased.
    normalise: (v) => {
      const t = collapse(v);
      if (/^0x[0-9a-f]{40}$/i.test(t) || /^(bc|tb|ltc)1/i.test(t)) return t.toLowerCase();
      return /^[1-9A-HJ-NP-Za-km-z]{25,40}$/.test(t) ? t : null;
    },
    strength: 'strong',
    stix: { type: 'cryptocurrency-wallet', property: 'value' },
  }),
  iban: spec({
    kind: 'iban',
    label: 'IBAN',
    normalise: (v) => {
      const t = collapseUpper(v).replace(/[\s-]/g, '');
      return /^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(t) ? t : null;
    },
    display: (v) => v.replace(/(.{4})(?=.)/g, '$1 '),
    strength: 'strong',
    stix: { type: 'bank-account', property: 'iban' },
  }),
  bank_account: spec({
    kind: 'bank_account',
    label: 'bank account',
    normalise: (v) => {
      const t = collapseUpper(v).replace(/[\s.-]/g, '');
      return /^[A-Z0-9]{4,34}$/.test(t) && /\d{4}/.test(t) ? t : null;
    },
    strength: 'strong',
    stix: { type: 'bank-account', property: 'account_number' },
  }),
  card_last4: spec({
    kind: 'card_last4',
    label: 'card (last 4 digits)',
    // Only ever the last four digits: a full card number is never kept anywhere.
    normalise: (v) => {
      const d = digitsOnly(v);
      return d.length >= 4 ? d.slice(-4) : null;
    },
    display: (v) => `•••• ${v}`,
    strength: 'weak',
    stix: { type: 'payment-card', property: 'card_number' },
  }),
  merchant: spec({
    kind: 'merchant',
    label: 'merchant descriptor',
    normalise: (v) => {
      const t = collapseUpper(v).replace(/\s*\*\s*/g, '*');
      return t.length >= 3 ? t : null;
    },
    strength: 'strong',
    stix: { type: 'user-account', property: 'user_id' },
  }),
  company: spec({
    kind: 'company',
    label: 'company',
    normalise: normaliseCompany,
    strength: 'medium',
    stix: { type: 'identity', property: 'name' },
  }),
  person: spec({
    kind: 'person',
    label: 'person',
    normalise: (v) => {
      const t = collapse(v)
        .toLowerCase()
        .replace(/^(?:mr|mrs|ms|miss|dr|sir|herr|frau|monsieur|madame|m|mme|señor|señora|sr|sra)\.?\s+/u, '')
        .replace(/[^\p{L}\p{M}\s'’-]/gu, '')
        .replace(/\s+/g, ' ')
        .trim();
      return t.length >= 2 ? t : null;
    },
    strength: 'weak',
    stix: { type: 'identity', property: 'name' },
  }),
  remote_access_id: spec({
    kind: 'remote_access_id',
    label: 'remote-access ID',
    normalise: (v) => {
      const t = collapse(v);
      const d = digitsOnly(t);
      if (/^[\d\s-]+$/.test(t)) return d.length >= 6 ? d : null;
      const a = t.toLowerCase().replace(/\s+/g, '');
      return a.length >= 4 ? a : null;
    },
    strength: 'strong',
    stix: { type: 'user-account', property: 'user_id' },
  }),
  tracking_id: spec({
    kind: 'tracking_id',
    label: 'tracking ID',
    normalise: (v) => {
      const t = collapseUpper(v);
      return t.length >= 4 ? t : null;
    },
    strength: 'strong',
    stix: { type: 'x-tracking-id', property: 'value' },
  }),
  asset_hash: spec({
    kind: 'asset_hash',
    label: 'asset hash',
    normalise: (v) => {
      const t = collapse(v).toLowerCase();
      return /^[0-9a-f]{32,128}$/.test(t) ? t : null;
    },
    strength: 'strong',
    stix: { type: 'file', property: 'hashes.SHA-256' },
  }),
};

/** Normalises a value of a kind through the registry (null when it is not a value of that kind). */
export function normaliseIndicator(kind: IndicatorKind, value: string): string | null {
  return INDICATOR_REGISTRY[kind].normalise(value);
}

/** True when the string is one of the known indicator kinds. */
export function isIndicatorKind(value: string): value is IndicatorKind {
  return (INDICATOR_KINDS as readonly string[]).includes(value);
}

interface CommonEntry {
  value: string;
  mode: CommonMode;
  reason: string;
  match?: 'exact' | 'suffix';
}

/** The shipped list, normalised once through the registry so entries match however they were typed. */
function loadCommonValues(
  data: Record<string, unknown>,
): Map<IndicatorKind, { exact: Map<string, CommonValue>; suffix: Map<string, CommonValue> }> {
  const out = new Map<IndicatorKind, { exact: Map<string, CommonValue>; suffix: Map<string, CommonValue> }>();
  for (const kind of INDICATOR_KINDS) {
    const entries = (data[kind] ?? []) as CommonEntry[];
    const exact = new Map<string, CommonValue>();
    const suffix = new Map<string, CommonValue>();
    for (const e of entries) {
      const key = INDICATOR_REGISTRY[kind].normalise(e.value) ?? e.value;
      (e.match === 'suffix' ? suffix : exact).set(key, { mode: e.mode, reason: e.reason });
    }
    out.set(kind, { exact, suffix });
  }
  return out;
}

const COMMON = loadCommonValues(commonValuesData as Record<string, unknown>);

/** One entry of the shipped common-values list, normalised: what it covers and how (for the workbench). */
export interface CommonListEntry extends CommonValue {
  kind: IndicatorKind;
  value: string;
  /** 'suffix': the value and every host under it. */
  match: 'exact' | 'suffix';
}

/** The shipped common-values list, entry by entry, in the registry's kind order. */
export function commonValueEntries(): CommonListEntry[] {
  const out: CommonListEntry[] = [];
  for (const [kind, lists] of COMMON) {
    for (const [value, v] of lists.exact) out.push({ kind, value, match: 'exact', ...v });
    for (const [value, v] of lists.suffix) out.push({ kind, value, match: 'suffix', ...v });
  }
  return out;
}

/**
 * Whether a value is too common to link on (brand apexes, real brand support numbers, remote-tool vendor
 * sites…): 'block' never links, 'inform' shows without linking; null for an ordinary value.
 * Domains also match every host under a listed apex (support.microsoft.com), and URLs match by their host.
 */
export function commonValue(kind: IndicatorKind, value: string): CommonValue | null {
  const key = INDICATOR_REGISTRY[kind].normalise(value);
  return key ? commonNormalisedValue(kind, key) : null;
}

/** commonValue for a value already normalised through the registry (skips normalising it again: hot path). */
export function commonNormalisedValue(kind: IndicatorKind, key: string): CommonValue | null {
  const lists = COMMON.get(kind);
  if (!lists) return null;
  const hit = lists.exact.get(key) ?? suffixHit(lists.suffix, key);
  if (hit) return hit;
  if (kind === 'url') {
    const host = new URL(key).hostname;
    return commonNormalisedValue('domain', host.startsWith('www.') ? host.slice(4) : host);
  }
  if (kind === 'email') {
    const domain = key.slice(key.lastIndexOf('@') + 1);
    const d = commonNormalisedValue('domain', domain);
    // A brand's own mailbox domain (microsoft.com) is common; a free-mail domain says nothing about the address.
    return d && d.mode === 'block' ? d : null;
  }
  return null;
}

function suffixHit(suffix: Map<string, CommonValue>, key: string): CommonValue | null {
  if (suffix.size === 0) return null;
  let k = key;
  for (;;) {
    const hit = suffix.get(k);
    if (hit) return hit;
    const dot = k.indexOf('.');
    if (dot < 0) return null;
    k = k.slice(dot + 1);
  }
}
