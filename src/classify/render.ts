import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { CrawlerBrowser } from '../crawl/browser.js';

/** Bumped when rendering changes what a screenshot looks like, so cached screenshots are not reused. */
export const RENDER_VERSION = 'render-1';

/** The screen the classifier sees: the commonest laptop screen, as the crawler's default profile. */
export const RENDER_VIEWPORT = { width: 1366, height: 768 } as const;

/** An HTML page to screenshot. */
export interface RenderablePage {
  id: string;
  html: string;
}

/** A screenshot, or why there is none. `ms` is the wall time the page took (0 from the cache). */
export type RenderResult =
  | { id: string; png: Buffer; ms: number; cached: boolean }
  | { id: string; error: string; ms: number };

/** How pages are rendered. */
export interface RenderOptions {
  /** Pages rendered at once, each in its own browser (default 2). */
  concurrency?: number;
  /** Time cap per page, from a fresh context to the screenshot (default 8 s). */
  timeoutMs?: number;
  /** Time given to scripts after `load` before the screenshot (default 150 ms). */
  settleMs?: number;
  /** Directory of screenshots keyed by the HTML's hash; read before rendering, written after. */
  cacheDir?: string;
}

const DEFAULTS = { concurrency: 2, timeoutMs: 8000, settleMs: 150 };

// Nothing a page asks for may leave the machine: requests are aborted by the route, and should one slip
// past it (a preconnect, a ping) the proxy it would use is a closed port on loopback.
const NOWHERE = 'http://127.0.0.1:9';

/**
 * One Chromium that turns HTML into screenshots offline: a fresh context per page, JavaScript on, every
 * request and WebSocket aborted, dialogs dismissed, popups closed. A page that outlives the time cap takes
 * the browser with it (killed, relaunched for the next page), as a hung renderer cannot be trusted.
 */
export class PageRenderer {
  private readonly chromium = new CrawlerBrowser(NOWHERE, Number.POSITIVE_INFINITY);
  private readonly timeoutMs: number;
  private readonly settleMs: number;

  constructor(options: Pick<RenderOptions, 'timeoutMs' | 'settleMs'> = {}) {
    this.timeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs;
    this.settleMs = options.settleMs ?? DEFAULTS.settleMs;
  }

  /** Screenshot (PNG, viewport only) of the page the HTML makes. */
  async render(html: string): Promise<Buffer> {
    const browser = await this.chromium.get();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () => reject(new Error(`time limit of ${this.timeoutMs} ms reached`)),
        this.timeoutMs,
      );
    });
    const work = this.screenshot(browser, html);
    try {
      return await Promise.race([work, timeout]);
    } catch (e) {
      if (!browser.isConnected() || (e instanceof Error && e.message.startsWith('time limit')))
        await this.chromium.kill();
      throw e;
    } finally {
      clearTimeout(timer);
      work.catch(() => undefined);
    }
  }

  /** Ends the browser process tree. */
  async close(): Promise<void> {
    await this.chromium.close();
  }

  private async screenshot(browser: Browser, html: string): Promise<Buffer> {
    const context = await browser.newContext({
      viewport: RENDER_VIEWPORT,
      javaScriptEnabled: true,
      acceptDownloads: false,
      serviceWorkers: 'block',
      locale: 'en-US',
    });
    try {
      await context.route('**/*', (route) => route.abort('blockedbyclient'));
      await context.routeWebSocket(/.*/, (ws) => ws.close());
      const page = await context.newPage();
      // Popups the page opens are closed; the screenshot is of the page itself.
      context.on('page', (popup) => {
        if (popup !== page) void popup.close().catch(() => undefined);
      });
      page.on('dialog', (d) => {
        void d.dismiss().catch(() => undefined);
      });
      page.on('download', (d) => {
        void d.cancel().catch(() => undefined);
      });
      await page.setContent(html, { waitUntil: 'load', timeout: this.timeoutMs });
      await page.waitForTimeout(this.settleMs);
      return await page.screenshot({ type: 'png', timeout: this.timeoutMs, animations: 'disabled' });
    } finally {
      await Promise.race([context.close().catch(() => undefined), sleep(2000)]);
    }
  }
}

/** Cache key of a page's screenshot: what is rendered and how. */
export function renderKey(html: string): string {
  return createHash('sha256')
    .update(`${RENDER_VERSION}\n${RENDER_VIEWPORT.width}x${RENDER_VIEWPORT.height}\n`)
    .update(html)
    .digest('hex');
}

/**
 * Screenshots of the pages, in the order they finish, `concurrency` at a time (each worker its own
 * browser, so one hung page does not take the others' down). Failures are results, not exceptions.
 */
export async function* renderPages(
  pages: Iterable<RenderablePage> | AsyncIterable<RenderablePage>,
  options: RenderOptions = {},
): AsyncGenerator<RenderResult> {
  const concurrency = Math.max(1, options.concurrency ?? DEFAULTS.concurrency);
  const source = toAsyncIterator(pages);
  const ready: RenderResult[] = [];
  let wake: (() => void) | undefined;
  let running = concurrency;
  if (options.cacheDir) await mkdir(options.cacheDir, { recursive: true });

  const worker = async () => {
    const renderer = new PageRenderer(options);
    try {
      for (let next = await source.next(); !next.done; next = await source.next()) {
        ready.push(await renderOne(renderer, next.value, options.cacheDir));
        wake?.();
      }
    } finally {
      await renderer.close();
      running--;
      wake?.();
    }
  };
  const workers = Array.from({ length: concurrency }, worker);
  try {
    while (running > 0 || ready.length > 0) {
      const result = ready.shift();
      if (result) yield result;
      else await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    // The consumer stopped early: let the workers drain the source no further.
    await source.return?.();
    await Promise.allSettled(workers);
  }
}

async function renderOne(
  renderer: PageRenderer,
  page: RenderablePage,
  cacheDir: string | undefined,
): Promise<RenderResult> {
  const path = cacheDir ? join(cacheDir, `${renderKey(page.html)}.png`) : undefined;
  if (path) {
    const png = await readFile(path).catch(() => undefined);
    if (png) return { id: page.id, png, ms: 0, cached: true };
  }
  const started = performance.now();
  try {
    const png = await renderer.render(page.html);
    if (path) {
      const partial = `${path}.${process.pid}.part`;
      await writeFile(partial, png);
      await rename(partial, path);
    }
    return { id: page.id, png, ms: performance.now() - started, cached: false };
  } catch (e) {
    const message = e instanceof Error ? (e.message.split('\n')[0] ?? e.message) : String(e);
    return { id: page.id, error: message, ms: performance.now() - started };
  }
}

/** One shared iterator, so that concurrent workers each take the next page. */
function toAsyncIterator<T>(items: Iterable<T> | AsyncIterable<T>): AsyncIterator<T> {
  if (Symbol.asyncIterator in items) return items[Symbol.asyncIterator]();
  const it = items[Symbol.iterator]();
  let done = false;
  return {
    next: async () => (done ? { done: true, value: undefined } : it.next()),
    return: async () => {
      done = true;
      return { done: true, value: undefined };
    },
  };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());
