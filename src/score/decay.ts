/** How fast an indicator of a kind goes stale: the MISP / OpenCTI decay model's parameters. */
export interface DecayModel {
  /** Days after last seen when the score reaches 0. */
  lifetimeDays: number;
  /** Shape δ: above 1 the score holds up, then drops late. */
  decaySpeed: number;
}

/**
 * Lifetimes per kind: phone numbers churn in days (MISP's phone model: 10 days, δ 2.3), popup domains in
 * weeks, payment accounts and companies last. Unknown kinds use OpenCTI's default of a year.
 */
export const DECAY_MODELS: Record<string, DecayModel> = {
  phone: { lifetimeDays: 10, decaySpeed: 2.3 },
  domain: { lifetimeDays: 45, decaySpeed: 2 },
  url: { lifetimeDays: 30, decaySpeed: 2 },
  email: { lifetimeDays: 180, decaySpeed: 2 },
  remote_access_id: { lifetimeDays: 60, decaySpeed: 2 },
  tracking_id: { lifetimeDays: 180, decaySpeed: 2 },
  asset_hash: { lifetimeDays: 180, decaySpeed: 2 },
  merchant: { lifetimeDays: 365, decaySpeed: 2 },
  crypto_wallet: { lifetimeDays: 365, decaySpeed: 2 },
  iban: { lifetimeDays: 365, decaySpeed: 2 },
  bank_account: { lifetimeDays: 365, decaySpeed: 2 },
  company: { lifetimeDays: 365, decaySpeed: 2 },
  person: { lifetimeDays: 90, decaySpeed: 2 },
};
const DEFAULT_MODEL: DecayModel = { lifetimeDays: 365, decaySpeed: 2 };

const DAY = 86_400_000;

/** The decay model of a kind. */
export function decayModel(kind: string): DecayModel {
  return DECAY_MODELS[kind] ?? DEFAULT_MODEL;
}

/** score(t) = base · (1 − (t / lifetime)^(1/δ)), t = days since last seen; 0 once past the lifetime. */
export function decayedScore(kind: string, lastSeen: number, now: number, base = 100): number {
  const { lifetimeDays, decaySpeed } = decayModel(kind);
  const t = Math.max(0, (now - lastSeen) / DAY);
  if (t >= lifetimeDays) return 0;
  return base * (1 - (t / lifetimeDays) ** (1 / decaySpeed));
}

/** When a value's score falls below `threshold` (e.g. for a blocklist's expiry), as epoch ms. */
export function expiresAt(kind: string, lastSeen: number, threshold = 30, base = 100): number {
  const { lifetimeDays, decaySpeed } = decayModel(kind);
  const t = lifetimeDays * (1 - threshold / base) ** decaySpeed;
  return lastSeen + t * DAY;
}

/** A value's current weight (0..1) and when it expires, for the workbench's indicator table. */
export function freshness(kind: string, lastSeen: number, now: number): { decay: number; expiresAt: Date } {
  return {
    decay: Math.round(decayedScore(kind, lastSeen, now, 1) * 1000) / 1000,
    expiresAt: new Date(expiresAt(kind, lastSeen)),
  };
}
