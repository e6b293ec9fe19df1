import type { Kysely } from 'kysely';
import { commonNormalisedValue, type IndicatorKind } from '../core/indicator-kinds.js';
import { type Interpretation, interpretQuery } from '../search/interpret.js';
import { sightings } from '../search/sightings.js';
import type { Database } from '../store/schema.js';

/** What the public check looks up: what a victim can see of a scammer (never e-mails, names or accounts). */
export const CHECK_KINDS: ReadonlySet<IndicatorKind> = new Set(['phone', 'url', 'domain']);

/** What the public may know of one value: counts and dates only, never a report, a victim or an operation. */
export interface CheckResult {
  kind: IndicatorKind;
  value: string;
  /** Reported as a scam (at least one report), or shown on a crawled page judged a scam. */
  known: boolean;
  reports: number;
  firstSeen: string | null;
  lastSeen: string | null;
  crawledPages: number;
  crawledScam: number;
  /**
   * A well-known legitimate value (a brand's real support number or site): scammers name it, but it is
   * not theirs, so it is never "known" and its counts are not shown.
   */
  common: boolean;
}

/** The readings of a typed value the check answers for (phone numbers, URLs and domains only). */
export function checkInterpretations(query: string, country?: string): Interpretation[] {
  return interpretQuery(query, country).filter((i) => CHECK_KINDS.has(i.kind));
}

/**
 * Answers the check for each reading from the stores' summaries (see `sightings`): counts and dates only.
 * A domain counts the reports that gave any URL on it, since the extractor records a URL's host as a
 * domain too.
 */
export async function checkValues(db: Kysely<Database>, readings: Interpretation[]): Promise<CheckResult[]> {
  // A brand's own values are answered without reading anything: they are never "known".
  const wanted = readings.filter((w) => !commonNormalisedValue(w.kind, w.value));
  const common = (w: Interpretation): CheckResult => ({ ...emptyResult(w), common: true });
  if (wanted.length === 0) return readings.map(common);
  const seen = new Map((await sightings(db, wanted)).map((x) => [`${x.kind}\u0000${x.value}`, x]));
  return readings.map((w) => {
    if (commonNormalisedValue(w.kind, w.value)) return common(w);
    const x = seen.get(`${w.kind}\u0000${w.value}`);
    if (!x) return emptyResult(w);
    return {
      ...emptyResult(w),
      reports: x.reports,
      firstSeen: x.firstSeen?.toISOString() ?? null,
      lastSeen: x.lastSeen?.toISOString() ?? null,
      crawledPages: x.pages,
      crawledScam: x.scamPages,
      known: x.reports > 0 || x.scamPages > 0,
    };
  });
}

function emptyResult(w: Interpretation): CheckResult {
  return {
    kind: w.kind,
    value: w.value,
    known: false,
    reports: 0,
    firstSeen: null,
    lastSeen: null,
    crawledPages: 0,
    crawledScam: 0,
    common: false,
  };
}
