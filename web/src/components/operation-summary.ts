// The shape of an operation's `summary` as the server stores it (src/operations/summaries.ts, built from
// src/score/priority.ts and src/score/profile.ts), for the list and the detail page.
import type { Money } from './format';
import type { Tally } from './tally-list';

/** The parts a priority is made of (src/score/priority.ts PriorityComponents). */
export interface PriorityComponents {
  reportsLast7Days: number;
  reportsLast30Days: number;
  /** Weekly rate in the last 30 days over the 90 days before (1 = steady). */
  growth: number;
  victims: number;
  vulnerableVictims: number;
  lossUsd: number;
  medianLossUsd: number;
  /** Freshness of the infrastructure in [0, 1]. */
  freshness: number;
  newInfrastructure: number;
}

/** Who an operation is (src/score/profile.ts Profile). */
export interface OperationProfile {
  modusOperandi: {
    channels: Tally[];
    brands: Tally[];
    paymentMethods: Tally[];
    remoteTools: Tally[];
    languages: Tally[];
  };
  origin: { phoneCountries: Tally[]; bankCountries: Tally[]; hosting: Tally[] };
  targets: { victimCountries: Tally[] };
  activePeriod: { first: string | null; last: string | null };
  lossesByCurrency: Money[];
}

/** One of the operation's most-reported indicators, with first / last seen and decay (0–100). */
export interface TopIndicator {
  kind: string;
  value: string;
  reportCount: number;
  firstSeen: string;
  lastSeen: string;
  decay: number;
}

/** An operation's stored summary; every part may be missing on an operation not yet summarised. */
export interface OperationSummary {
  priority?: { score: number; components: PriorityComponents };
  profile?: OperationProfile;
  topIndicators?: TopIndicator[];
  indicatorCount?: number;
}

/** A row of GET /api/operations (and GET /api/operations/:id). */
export interface OperationRow {
  id: string;
  reportCount: number;
  priority: number;
  firstSeen: string | null;
  lastSeen: string | null;
  pinned: boolean;
  /** New reports arrived since its summary: the worker refreshes it within seconds. */
  stale?: boolean;
  summary: OperationSummary;
  /** Its TLP marking (GET /api/operations/:id only; absent: the default, amber). */
  tlp?: string;
}
