/**
 * How much of a dossier the PDF prints. Everything in it comes from reports, i.e. from attackers and
 * strangers: these caps keep a hostile report from turning the referral into a 10,000-page file. What is
 * left out is counted in a note; the package's CSVs carry every row.
 */
export const LIMITS = {
  /** Characters of one value (indicator, URL, title, name). */
  value: 300,
  /** Characters of a narrative, a declaration or the case summary. */
  narrative: 4_000,
  /** Characters of one case-history entry. */
  event: 500,
  /** Entries of a short list (jurisdictions, a profile tally, payment methods, losses of a victim). */
  list: 20,
  /** Operations printed in full. */
  operations: 50,
  /** Indicators per operation. */
  indicators: 400,
  /** Evidence links per operation, and shared values per link. */
  links: 200,
  sharedPerLink: 6,
  /** Crawled pages per operation (each may carry a full-width screenshot). */
  captures: 40,
  /** Victims printed, each with a narrative. */
  victims: 200,
  /** Characters of narrative and declaration across all victims; past it, each is cut to `shortNarrative`. */
  narrativeBudget: 100_000,
  shortNarrative: 500,
  /** Case-history entries. */
  events: 300,
  /** Screenshot dimensions past which the image is not decoded (a decompression bomb). */
  imagePixels: 40_000_000,
} as const;

/** The first `max` items, and how many were left out. */
export function limited<T>(items: T[], max: number): { shown: T[]; omitted: number } {
  return { shown: items.slice(0, max), omitted: Math.max(0, items.length - max) };
}
