import { extractReport, type Indicator } from '../extract/index.js';
import { regionOf } from '../extract/phone.js';
import type { PhoneFound, PhoneSource } from './types.js';

/** What a visit read that can carry a phone number. */
export interface PageTexts {
  /** Visible text of the page. */
  text: string;
  title: string | null;
  /** The URL visited, the URL the page ended on, and the URLs in between. */
  url: string;
  finalUrl: string | null;
  redirectChain: readonly string[];
  /** Messages of alert/confirm/prompt dialogs. */
  dialogs: readonly string[];
  /** Realm strings of basic-auth challenges. */
  authRealms: readonly string[];
  /** Bodies of small XML, JSON, plain-text and script responses. */
  responseTexts?: readonly string[];
  /** Text read from the screenshot. */
  ocrText?: string | null;
  /** ISO 3166-1 alpha-2 country of numbers written nationally (see countryHint). */
  country?: string;
}

/**
 * The phone numbers a page shows, in E.164, each once, with its most direct source: the page's text,
 * then its title, dialogs, basic-auth realms, URLs (the page's own, and links in its text), response
 * bodies, and last the screenshot's OCR. Parsing is the extractor's (defanged text, URL parameters in
 * plain, percent-encoded or base64 form, extensions, fictitious numbers dropped).
 */
export function phonesOnPage(input: PageTexts): PhoneFound[] {
  const options = input.country ? { country: input.country } : {};
  const phonesIn = (text: string) =>
    text ? extractReport({ narrative: text }, options).indicators.filter((i) => i.kind === 'phone') : [];
  const direct = (i: Indicator) => i.meta?.source !== 'url';
  const inUrl = (i: Indicator) => i.meta?.source === 'url';

  const text = phonesIn(input.text);
  const title = phonesIn(input.title ?? '');
  const dialogs = input.dialogs.flatMap(phonesIn);
  const realms = input.authRealms.flatMap(phonesIn);
  const pageUrls = [input.url, ...input.redirectChain, ...(input.finalUrl ? [input.finalUrl] : [])];
  const urls = pageUrls.flatMap((u) =>
    extractReport({ urls: [u] }, options).indicators.filter((i) => i.kind === 'phone'),
  );
  const responses = (input.responseTexts ?? []).flatMap((body) =>
    phonesIn(body).filter((i) => looksWrittenForPeople(i, body)),
  );
  const ocr = phonesIn(input.ocrText ?? '');

  const ranked: Array<[PhoneSource, Indicator[]]> = [
    ['text', text.filter(direct)],
    ['title', title.filter(direct)],
    ['dialog', dialogs.filter(direct)],
    ['auth_realm', realms.filter(direct)],
    // A number only inside a link of the page's text is a URL's number, as the page's own URLs are.
    ['url', [...urls, ...[...text, ...title, ...dialogs, ...realms].filter(inUrl)]],
    ['response', responses],
    ['ocr', ocr],
  ];
  const found = new Map<string, PhoneFound>();
  for (const [source, phones] of ranked)
    for (const p of phones)
      if (!found.has(p.value)) found.set(p.value, { e164: p.value, raw: p.raw, source });
  return [...found.values()];
}

// Scripts and JSON are full of bare digit runs (hash constants, ids, timestamps): there a bare run only
// counts beside a word that names a phone number; a number written with `+` or separators always counts.
const PHONE_LABEL_RE = /(?:phone|tel|call|num|contact|support|toll|help|hotline|dial)[^\n]{0,30}$/i;

function looksWrittenForPeople(phone: Indicator, body: string): boolean {
  if (phone.meta?.source === 'url' || /[^\d]/.test(phone.raw.trim())) return true;
  const start = phone.start ?? 0;
  return PHONE_LABEL_RE.test(body.slice(Math.max(0, start - 40), start));
}

// ccTLDs sold as generic names: a .io or .co site says nothing of where its visitors live.
const VANITY_CCTLDS = new Set([
  'ac',
  'ai',
  'am',
  'cc',
  'co',
  'fm',
  'gg',
  'im',
  'io',
  'la',
  'ly',
  'me',
  'nu',
  'sh',
  'so',
  'to',
  'tv',
  'vc',
  'ws',
]);
// The country of a language when the page names no region (English: none; NANP numbers parse anyway).
const LANGUAGE_COUNTRY: Record<string, string> = {
  fr: 'FR',
  de: 'DE',
  es: 'ES',
  it: 'IT',
  ja: 'JP',
  nl: 'NL',
  pt: 'PT',
  pl: 'PL',
  sv: 'SE',
  da: 'DK',
  nb: 'NO',
  no: 'NO',
  fi: 'FI',
  ko: 'KR',
};

/**
 * The country to read national numbers of a page with: the region of its `lang` attribute (`fr-CA` → CA),
 * else its country-code TLD (`.de`, `.co.uk` → GB), else its language's main country (`ja` → JP).
 */
export function countryHint(lang: string | null, url: string): string | undefined {
  const [language, region] = (lang ?? '').trim().toLowerCase().split(/[-_]/);
  const fromRegion = region && /^[a-z]{2}$/.test(region) ? regionOf(region) : undefined;
  if (fromRegion) return fromRegion;
  const fromTld = tldCountry(url);
  if (fromTld) return fromTld;
  return language ? LANGUAGE_COUNTRY[language] : undefined;
}

function tldCountry(url: string): string | undefined {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return undefined;
  }
  const tld = host.replace(/\.$/, '').split('.').pop() ?? '';
  if (!/^[a-z]{2}$/.test(tld) || VANITY_CCTLDS.has(tld)) return undefined;
  return regionOf(tld === 'uk' ? 'gb' : tld);
}
