import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { CrawlIndicator } from '../crawl/indicators.js';
import type { Capture } from '../crawl/types.js';
import type { Database } from './schema.js';

/** How a URL came to be crawled, and from which report. */
export interface CrawlOrigin {
  origin: 'report' | 'cli' | 'api' | 'feed';
  reportId?: string | null;
}

/** Saves one visit and its indicators in one transaction; returns the capture id. */
export async function saveCapture(
  db: Kysely<Database>,
  capture: Capture,
  indicators: CrawlIndicator[],
  from: CrawlOrigin,
): Promise<string> {
  const id = uuidv7();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('crawlCaptures')
      .values({
        id,
        url: capture.url,
        profile: capture.profile,
        origin: from.origin,
        reportId: from.reportId ?? null,
        startedAt: capture.startedAt,
        finishedAt: capture.finishedAt,
        finalUrl: capture.finalUrl,
        status: capture.status,
        title: capture.title,
        error: capture.error,
        screenshotSha256: capture.blobs.screenshotBefore,
        phash: capture.phash,
        capture: JSON.stringify(capture),
        verdict: capture.verdict?.verdict ?? null,
        scamProbability: capture.verdict?.probability ?? null,
      })
      .execute();
    if (indicators.length > 0)
      await trx
        .insertInto('crawlIndicators')
        .values(indicators.map((x) => ({ captureId: id, kind: x.kind, value: x.value, source: x.source })))
        .execute();
  });
  return id;
}

/** The latest capture of a URL with a profile finished after `since`, if any (the freshness window). */
export async function recentCapture(
  db: Kysely<Database>,
  url: string,
  profile: string,
  since: Date,
): Promise<string | null> {
  const row = await db
    .selectFrom('crawlCaptures')
    .select('id')
    .where('url', '=', url)
    .where('profile', '=', profile)
    .where('finishedAt', '>=', since)
    .orderBy('finishedAt', 'desc')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** An analyst's label of a page, as shown with the page. */
export interface LatestLabel {
  label: 'scam' | 'legitimate';
  author: string | null;
  note: string | null;
  createdAt: Date;
}

/** A stored capture with its row's metadata and its latest label. */
export interface StoredCapture {
  id: string;
  origin: string;
  reportId: string | null;
  operationId: string | null;
  capture: Capture;
  label: LatestLabel | null;
}

/** The latest label of each of these pages (pages without one are absent). */
async function latestLabels(db: Kysely<Database>, ids: string[]): Promise<Map<string, LatestLabel>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('pageLabels')
    .select(['captureId', 'label', 'author', 'note', 'createdAt'])
    .distinctOn('captureId')
    .where('captureId', 'in', ids)
    .orderBy('captureId')
    .orderBy('id', 'desc')
    .execute();
  return new Map(rows.map(({ captureId, ...l }) => [captureId, l]));
}

/** One capture by id, or undefined. */
export async function getCapture(db: Kysely<Database>, id: string): Promise<StoredCapture | undefined> {
  const row = await db
    .selectFrom('crawlCaptures')
    .select(['id', 'origin', 'reportId', 'operationId', 'capture'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const label = (await latestLabels(db, [id])).get(id) ?? null;
  return { ...row, capture: row.capture as unknown as Capture, label };
}

/** Records an analyst's label of a crawled page (the latest label of a page counts). */
export async function labelCapture(
  db: Kysely<Database>,
  captureId: string,
  label: 'scam' | 'legitimate',
  author: string | null,
  note: string | null,
): Promise<void> {
  await db.insertInto('pageLabels').values({ captureId, label, author, note }).execute();
}

/** Every labelled page with its latest label and capture (for training on analysts' labels). */
export async function labelledCaptures(
  db: Kysely<Database>,
): Promise<Array<{ captureId: string; label: 'scam' | 'legitimate'; capture: Capture }>> {
  const rows = await db
    .selectFrom('pageLabels as l')
    .innerJoin('crawlCaptures as c', 'c.id', 'l.captureId')
    .select(['l.captureId', 'l.label', 'c.capture'])
    .distinctOn('l.captureId')
    .orderBy('l.captureId')
    .orderBy('l.id', 'desc')
    .execute();
  return rows.map((r) => ({
    captureId: r.captureId,
    label: r.label,
    capture: r.capture as unknown as Capture,
  }));
}

/** A capture in a list: what a table of crawls shows. */
export interface CaptureListItem {
  id: string;
  url: string;
  profile: string;
  finishedAt: Date;
  finalUrl: string | null;
  status: number | null;
  title: string | null;
  error: string | null;
  screenshotSha256: string | null;
  operationId: string | null;
  verdict: string | null;
  scamProbability: number | null;
  label: LatestLabel | null;
}

/** Captures newest first, optionally of one operation or one URL, with how many match in all. */
export async function listCaptures(
  db: Kysely<Database>,
  filter: { operationId?: string; url?: string; limit: number; offset: number },
): Promise<{ total: number; captures: CaptureListItem[] }> {
  let base = db.selectFrom('crawlCaptures');
  if (filter.operationId) base = base.where('operationId', '=', filter.operationId);
  if (filter.url) base = base.where('url', '=', filter.url);
  const q = base
    .select([
      'id',
      'url',
      'profile',
      'finishedAt',
      'finalUrl',
      'status',
      'title',
      'error',
      'screenshotSha256',
      'operationId',
      'verdict',
      'scamProbability',
    ])
    .orderBy('finishedAt', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit)
    .offset(filter.offset);
  const [rows, count] = await Promise.all([
    q.execute(),
    base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  const labels = await latestLabels(
    db,
    rows.map((r) => r.id),
  );
  return { total: Number(count.n), captures: rows.map((r) => ({ ...r, label: labels.get(r.id) ?? null })) };
}
