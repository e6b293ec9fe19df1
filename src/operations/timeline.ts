import { type Kysely, sql } from 'kysely';
import { type Bucket, type DailyActivity, type TimelineBucket, timeline } from '../score/activity.js';
import type { Database } from '../store/schema.js';
import { LIVE_VIEW_LIMIT, operationDetail } from './queries.js';

/**
 * An operation's reports and losses per day (per week when it spans more than 90 days): from the view
 * written with its summary, or counted live while the operation is stale or has none yet.
 */
export async function operationTimeline(
  db: Kysely<Database>,
  id: string,
): Promise<{ bucket: Bucket; buckets: TimelineBucket[] }> {
  await operationDetail(db, id);
  return timeline(await operationDaily(db, id));
}

/** An operation's reports and losses per day: from the fresh view, else counted live. */
export async function operationDaily(db: Kysely<Database>, id: string): Promise<DailyActivity[]> {
  return (await freshView(db, id))?.daily ?? (await liveDaily(db, id));
}

/**
 * The operation's precomputed views, when it is read from them (see readsStoredViews: its summary is
 * fresh, or it is too large to count live while a refresh is pending).
 */
export function freshView(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('operationViews')
    .innerJoin('operations', 'operations.id', 'operationViews.operationId')
    .select(['operationViews.daily', 'operationViews.geography'])
    .where('operationViews.operationId', '=', id)
    .where((eb) =>
      eb.or([eb('operations.stale', '=', false), eb('operations.reportCount', '>', LIVE_VIEW_LIMIT)]),
    )
    .executeTakeFirst();
}

async function liveDaily(db: Kysely<Database>, id: string): Promise<DailyActivity[]> {
  const day = sql`to_char(coalesce(r.submitted_at, r.received_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD')`;
  const counts = await sql<{ day: string; n: string }>`
    SELECT ${day} AS day, count(*) AS n
    FROM report_operations ro JOIN reports r ON r.id = ro.report_id
    WHERE ro.operation_id = ${id} GROUP BY 1 ORDER BY 1`.execute(db);
  const losses = await sql<{ day: string; currency: string; value: string }>`
    SELECT ${day} AS day, l->>'currency' AS currency, sum((l->>'value')::numeric) AS value
    FROM report_operations ro JOIN reports r ON r.id = ro.report_id
    JOIN report_extractions e ON e.report_id = r.id, jsonb_array_elements(e.losses) l
    WHERE ro.operation_id = ${id} GROUP BY 1, 2`.execute(db);
  const days = new Map<string, DailyActivity>(
    counts.rows.map((c) => [c.day, { day: c.day, reports: Number(c.n), losses: [] }]),
  );
  for (const l of losses.rows) days.get(l.day)?.losses.push({ currency: l.currency, value: Number(l.value) });
  return [...days.values()];
}
