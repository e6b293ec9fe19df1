import { toUsd } from '../core/fx.js';
import { decayedScore } from './decay.js';
import type { OperationFacts } from './facts.js';

const DAY = 86_400_000;
const VULNERABLE_AGES = new Set(['60_69', '70_79', '80_plus']);

/** The parts a priority is made of, each shown beside the score. */
export interface PriorityComponents {
  reportsLast7Days: number;
  reportsLast30Days: number;
  /** Weekly rate in the last 30 days over the weekly rate in the 90 days before (1 = steady). */
  growth: number;
  victims: number;
  vulnerableVictims: number;
  lossUsd: number;
  medianLossUsd: number;
  /** Freshness of the operation's infrastructure in [0, 1] (decay per indicator kind). */
  freshness: number;
  /** Phone numbers and domains first seen in the last 30 days. */
  newInfrastructure: number;
}

/** A priority in [0, 100] and what it is made of. */
export interface Priority {
  score: number;
  components: PriorityComponents;
}

const saturate = (x: number, half: number) => (x <= 0 ? 0 : x / (x + half));

/**
 * Ranks operations fast-moving first: velocity and growth weigh most, then losses, victims (vulnerable
 * ones more), fresh infrastructure and its churn. Each term saturates, so no single one dominates.
 */
export function priority(facts: OperationFacts, now: number): Priority {
  const times = facts.reports.map((r) => r.time);
  const last7 = times.filter((t) => t > now - 7 * DAY && t <= now).length;
  const last30 = times.filter((t) => t > now - 30 * DAY && t <= now).length;
  const before = times.filter((t) => t > now - 120 * DAY && t <= now - 30 * DAY).length;
  const growth = (last30 / 30 + 1 / 90) / (before / 90 + 1 / 90);
  const losses = facts.reports.map((r) => toUsd(r.losses)).filter((x) => x > 0);
  const lossUsd = losses.reduce((a, b) => a + b, 0);
  const vulnerable = facts.reports.filter((r) => r.ageBand !== null && VULNERABLE_AGES.has(r.ageBand)).length;
  const infra = facts.indicators.filter((i) => i.kind === 'phone' || i.kind === 'domain');
  const fresh = infra.map((i) => decayedScore(i.kind, i.lastSeen, now) / 100).sort((a, b) => b - a);
  const freshness =
    fresh.length === 0 ? 0 : fresh.slice(0, 3).reduce((a, b) => a + b, 0) / Math.min(3, fresh.length);
  const newInfrastructure = infra.filter((i) => i.firstSeen > now - 30 * DAY && i.firstSeen <= now).length;
  const components: PriorityComponents = {
    reportsLast7Days: last7,
    reportsLast30Days: last30,
    growth,
    victims: facts.reports.length,
    vulnerableVictims: vulnerable,
    lossUsd,
    medianLossUsd: median(losses),
    freshness,
    newInfrastructure,
  };
  const score =
    100 *
    (0.25 * saturate(last7, 10) +
      0.15 * saturate(last30, 30) +
      0.15 * saturate(growth - 1, 2) +
      0.15 * saturate(lossUsd, 25_000) +
      0.08 * saturate(facts.reports.length, 50) +
      0.07 * saturate(vulnerable, 10) +
      0.1 * freshness +
      0.05 * saturate(newInfrastructure, 5));
  return { score: Math.round(score * 100) / 100, components };
}

function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
