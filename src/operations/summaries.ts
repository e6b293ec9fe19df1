import { type Kysely, sql } from 'kysely';
import { dailyActivity } from '../score/activity.js';
import { decayedScore } from '../score/decay.js';
import type { IndicatorFacts, OperationFacts, ReportFacts } from '../score/facts.js';
import { originsOf, victimCountries } from '../score/geography.js';
import { priority } from '../score/priority.js';
import { profile } from '../score/profile.js';
import type { Database } from '../store/schema.js';
import { filterKeysOf } from './filters.js';

/** How many indicators an operation's summary lists (the detail page pages through all of them). */
const TOP_INDICATORS = 25;

/**
 * Recomputes priority, profile and counts of the given operations (or of every stale one) from their
 * reports, and stores them; operations left without reports are deleted.
 */
export async function refreshSummaries(db: Kysely<Database>, now: Date, ids?: string[]): Promise<number> {
  const target =
    ids ??
    (await db.selectFrom('operations').select('id').where('stale', '=', true).execute()).map((r) => r.id);
  let done = 0;
  for (let i = 0; i < target.length; i += 2000) {
    done += await refreshChunk(db, now, target.slice(i, i + 2000));
  }
  return done;
}

async function refreshChunk(db: Kysely<Database>, now: Date, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const reports = await sql<{
    operationId: string;
    time: Date;
    victimCountry: string | null;
    ageBand: string | null;
    channel: string | null;
    language: string | null;
    brands: string[] | null;
    paymentMethods: string[] | null;
    remoteTools: string[] | null;
    losses: Array<{ currency: string; value: number }> | null;
  }>`
    SELECT ro.operation_id, coalesce(r.submitted_at, r.received_at) AS time, r.victim_country,
           r.input->'victim'->>'ageBand' AS age_band, e.channel, e.language, e.brands, e.payment_methods,
           e.remote_tools, e.losses
    FROM report_operations ro
    JOIN reports r ON r.id = ro.report_id
    LEFT JOIN report_extractions e ON e.report_id = r.id
    WHERE ro.operation_id = ANY(${ids})`.execute(db);
  const indicators = await sql<{
    operationId: string;
    kind: string;
    value: string;
    n: string;
    first: Date;
    last: Date;
  }>`
    SELECT ro.operation_id, ri.kind, ri.value, count(DISTINCT ri.report_id) AS n,
           min(coalesce(r.submitted_at, r.received_at)) AS first, max(coalesce(r.submitted_at, r.received_at)) AS last
    FROM report_operations ro
    JOIN report_indicators ri ON ri.report_id = ro.report_id
    JOIN reports r ON r.id = ro.report_id
    WHERE ro.operation_id = ANY(${ids})
    GROUP BY 1, 2, 3`.execute(db);
  const facts = new Map<string, OperationFacts>(ids.map((id) => [id, { reports: [], indicators: [] }]));
  for (const r of reports.rows) {
    const f: ReportFacts = {
      time: r.time.getTime(),
      victimCountry: r.victimCountry,
      ageBand: r.ageBand,
      channel: r.channel,
      language: r.language,
      brands: r.brands ?? [],
      paymentMethods: r.paymentMethods ?? [],
      remoteTools: r.remoteTools ?? [],
      losses: r.losses ?? [],
    };
    facts.get(r.operationId)?.reports.push(f);
  }
  for (const x of indicators.rows) {
    const f: IndicatorFacts = {
      kind: x.kind,
      value: x.value,
      reportCount: Number(x.n),
      firstSeen: x.first.getTime(),
      lastSeen: x.last.getTime(),
    };
    facts.get(x.operationId)?.indicators.push(f);
  }
  const nowMs = now.getTime();
  const rows = [];
  const empty: string[] = [];
  for (const [id, f] of facts) {
    if (f.reports.length === 0) {
      empty.push(id);
      continue;
    }
    const p = priority(f, nowMs);
    const times = f.reports.map((r) => r.time);
    const top = [...f.indicators]
      .sort((a, b) => b.reportCount - a.reportCount || b.lastSeen - a.lastSeen)
      .slice(0, TOP_INDICATORS)
      .map((i) => ({
        ...i,
        firstSeen: new Date(i.firstSeen).toISOString(),
        lastSeen: new Date(i.lastSeen).toISOString(),
        decay: Math.round(decayedScore(i.kind, i.lastSeen, nowMs)),
      }));
    const prof = profile(f);
    rows.push({
      id,
      createdAt: now,
      updatedAt: now,
      reportCount: f.reports.length,
      // Not Math.min(...times): spreading an operation of 130,000 reports overflows the call stack.
      firstSeen: new Date(times.reduce((a, b) => Math.min(a, b))),
      lastSeen: new Date(times.reduce((a, b) => Math.max(a, b))),
      priority: p.score,
      summary: JSON.stringify({
        priority: p,
        profile: prof,
        topIndicators: top,
        indicatorCount: f.indicators.length,
      }),
      stale: false,
      filterKeys: filterKeysOf(prof),
    });
  }
  if (empty.length > 0) await db.deleteFrom('operations').where('id', 'in', empty).execute();
  await writeViews(db, ids, facts);
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('operations')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          updatedAt: eb.ref('excluded.updatedAt'),
          reportCount: eb.ref('excluded.reportCount'),
          firstSeen: eb.ref('excluded.firstSeen'),
          lastSeen: eb.ref('excluded.lastSeen'),
          priority: eb.ref('excluded.priority'),
          summary: eb.ref('excluded.summary'),
          filterKeys: eb.ref('excluded.filterKeys'),
          stale: false,
        })),
      )
      .execute();
  }
  return rows.length;
}

/**
 * Writes what the operation page reads (operation_indicators, operation_views) from the same facts as
 * the summary, so a page of a large operation's indicators, its timeline and its map are row reads.
 */
async function writeViews(db: Kysely<Database>, ids: string[], facts: Map<string, OperationFacts>) {
  await db.deleteFrom('operationIndicators').where('operationId', 'in', ids).execute();
  await db.deleteFrom('operationViews').where('operationId', 'in', ids).execute();
  const indicators = [...facts].flatMap(([operationId, f]) =>
    f.reports.length === 0
      ? []
      : f.indicators.map((i) => ({
          operationId,
          kind: i.kind,
          value: i.value,
          reportCount: i.reportCount,
          firstSeen: new Date(i.firstSeen),
          lastSeen: new Date(i.lastSeen),
        })),
  );
  // Six parameters a row: well under PostgreSQL's 65,535 per statement.
  for (let i = 0; i < indicators.length; i += 5000)
    await db
      .insertInto('operationIndicators')
      .values(indicators.slice(i, i + 5000))
      .execute();
  const views = [...facts]
    .filter(([, f]) => f.reports.length > 0)
    .map(([operationId, f]) => ({
      operationId,
      daily: JSON.stringify(dailyActivity(f.reports)),
      geography: JSON.stringify({
        victims: victimCountries(f.reports.map((r) => r.victimCountry)),
        origins: originsOf(f.indicators),
      }),
    }));
  for (let i = 0; i < views.length; i += 2000)
    await db
      .insertInto('operationViews')
      .values(views.slice(i, i + 2000))
      .execute();
}
