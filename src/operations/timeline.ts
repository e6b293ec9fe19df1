import { type Kysely, sql } from 'kysely';
import type { Database } from '../store/schema.js';
import { operationDetail } from './queries.js';

/** The width of a timeline bucket. */
export type Bucket = 'day' | 'week';

/** Reports and losses of one bucket; `start` is its first day (ISO date, UTC; weeks start on Monday). */
export interface TimelineBucket {
  start: string;
  reports: number;
  losses: Array<{ currency: string; value: number }>;
}

/** Above this span an operation's timeline is drawn in weeks (a bar a day would be too thin to read). */
const DAILY_SPAN_DAYS = 90;
const DAY = 86_400_000;

/** Days for an operation active up to 90 days, weeks beyond (pure). */
export function bucketFor(first: Date | null, last: Date | null): Bucket {
  if (!first || !last) return 'day';
  return last.getTime() - first.getTime() > DAILY_SPAN_DAYS * DAY ? 'week' : 'day';
}

/** Every bucket from the first to the last one given, empty ones included, so a chart's axis is even (pure). */
export function fillBuckets(bucket: Bucket, rows: TimelineBucket[]): TimelineBucket[] {
  if (rows.length === 0) return [];
  const byStart = new Map(rows.map((r) => [r.start, r]));
  const step = bucket === 'week' ? 7 * DAY : DAY;
  const first = Date.parse(`${rows[0]!.start}T00:00:00Z`);
  const last = Date.parse(`${rows.at(-1)!.start}T00:00:00Z`);
  const out: TimelineBucket[] = [];
  for (let t = first; t <= last; t += step) {
    const start = new Date(t).toISOString().slice(0, 10);
    out.push(byStart.get(start) ?? { start, reports: 0, losses: [] });
  }
  return out;
}

/** An operation's reports and losses per day (or per week when it spans more than 90 days). */
export async function operationTimeline(
  db: Kysely<Database>,
  id: string,
): Promise<{ bucket: Bucket; buckets: TimelineBucket[] }> {
  const op = await operationDetail(db, id);
  const bucket = bucketFor(op.firstSeen, op.lastSeen);
  const start = sql`to_char(date_trunc(${sql.lit(bucket)}, coalesce(r.submitted_at, r.received_at) AT TIME ZONE 'UTC'), 'YYYY-MM-DD')`;
  const counts = await sql<{ start: string; n: string }>`
    SELECT ${start} AS start, count(*) AS n
    FROM report_operations ro JOIN reports r ON r.id = ro.report_id
    WHERE ro.operation_id = ${id} GROUP BY 1 ORDER BY 1`.execute(db);
  const losses = await sql<{ start: string; currency: string; value: string }>`
    SELECT ${start} AS start, l->>'currency' AS currency, sum((l->>'value')::numeric) AS value
    FROM report_operations ro JOIN reports r ON r.id = ro.report_id
    JOIN report_extractions e ON e.report_id = r.id, jsonb_array_elements(e.losses) l
    WHERE ro.operation_id = ${id} GROUP BY 1, 2 ORDER BY 1, 3 DESC`.execute(db);
  const rows = new Map<string, TimelineBucket>(
    counts.rows.map((c) => [c.start, { start: c.start, reports: Number(c.n), losses: [] }]),
  );
  for (const l of losses.rows)
    rows.get(l.start)?.losses.push({ currency: l.currency, value: Math.round(Number(l.value) * 100) / 100 });
  return { bucket, buckets: fillBuckets(bucket, [...rows.values()]) };
}
