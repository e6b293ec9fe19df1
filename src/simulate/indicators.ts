import type { PhoneNumber } from './phones.js';
import type { Rng } from './rng.js';

/** Indicator kinds the simulator plants (DESIGN.md extraction kinds). */
export type IndicatorKind =
  | 'phone'
  | 'domain'
  | 'url'
  | 'email'
  | 'crypto_wallet'
  | 'iban'
  | 'bank_account'
  | 'merchant'
  | 'company'
  | 'person'
  | 'remote_access_id';

/** An indicator an operation really uses, with when it used it and how often reports mention it. */
export interface TrueIndicator {
  kind: IndicatorKind;
  /** Normalised value, as extraction should output it (E.164, lower-case host, IBAN without spaces …). */
  value: string;
  /** Scheduled use, in seconds since the start of the simulated period. */
  from: number;
  to: number;
  /** Set for phones: whether the number is VoIP (FIELD.md: ~55%). */
  voip?: boolean;
  /** The shared-infrastructure group this value belongs to, when several operations use it. */
  shared?: string;
  /** Country of the number, account or bank. */
  country?: string;
  /** Observed in generated reports: how many mention the exact value, first and last contact time. */
  reports: number;
  firstSeen: number;
  lastSeen: number;
  /** Phone details for rendering; chain for wallets; routing number for US accounts. */
  phone?: PhoneNumber;
  chain?: string;
  routing?: string;
}

/** A new indicator scheduled over [from, to). */
export function indicator(kind: IndicatorKind, value: string, from: number, to: number): TrueIndicator {
  return {
    kind,
    value,
    from,
    to,
    reports: 0,
    firstSeen: Number.POSITIVE_INFINITY,
    lastSeen: Number.NEGATIVE_INFINITY,
  };
}

/** Records that a report with contact time `t` mentions the indicator's exact value. */
export function markUsed(ind: TrueIndicator, t: number): void {
  ind.reports += 1;
  if (t < ind.firstSeen) ind.firstSeen = t;
  if (t > ind.lastSeen) ind.lastSeen = t;
}

/**
 * Schedules rotating values over [from, to): `slots` values live at once, each replaced after a lifetime
 * drawn from `lifetime` (seconds), a little overlap at each hand-over (the new number goes live before the
 * old one is dropped). Slots start out of phase so rotations do not happen all on one day.
 */
export function rotate(
  rng: Rng,
  from: number,
  to: number,
  slots: number,
  lifetime: () => number,
  make: (slot: number, start: number, end: number) => TrueIndicator,
): TrueIndicator[] {
  const out: TrueIndicator[] = [];
  for (let slot = 0; slot < slots; slot++) {
    let t = from - rng.float() * lifetime();
    while (t < to) {
      const len = lifetime();
      const start = Math.max(from, t);
      const end = Math.min(to, t + len + rng.float() * 86_400);
      if (end > start) out.push(make(slot, start, end));
      t += len;
    }
  }
  return out.sort((a, b) => a.from - b.from);
}

/** The indicators of a time-sorted list in use at `t` (at most `limit`, the latest ones). */
export function activeAt(list: readonly TrueIndicator[], t: number, into: TrueIndicator[]): TrueIndicator[] {
  into.length = 0;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.from <= t) lo = mid + 1;
    else hi = mid;
  }
  // Walk back over recent starts; long-lived values (companies, agents) start early, so scan further.
  for (let i = lo - 1; i >= 0 && into.length < 8; i--) {
    const ind = list[i]!;
    if (ind.to > t) into.push(ind);
    if (lo - i > 64) break;
  }
  if (into.length === 0 && list.length > 0) into.push(list[Math.min(Math.max(lo - 1, 0), list.length - 1)]!);
  return into;
}

/** A lifetime draw in seconds: log-normal around `medianDays`, clipped to [minDays, maxDays]. */
export function lifetimeDays(
  rng: Rng,
  medianDays: number,
  sigma: number,
  minDays: number,
  maxDays: number,
): () => number {
  return () => Math.min(maxDays, Math.max(minDays, rng.lognormal(medianDays, sigma))) * 86_400;
}
