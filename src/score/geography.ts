import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { parse as parseDomain } from 'tldts';

/** The kinds of evidence that place an operation's infrastructure in a country. */
export type OriginSignal = 'phone' | 'bank' | 'hosting';

/** A country and how many of an operation's values point there, per kind of evidence. */
export interface Origin {
  country: string;
  signals: Partial<Record<OriginSignal, number>>;
}

// Country-code TLDs sold worldwide as generic names (.io, .co, .tv…) say nothing about where a site is.
const GENERIC_CCTLDS = new Set(
  'io co me tv ai ws cc fm ly to gg am vc la so sh ac nu tk ml ga cf gq st gl im xyz eu su'.split(' '),
);

/** The country of a phone number in E.164 (its numbering plan), or null. */
export function phoneCountry(e164: string): string | null {
  return parsePhoneNumberFromString(e164)?.country ?? null;
}

/** The country of an IBAN (its first two letters). */
export function ibanCountry(iban: string): string {
  return iban.slice(0, 2).toUpperCase();
}

/** The country of a hostname's country-code TLD (co.uk → GB), or null for generic and hosting suffixes. */
export function hostCountry(host: string): string | null {
  const suffix = parseDomain(host).publicSuffix;
  const tld = suffix?.split('.').at(-1);
  if (!tld || !/^[a-z]{2}$/.test(tld) || GENERIC_CCTLDS.has(tld)) return null;
  return tld === 'uk' ? 'GB' : tld.toUpperCase();
}

/**
 * Where an operation's infrastructure points (pure): the numbering plan of its phone numbers, the country
 * of its IBANs, the country-code TLD of its domains. Each distinct value counts once, as in the profile.
 */
export function originsOf(values: Array<{ kind: string; value: string }>): Origin[] {
  const byCountry = new Map<string, Partial<Record<OriginSignal, number>>>();
  const count = (country: string | null, signal: OriginSignal) => {
    if (!country) return;
    const s = byCountry.get(country) ?? {};
    s[signal] = (s[signal] ?? 0) + 1;
    byCountry.set(country, s);
  };
  for (const v of values) {
    if (v.kind === 'phone') count(phoneCountry(v.value), 'phone');
    else if (v.kind === 'iban') count(ibanCountry(v.value), 'bank');
    else if (v.kind === 'domain') count(hostCountry(v.value), 'hosting');
  }
  const total = (s: Partial<Record<OriginSignal, number>>) => Object.values(s).reduce((a, b) => a + b, 0);
  return [...byCountry]
    .map(([country, signals]) => ({ country, signals }))
    .sort((a, b) => total(b.signals) - total(a.signals) || (a.country < b.country ? -1 : 1));
}

/** Victims per country, most first (pure). */
export function victimCountries(
  countries: Iterable<string | null>,
): Array<{ country: string; count: number }> {
  const counts = new Map<string, number>();
  for (const c of countries) if (c) counts.set(c.toUpperCase(), (counts.get(c.toUpperCase()) ?? 0) + 1);
  return [...counts]
    .map(([country, count]) => ({ country, count }))
    .sort((a, b) => b.count - a.count || (a.country < b.country ? -1 : 1));
}
