import type { ReportFacts } from './facts.js';

/** Reports and losses of one day (ISO date, UTC). */
export interface DailyActivity {
  day: string;
  reports: number;
  losses: Array<{ currency: string; value: number }>;
}

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
const round2 = (x: number) => Math.round(x * 100) / 100;

/** An operation's reports and losses per day, oldest first (pure). */
export function dailyActivity(reports: ReportFacts[]): DailyActivity[] {
  const days = new Map<string, { reports: number; losses: Map<string, number> }>();
  for (const r of reports) {
    if (!Number.isFinite(r.time)) continue;
    const day = new Date(r.time).toISOString().slice(0, 10);
    const d = days.get(day) ?? { reports: 0, losses: new Map<string, number>() };
    d.reports++;
    for (const l of r.losses) d.losses.set(l.currency, (d.losses.get(l.currency) ?? 0) + l.value);
    days.set(day, d);
  }
  return [...days]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([day, d]) => ({ day, reports: d.reports, losses: sortedLosses(d.losses) }));
}

/** Days for activity spanning up to 90 days, weeks beyond (pure). */
export function bucketFor(daily: DailyActivity[]): Bucket {
  if (daily.length === 0) return 'day';
  const span = Date.parse(daily.at(-1)!.day) - Date.parse(daily[0]!.day);
  return span > DAILY_SPAN_DAYS * DAY ? 'week' : 'day';
}

/** Daily activity rolled up into buckets, empty ones included so a chart's axis is even (pure). */
export function timeline(daily: DailyActivity[]): { bucket: Bucket; buckets: TimelineBucket[] } {
  const bucket = bucketFor(daily);
  if (daily.length === 0) return { bucket, buckets: [] };
  const startOf = (day: string) => {
    const t = Date.parse(`${day}T00:00:00Z`);
    return bucket === 'week' ? t - ((new Date(t).getUTCDay() + 6) % 7) * DAY : t;
  };
  const sums = new Map<number, { reports: number; losses: Map<string, number> }>();
  for (const d of daily) {
    const s = sums.get(startOf(d.day)) ?? { reports: 0, losses: new Map<string, number>() };
    s.reports += d.reports;
    for (const l of d.losses) s.losses.set(l.currency, (s.losses.get(l.currency) ?? 0) + l.value);
    sums.set(startOf(d.day), s);
  }
  const step = bucket === 'week' ? 7 * DAY : DAY;
  const buckets: TimelineBucket[] = [];
  for (let t = startOf(daily[0]!.day); t <= startOf(daily.at(-1)!.day); t += step) {
    const s = sums.get(t);
    buckets.push({
      start: new Date(t).toISOString().slice(0, 10),
      reports: s?.reports ?? 0,
      losses: s ? sortedLosses(s.losses) : [],
    });
  }
  return { bucket, buckets };
}

function sortedLosses(losses: Map<string, number>): Array<{ currency: string; value: number }> {
  return [...losses]
    .map(([currency, value]) => ({ currency, value: round2(value) }))
    .sort((a, b) => b.value - a.value || (a.currency < b.currency ? -1 : 1));
}
