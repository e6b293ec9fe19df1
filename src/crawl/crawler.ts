import { classifyPage } from '../classify/classify-page.js';
import type { Models } from '../classify/models.js';
import { CrawlerBrowser } from './browser.js';
import { type EgressProxy, startEgressProxy } from './egress-proxy.js';
import { assetFingerprints, trackingIds } from './fingerprints.js';
import { IdleOcr } from './idle-ocr.js';
import { perceptualHash } from './phash.js';
import { countryHint, phonesOnPage } from './phones.js';
import type { Capture, CrawlProfile } from './types.js';
import { checkUrl, type GuardOptions } from './url-guard.js';
import { type RawVisit, VISIT_LIMITS, type VisitLimits, visit } from './visit.js';

/** How a crawler behaves. */
export interface CrawlerOptions {
  guard: GuardOptions;
  /** OCR the screenshot when text, URL and dialogs show no phone number (slow: ~0.5 s a page). */
  ocr: boolean;
  limits?: VisitLimits;
  /** Classifier models: when given, every capture carries the verdict on the page. */
  models?: Models;
}

/** A capture and the files it names (stored content-addressed by the caller). */
export interface CrawlResult {
  capture: Capture;
  files: { html: Buffer | null; screenshotBefore: Buffer | null; screenshotAfter: Buffer | null };
}

/**
 * One browser behind one egress proxy, visiting URLs one at a time (run several crawlers for more
 * throughput). Every URL is checked by the guard before the browser sees it, and every request the page
 * makes afterwards goes through the proxy, which checks it again.
 */
export class Crawler {
  /** Started on the first screenshot to read, ended when a minute passes without one. */
  private readonly ocr = new IdleOcr();

  private constructor(
    private readonly options: CrawlerOptions,
    private readonly proxy: EgressProxy,
    private readonly browser: CrawlerBrowser,
  ) {}

  /** Starts the proxy; the browser starts on the first visit. */
  static async start(options: CrawlerOptions): Promise<Crawler> {
    const proxy = await startEgressProxy(options.guard);
    return new Crawler(options, proxy, new CrawlerBrowser(proxy.url));
  }

  /** Visits one URL with one profile and reads what the page showed. Never throws for the page's sake. */
  async crawl(url: string, profile: CrawlProfile): Promise<CrawlResult> {
    const check = await checkUrl(url, this.options.guard);
    if (!check.ok) return { capture: refusedCapture(url, profile, check.reason), files: noFiles };
    const blockedBefore = this.proxy.blocked.length;
    let raw: RawVisit;
    try {
      raw = await visit(await this.browser.get(), url, profile, this.options.limits ?? VISIT_LIMITS);
    } catch (e) {
      // The browser itself failed (crashed, could not start): kill it so the next visit starts clean.
      await this.browser.kill();
      throw e;
    }
    if (raw.hung) await this.browser.kill();
    // The proxy also refuses Chromium's own calls home (updates, sign-in); only the page's count.
    const asked = new Set(raw.requested.map(endpointOf));
    const blocked = this.proxy.blocked.slice(blockedBefore).filter((b) => asked.has(endpointOf(b.url)));
    return { capture: await this.read(raw, blocked), files: filesOf(raw) };
  }

  /** Phones, fingerprints, OCR when needed, and the perceptual hash. */
  private async read(raw: RawVisit, blocked: Capture['blocked']): Promise<Capture> {
    const pageInput = {
      text: raw.text,
      title: raw.title,
      url: raw.url,
      finalUrl: raw.finalUrl,
      redirectChain: raw.redirectChain,
      dialogs: raw.dialogs.map((d) => d.message),
      authRealms: raw.authRealms,
      responseTexts: raw.responseTexts,
      country: countryHint(raw.lang, raw.finalUrl ?? raw.url),
    };
    let phones = phonesOnPage(pageInput);
    let ocrText: string | null = null;
    const shot = raw.screenshotAfter ?? raw.screenshotBefore;
    if (phones.length === 0 && this.options.ocr && shot) {
      ocrText = await this.ocr.recognize(shot).catch(() => null);
      if (ocrText) phones = phonesOnPage({ ...pageInput, ocrText });
    }
    const fingerprints = [
      ...trackingIds(raw.html ?? '', raw.scriptUrls),
      ...assetFingerprints(raw.responses),
    ];
    const phash = raw.screenshotBefore ? await perceptualHash(raw.screenshotBefore).catch(() => null) : null;
    const verdict = this.options.models
      ? await classifyPage(this.options.models, {
          text: {
            title: raw.title ?? '',
            text: raw.text,
            dialogs: raw.dialogs.map((d) => d.message),
            ocrText,
          },
          screenshot: raw.screenshotBefore,
          behaviours: raw.behaviours,
          phoneShown: phones.length > 0,
        }).catch(() => null)
      : null;
    const {
      lang,
      responseTexts,
      scriptUrls,
      requested,
      html,
      screenshotBefore,
      screenshotAfter,
      hung,
      ...seen
    } = raw;
    const blobs = { html: null, screenshotBefore: null, screenshotAfter: null };
    return { ...seen, phones, fingerprints, blocked, blobs, phash, ocrText, verdict };
  }

  /** The running browser's process id, if one runs. */
  get browserPid(): number | undefined {
    return this.browser.pid;
  }

  /** Ends the browser, the proxy and the OCR worker. */
  async close(): Promise<void> {
    await this.browser.close();
    await this.proxy.close();
    await this.ocr.close();
  }
}

/** `host:port` of a URL or of a proxy tunnel target (`host:port` already), default ports filled in. */
function endpointOf(target: string): string {
  if (!/^[a-z]+:\/\//i.test(target)) return target.toLowerCase();
  try {
    const u = new URL(target);
    const port = u.port || (u.protocol === 'https:' || u.protocol === 'wss:' ? '443' : '80');
    return `${u.hostname}:${port}`.toLowerCase();
  } catch {
    return target;
  }
}

const noFiles: CrawlResult['files'] = { html: null, screenshotBefore: null, screenshotAfter: null };

function filesOf(raw: RawVisit): CrawlResult['files'] {
  return {
    html: raw.html === null ? null : Buffer.from(raw.html, 'utf8'),
    screenshotBefore: raw.screenshotBefore,
    screenshotAfter: raw.screenshotAfter,
  };
}

/** The capture of a URL the guard refused: nothing was fetched. */
function refusedCapture(url: string, profile: CrawlProfile, reason: string): Capture {
  const now = new Date().toISOString();
  return {
    url,
    profile: profile.name,
    startedAt: now,
    finishedAt: now,
    finalUrl: null,
    redirectChain: [],
    status: null,
    title: null,
    text: '',
    dialogs: [],
    authRealms: [],
    behaviours: [],
    phones: [],
    fingerprints: [],
    responses: [],
    blocked: [{ url, reason }],
    blobs: { html: null, screenshotBefore: null, screenshotAfter: null },
    phash: null,
    ocrText: null,
    error: reason.startsWith('refused') ? reason : `refused: ${reason}`,
  };
}
