import {
  type CountryCode,
  getCountryCallingCode,
  isSupportedCountry,
  type PhoneNumber,
  parsePhoneNumberFromString,
} from 'libphonenumber-js/max';
import { indicatorAt, type Source } from './found.js';
import { overlaps } from './text.js';
import type { Indicator, Span } from './types.js';
import type { UrlHit } from './url.js';

// Digits with the separators people use; a following "ext 12" or ", 0800…" is handled apart, never swallowed.
const CANDIDATE_RE = /(?<![A-Za-z0-9_+.,$€£¥₹/#-])(?:\(\s?\+|\+|\()?\d(?:[ \t\u00a0.\-()/]{0,3}\d){5,17}\)?/g;
const EXT_RE =
  /^\s*,?\s*(?:ext\.?|extn\.?|extension|x|poste|durchwahl|apparat|内線|#)\s*[:.]?\s*(\d{1,6})(?!\d)/i;
// Labels that make a digit run something else (a case number, an AnyDesk ID, an account).
const NOT_PHONE_LABEL_RE =
  /(?<![A-Za-zÀ-ÿ])(?:case|ticket|ref|reference|order|invoice|transaction|confirmation|account|acct|a\/c|routing|aba|sort code|member|customer|session|anydesk|teamviewer|ultraviewer|rustdesk|supremo|remote|id|code|pin|serial|licen[cs]e|claim|tracking|iban|bic|swift|kontonummer|konto|compte|cuenta|número de pedido|commande|bestellnummer|card|carte|karte|tarjeta|ending in|se termine par|endet auf|terminada en)\s*(?:number|no\.?|num\.?|nr\.?|n°|#|id|code|numéro|número|nummer)?\s*(?:is|was|est|war|es|era|:|#|=)?\s*$/i;
// Dates (2024-05-12, 12.05.2024, 5/12/24) are not numbers; a Japanese 0120-95-3471 is (95 is no month or day).
const DAY = '(?:0?[1-9]|[12]\\d|3[01])';
const MONTH = '(?:0?[1-9]|1[0-2])';
const DATE_RE = new RegExp(`^(?:\\d{4}[./-]${MONTH}[./-]${DAY}|${DAY}[./-]${DAY}[./-](?:\\d{2}|\\d{4}))$`);
// Countries whose national numbers are written without a leading trunk "0" (others need it, so IDs are not read as phones).
const NO_TRUNK = new Set([
  'ES',
  'IT',
  'PT',
  'DK',
  'NO',
  'GR',
  'PL',
  'LU',
  'IS',
  'MT',
  'CY',
  'EE',
  'LV',
  'SG',
  'HK',
  'MO',
  'QA',
  'BH',
  'KW',
  'CZ',
  'SK',
  'MX',
]);
// Countries that dial national numbers with a leading trunk "0" that the international form drops.
const TRUNK_ZERO = new Set([
  'GB',
  'FR',
  'DE',
  'JP',
  'AU',
  'NL',
  'BE',
  'CH',
  'AT',
  'IE',
  'NZ',
  'IN',
  'ZA',
  'SE',
  'FI',
  'IL',
  'TR',
  'BR',
  'PH',
  'MY',
  'TH',
  'ID',
  'PK',
  'NG',
  'KR',
  'CN',
  'TW',
]);
// Ranges reserved for fiction: NANP 555-0100..0199, Ofcom drama ranges, ACMA's fictitious mobiles.
const FICTITIOUS: Record<string, RegExp> = {
  '1': /^\d{3}55501\d{2}$/,
  '44': /^(?:20794600|20794601|20794602|20794603|20794604|20794605|20794606|20794607|20794608|20794609|1632960|7700900|1134960|1144960|1154960|1164960|1174960|1184960|1214960|1314960|1414960|1514960|1614960|2890180|3069990|8081570|9098790)/,
  '61': /^(?:491570|491571|491572|255501|355501|755501|855501)/,
};
const PHONE_PARAM_RE = /ph|tel|num|pn|call|^n\d*$|mob|contact|tfn|^no$|^p$|^number$/i;

/** Reads phone numbers: E.164, the victim's country as default region, extensions apart, fiction dropped. */
export function findPhones(
  src: Source,
  country: CountryCode | undefined,
  claimed: Span[],
  urls: UrlHit[],
): Indicator[] {
  const text = src.view.text;
  const out: Indicator[] = [];
  for (const m of text.matchAll(CANDIDATE_RE)) {
    let raw = m[0];
    const start = m.index;
    raw = raw.replace(/[\s.\-(/]+$/, '');
    if (raw.endsWith(')') && !raw.includes('(')) raw = raw.slice(0, -1);
    const end = start + raw.length;
    if (overlaps(claimed, start, end)) continue;
    if (!followsOk(text, end)) continue;
    if (NOT_PHONE_LABEL_RE.test(text.slice(Math.max(0, start - 40), start))) continue;
    if (DATE_RE.test(raw)) continue;
    const ext = EXT_RE.exec(text.slice(end, end + 24));
    const parsed = readNumber(raw, country);
    if (parsed.length === 1) {
      const p = parsed[0]!;
      const spanEnd = ext ? end + ext[0].length : end;
      out.push(phoneIndicator(src, p, start, spanEnd, ext?.[1] ?? p.ext));
    } else {
      // Two numbers written side by side: each half stands alone.
      for (const p of parsed) out.push(phoneIndicator(src, p, start + p.offset, start + p.offset + p.length));
    }
  }
  for (const u of urls) for (const prm of u.params) out.push(...phonesInParam(src, prm, country));
  return out;
}

interface Parsed {
  number: PhoneNumber;
  ext?: string;
  offset: number;
  length: number;
}

function readNumber(raw: string, country: CountryCode | undefined): Parsed[] {
  const one = parseOne(raw, country);
  if (one) return [{ number: one, offset: 0, length: raw.length }];
  const digits = raw.replace(/\D/g, '').length;
  if (digits < 14) return [];
  // Split only where people separate numbers: a space between groups.
  for (let i = raw.indexOf(' '); i > 0; i = raw.indexOf(' ', i + 1)) {
    const left = raw.slice(0, i).trimEnd();
    const rightStart = i + (raw.slice(i).length - raw.slice(i).trimStart().length);
    const right = raw.slice(rightStart);
    const a = parseOne(left, country);
    const b = a && parseOne(right, country);
    if (a && b)
      return [
        { number: a, offset: 0, length: left.length },
        { number: b, offset: rightStart, length: right.length },
      ];
  }
  return [];
}

function parseOne(raw: string, country: CountryCode | undefined): PhoneNumber | null {
  const digits = raw.replace(/\D/g, '');
  const intl = /^\(?\s?\+/.test(raw) || (raw.startsWith('00') && digits.length >= 10);
  if (/^(\d)\1+$/.test(digits)) return null;
  if (intl) {
    if (digits.length < 8 || digits.length > 15) return null;
    const p = parsePhoneNumberFromString(`+${digits.replace(/^00/, '')}`);
    return accept(p);
  }
  if (digits.length < 9 || digits.length > 15) return null;
  const nanp =
    (digits.length === 10 && /^[2-9]/.test(digits)) || (digits.length === 11 && /^1[2-9]/.test(digits));
  if (country) {
    // isValid() is the costly call: the fast path has made it already, so it is not repeated.
    const fast = fastNational(digits, country);
    const p = fast ?? parsePhoneNumberFromString(raw, country);
    if (
      p &&
      (fast || p.isValid()) &&
      (digits.startsWith('0') || NO_TRUNK.has(country) || p.countryCallingCode === '1')
    ) {
      const ok = notFiction(p);
      if (ok) return ok;
    }
  }
  // NANP numbers are written the same way everywhere; victims abroad still call US toll-free lines.
  if (nanp) return accept(parsePhoneNumberFromString(`+1${digits.slice(-10)}`));
  return null;
}

/**
 * National number → international form for the common cases (a trunk "0" dropped, or none to drop), which
 * libphonenumber parses several times faster than a national string; null when the form is not a common one
 * (the caller then lets libphonenumber parse the national string itself).
 */
function fastNational(digits: string, country: CountryCode): PhoneNumber | undefined {
  const cc = getCountryCallingCode(country);
  let p: PhoneNumber | undefined;
  if (cc === '1') {
    if (digits.length === 10) p = parsePhoneNumberFromString(`+1${digits}`);
    else if (digits.length === 11 && digits.startsWith('1')) p = parsePhoneNumberFromString(`+${digits}`);
  } else if (TRUNK_ZERO.has(country) && digits.startsWith('0') && !digits.startsWith('00')) {
    p = parsePhoneNumberFromString(`+${cc}${digits.slice(1)}`);
  } else if (NO_TRUNK.has(country)) {
    p = parsePhoneNumberFromString(`+${cc}${digits}`);
  }
  return p?.isValid() ? p : undefined;
}

function accept(p: PhoneNumber | undefined): PhoneNumber | null {
  return p?.isValid() ? notFiction(p) : null;
}

function notFiction(p: PhoneNumber): PhoneNumber | null {
  const fiction = FICTITIOUS[p.countryCallingCode];
  if (fiction?.test(p.nationalNumber)) return null;
  return p;
}

function followsOk(text: string, end: number): boolean {
  const next = text.slice(end, end + 2);
  // Glued to Latin letters (CJK text runs straight on), a decimal, a percentage or a currency: not a phone number.
  return !/^(?:[A-Za-z0-9_%€$£¥円]|[.,]\d)/.test(next);
}

function phoneIndicator(
  src: Source,
  p: { number: PhoneNumber },
  start: number,
  end: number,
  ext?: string,
): Indicator {
  const n = p.number;
  const meta: Record<string, unknown> = {};
  if (n.country) meta.country = n.country;
  const type = n.getType();
  if (type) meta.lineType = type.toLowerCase();
  if (ext) meta.ext = ext;
  return indicatorAt(src, 'phone', n.number, start, end, meta, n.formatInternational());
}

function phonesInParam(
  src: Source,
  prm: UrlHit['params'][number],
  country: CountryCode | undefined,
): Indicator[] {
  if (!PHONE_PARAM_RE.test(prm.name)) return [];
  const decoded = decodeParam(prm.value);
  if (!decoded) return [];
  const p = parseOne(decoded, country);
  if (!p) return [];
  const ind = phoneIndicator(src, { number: p }, prm.start, prm.end);
  return [{ ...ind, meta: { ...ind.meta, source: 'url', param: prm.name } }];
}

function decodeParam(value: string): string | null {
  let v = value;
  try {
    v = decodeURIComponent(value.replace(/\+(?=\d)/g, '%2B').replace(/\+/g, ' '));
  } catch {
    return null;
  }
  if (/^[\s+\d().-]{8,24}$/.test(v)) return v.trim();
  if (/^[A-Za-z0-9+/_-]{8,40}={0,2}$/.test(v)) {
    try {
      const b = atob(v.replace(/-/g, '+').replace(/_/g, '/'));
      if (/^[\s+\d().-]{8,24}$/.test(b)) return b.trim();
    } catch {
      return null;
    }
  }
  return null;
}

/** The victim's country as libphonenumber's region, when it knows it. */
export function regionOf(country: string | undefined): CountryCode | undefined {
  if (!country) return undefined;
  const c = country.toUpperCase();
  return isSupportedCountry(c) ? (c as CountryCode) : undefined;
}
