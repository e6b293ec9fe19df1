import { parse as parseDomain } from 'tldts';
import type { OperationFacts } from './facts.js';
import { ibanCountry, phoneCountry } from './geography.js';

/** A value and how many reports or indicators show it, most frequent first. */
export interface Tally {
  value: string;
  count: number;
}

/** Who an operation is, as far as its reports tell: modus operandi, origin, targets, activity. */
export interface Profile {
  modusOperandi: {
    channels: Tally[];
    brands: Tally[];
    paymentMethods: Tally[];
    remoteTools: Tally[];
    languages: Tally[];
  };
  /** Origin signals: countries of its phone numbers, of its bank accounts (IBAN), hosting of its domains. */
  origin: { phoneCountries: Tally[]; bankCountries: Tally[]; hosting: Tally[] };
  /** Target geography: victims' countries. */
  targets: { victimCountries: Tally[] };
  activePeriod: { first: string | null; last: string | null };
  lossesByCurrency: Array<{ currency: string; value: number }>;
}

function tally(values: Iterable<string | null | undefined>, limit = 10): Tally[] {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1))
    .slice(0, limit);
}

/** Profiles an operation from its reports' facts and its indicators (pure). */
export function profile(facts: OperationFacts): Profile {
  const reports = facts.reports;
  const ofKind = (kind: string) => facts.indicators.filter((i) => i.kind === kind);
  const times = reports.map((r) => r.time).filter((t) => Number.isFinite(t));
  const losses = new Map<string, number>();
  for (const r of reports)
    for (const l of r.losses) losses.set(l.currency, (losses.get(l.currency) ?? 0) + l.value);
  return {
    modusOperandi: {
      channels: tally(reports.map((r) => r.channel)),
      brands: tally(reports.flatMap((r) => r.brands)),
      paymentMethods: tally(reports.flatMap((r) => r.paymentMethods)),
      remoteTools: tally(reports.flatMap((r) => r.remoteTools)),
      languages: tally(reports.map((r) => r.language)),
    },
    origin: {
      phoneCountries: tally(ofKind('phone').map((i) => phoneCountry(i.value))),
      bankCountries: tally(ofKind('iban').map((i) => ibanCountry(i.value))),
      hosting: tally(ofKind('domain').map((i) => hostingOf(i.value))),
    },
    targets: { victimCountries: tally(reports.map((r) => r.victimCountry)) },
    activePeriod: {
      // A reduce, not a spread: spreading 130,000 times overflows the call stack.
      first: times.length ? new Date(times.reduce((a, b) => Math.min(a, b))).toISOString() : null,
      last: times.length ? new Date(times.reduce((a, b) => Math.max(a, b))).toISOString() : null,
    },
    lossesByCurrency: [...losses]
      .map(([currency, value]) => ({ currency, value: Math.round(value * 100) / 100 }))
      .sort((a, b) => b.value - a.value),
  };
}

/** Where a host lives: its hosting provider's suffix (azurewebsites.net, pages.dev) or its TLD. */
export function hostingOf(host: string): string | null {
  const p = parseDomain(host, { allowPrivateDomains: true });
  return p.publicSuffix ?? null;
}
