import { type Kysely, sql } from 'kysely';
import { type Origin, originsOf } from '../score/geography.js';
import type { Database } from '../store/schema.js';
import { operationDetail } from './queries.js';
import { freshView } from './timeline.js';

/** An operation on the map: where its victims are, and where its phones, banks and sites point. */
export interface Geography {
  victims: Array<{ country: string; count: number }>;
  origins: Origin[];
}

/** An operation's map: from the view written with its summary, or computed live while it is stale. */
export async function operationGeography(db: Kysely<Database>, id: string): Promise<Geography> {
  await operationDetail(db, id);
  const view = await freshView(db, id);
  if (view) return view.geography as unknown as Geography;
  const victims = await sql<{ country: string; n: string }>`
    SELECT upper(r.victim_country) AS country, count(*) AS n
    FROM report_operations ro JOIN reports r ON r.id = ro.report_id
    WHERE ro.operation_id = ${id} AND r.victim_country IS NOT NULL
    GROUP BY 1 ORDER BY 2 DESC, 1`.execute(db);
  const values = await sql<{ kind: string; value: string }>`
    SELECT DISTINCT ri.kind, ri.value
    FROM report_operations ro JOIN report_indicators ri ON ri.report_id = ro.report_id
    WHERE ro.operation_id = ${id} AND ri.kind IN ('phone', 'iban', 'domain')`.execute(db);
  return {
    victims: victims.rows.map((v) => ({ country: v.country, count: Number(v.n) })),
    origins: originsOf(values.rows),
  };
}
