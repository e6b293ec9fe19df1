// Names the operation page gives to countries, reports and long values (the shared format helpers
// in components/format.ts cover dates, counts and money).

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** A country's English name from its ISO alpha-2 code (the code itself when unknown). */
export function countryName(alpha2: string): string {
  try {
    return regionNames.of(alpha2.toUpperCase()) ?? alpha2;
  } catch {
    return alpha2;
  }
}

/** A long value cut to `max` characters with an ellipsis (for canvas labels and tight cells). */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The name a report goes by: its external id, else the start of its UUID. */
export function reportName(r: { id: string; externalId: string | null }): string {
  return r.externalId ?? `report …${r.id.slice(-8)}`;
}
