import { decayedScore, expiresAt } from '../../score/decay.js';
import type { SharedIndicator, SharedOperation, Tlp } from '../types.js';
import { listableValue } from './listable.js';
import { strictestTlp } from './strictest-tlp.js';

/** The kinds a blocklist feed is made of: what telcos and browsers can block. */
export const FEED_KINDS = ['phone', 'domain', 'url'] as const;
export type FeedKind = (typeof FEED_KINDS)[number];

/** One value of a blocklist feed, with the evidence behind it and when it stops being listed. */
export interface FeedEntry {
  /** Canonical value: E.164 phone, ASCII hostname, normalised URL. */
  value: string;
  kind: FeedKind;
  /** The operation with the most reports of this value (ties: the smaller id). */
  operationId: string;
  /** Every given operation that carries the value, most reports first. */
  operationIds: string[];
  /** Reports of the value in its operation (the highest count: operations may share reports). */
  reportCount: number;
  /** ISO timestamps. */
  firstSeen: string;
  lastSeen: string;
  expiresAt: string;
  /** Decayed score now, 0..100 (integer). */
  score: number;
  /** The most restrictive marking of the operations carrying the value. */
  tlp: Tlp;
}

/** What a feed is cut for. */
export interface FeedOptions {
  now: Date;
  /** Values seen in fewer reports are left out (default 2: one report is one person's word). */
  minReports?: number;
  /** Keep values whose score has decayed under the threshold (for an archive, never for blocking). */
  includeExpired?: boolean;
}

interface Sighting {
  operation: SharedOperation;
  indicator: SharedIndicator;
  firstSeen: number;
  lastSeen: number;
}

/**
 * The entries of a blocklist feed for one kind, best first (score, then value). One entry per canonical
 * value however many operations carry it; it never lists a common value or a hosting suffix. Expiry comes
 * from the kind's decay model on the latest sighting, so an entry and its score always agree.
 * Operations the recipient may not read must be filtered out before: an entry merges all it is given.
 */
export function feedEntries(ops: SharedOperation[], kind: FeedKind, opts: FeedOptions): FeedEntry[] {
  const now = opts.now.getTime();
  const minReports = opts.minReports ?? 2;
  const entries: FeedEntry[] = [];
  for (const [value, sightings] of sightingsByValue(ops, kind)) {
    const entry = mergeSightings(value, kind, sightings, now);
    if (entry.reportCount < minReports) continue;
    if (!opts.includeExpired && Date.parse(entry.expiresAt) <= now) continue;
    entries.push(entry);
  }
  return entries.sort((a, b) => b.score - a.score || compareStrings(a.value, b.value));
}

function sightingsByValue(ops: SharedOperation[], kind: FeedKind): Map<string, Sighting[]> {
  const byValue = new Map<string, Sighting[]>();
  for (const operation of ops) {
    for (const indicator of operation.indicators) {
      if (indicator.kind !== kind) continue;
      const value = listableValue(kind, indicator.value);
      const firstSeen = Date.parse(indicator.firstSeen);
      const lastSeen = Date.parse(indicator.lastSeen);
      if (value === null || !Number.isFinite(lastSeen)) continue;
      const sighting = {
        operation,
        indicator,
        lastSeen,
        firstSeen: Number.isFinite(firstSeen) ? Math.min(firstSeen, lastSeen) : lastSeen,
      };
      const list = byValue.get(value);
      if (list) list.push(sighting);
      else byValue.set(value, [sighting]);
    }
  }
  return byValue;
}

function mergeSightings(value: string, kind: FeedKind, sightings: Sighting[], now: number): FeedEntry {
  const ranked = [...sightings].sort(
    (a, b) =>
      b.indicator.reportCount - a.indicator.reportCount || compareStrings(a.operation.id, b.operation.id),
  );
  const best = ranked[0]!;
  const lastSeen = Math.max(...sightings.map((s) => s.lastSeen));
  const firstSeen = Math.min(...sightings.map((s) => s.firstSeen));
  return {
    value,
    kind,
    operationId: best.operation.id,
    operationIds: [...new Set(ranked.map((s) => s.operation.id))],
    reportCount: best.indicator.reportCount,
    firstSeen: new Date(firstSeen).toISOString(),
    lastSeen: new Date(lastSeen).toISOString(),
    expiresAt: new Date(expiresAt(kind, lastSeen)).toISOString(),
    score: Math.round(decayedScore(kind, lastSeen, now)),
    tlp: strictestTlp(sightings.map((s) => s.operation.tlp)) ?? 'clear',
  };
}

/** Code-unit order: the same in every locale, so a feed's order never depends on the server. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
