import type { Kysely } from 'kysely';
import { readableBy } from '../cases/markings.js';
import type { Tlp } from '../core/tlp.js';
import type { Database } from '../store/schema.js';
import type { Interpretation } from './interpret.js';
import { sightings } from './sightings.js';

/** How many operations a match lists (the most concerned first). */
const OPERATIONS_PER_MATCH = 50;

/** A stored value that answers a search: where it was reported, when, and in which operations. */
export interface SearchMatch {
  kind: string;
  value: string;
  reportCount: number;
  firstSeen: Date | null;
  lastSeen: Date | null;
  /** Crawled pages that showed the value. */
  pages: number;
  /** Operations holding the value (those the reader may read), with how many of their reports carry it. */
  operations: Array<{ id: string; reportCount: number; priority: number; reports: number }>;
}

/**
 * Looks every interpretation up (through the summaries: see `sightings`), with the operations holding
 * each value, the most concerned first, in the order the query was read (the extractor's reading first).
 */
export async function findValues(
  db: Kysely<Database>,
  wanted: Interpretation[],
  tlpCeiling: Tlp = 'red',
): Promise<SearchMatch[]> {
  const seen = await sightings(db, wanted);
  const ids = [
    ...new Set(seen.flatMap((x) => x.operations.slice(0, OPERATIONS_PER_MATCH).map((o) => o.operationId))),
  ];
  const ops =
    ids.length === 0
      ? []
      : await db
          .selectFrom('operations')
          .select(['id', 'reportCount', 'priority'])
          .where('id', 'in', ids)
          .where(readableBy(tlpCeiling))
          .execute();
  const byId = new Map(ops.map((o) => [o.id, o]));
  return seen.map((x) => ({
    kind: x.kind,
    value: x.value,
    reportCount: x.reports,
    firstSeen: x.firstSeen,
    lastSeen: x.lastSeen,
    pages: x.pages,
    operations: x.operations
      .filter((o) => byId.has(o.operationId))
      .slice(0, OPERATIONS_PER_MATCH)
      .map((o) => ({ ...byId.get(o.operationId)!, id: o.operationId, reports: o.reports }))
      .sort((a, b) => b.reports - a.reports || b.priority - a.priority || (a.id < b.id ? -1 : 1)),
  }));
}
