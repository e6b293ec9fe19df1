import type { Profile } from '../score/profile.js';

/** What the operation list filters on, each facet of an operation's profile. */
export type FilterFacet = 'brand' | 'channel' | 'payment' | 'country';

/** One searchable key, `facet:value` (the list's GIN index holds them). */
export const filterKey = (facet: FilterFacet, value: string) => `${facet}:${value}`;

/** The keys of an operation: the brands, channels, payment methods and victims' countries its profile lists. */
export function filterKeysOf(p: Profile): string[] {
  return [
    ...p.modusOperandi.brands.map((t) => filterKey('brand', t.value)),
    ...p.modusOperandi.channels.map((t) => filterKey('channel', t.value)),
    ...p.modusOperandi.paymentMethods.map((t) => filterKey('payment', t.value)),
    ...p.targets.victimCountries.map((t) => filterKey('country', t.value)),
  ];
}
