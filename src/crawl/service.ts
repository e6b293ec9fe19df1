import type { Kysely } from 'kysely';
import { linkCapture } from '../operations/incremental.js';
import type { BlobStore } from '../store/blobs.js';
import { type CrawlOrigin, getCapture, recentCapture, saveCapture } from '../store/crawls.js';
import type { Database } from '../store/schema.js';
import type { Crawler } from './crawler.js';
import { captureIndicators } from './indicators.js';
import { profileNamed } from './profiles.js';
import type { Capture } from './types.js';

/** One URL to crawl with one profile, and where the request came from. */
export interface CrawlRequest extends CrawlOrigin {
  url: string;
  profile: string;
}

/** A stored crawl: its id, the capture, and the operation it joined. */
export interface CrawlOutcome {
  id: string;
  capture: Capture;
  operationId: string | null;
  /** True when a fresh capture existed and no visit was made. */
  reused: boolean;
}

/**
 * Crawls one URL and keeps the evidence: files into the content-addressed blob store (the capture names
 * them by SHA-256, with UTC times), the capture and its indicators into the database, then links what the
 * page showed into the operations. With `freshSince`, a capture of the same URL and profile finished
 * after that moment is reused instead of visiting again.
 */
export async function crawlAndStore(
  deps: { db: Kysely<Database>; blobs: BlobStore; crawler: Crawler },
  request: CrawlRequest,
  options: { now: () => Date; freshSince?: Date } = { now: () => new Date() },
): Promise<CrawlOutcome> {
  const profile = profileNamed(request.profile);
  if (!profile) throw new Error(`unknown crawl profile ${request.profile}`);
  if (options.freshSince) {
    const id = await recentCapture(deps.db, request.url, request.profile, options.freshSince);
    const fresh = id ? await getCapture(deps.db, id) : undefined;
    if (fresh) return { id: fresh.id, capture: fresh.capture, operationId: fresh.operationId, reused: true };
  }
  const { capture, files } = await deps.crawler.crawl(request.url, profile);
  const put = async (bytes: Buffer | null, mediaType: string) =>
    bytes ? (await deps.blobs.put(bytes, mediaType)).sha256 : null;
  capture.blobs = {
    html: await put(files.html, 'text/html; charset=utf-8'),
    screenshotBefore: await put(files.screenshotBefore, 'image/png'),
    screenshotAfter: await put(files.screenshotAfter, 'image/png'),
  };
  const indicators = captureIndicators(capture);
  const id = await saveCapture(deps.db, capture, indicators, request);
  const linked = indicators.length > 0 ? await linkCapture(deps.db, id, options.now()) : null;
  return { id, capture, operationId: linked?.operationId ?? null, reused: false };
}
