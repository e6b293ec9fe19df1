import { type Expression, type Kysely, sql } from 'kysely';
import type { Database } from './schema.js';

/**
 * Totals of lists are counted up to this many rows; beyond, a list says "10,000+". An exact count of a
 * million rows costs more than the page it goes with, and nobody pages that far.
 */
export const COUNT_CAP = 10_000;

/** A list's total: exact up to COUNT_CAP, else COUNT_CAP with `totalCapped`. */
export interface CappedTotal {
  total: number;
  totalCapped: boolean;
}

/** Counts the rows of `rows` (a query), stopping after COUNT_CAP + 1 of them. */
export async function cappedCount(db: Kysely<Database>, rows: Expression<unknown>): Promise<CappedTotal> {
  const r = await sql<{
    n: string;
  }>`SELECT count(*) AS n FROM (${rows} LIMIT ${COUNT_CAP + 1}) AS capped`.execute(db);
  const n = Number(r.rows[0]?.n ?? 0);
  return { total: Math.min(n, COUNT_CAP), totalCapped: n > COUNT_CAP };
}
