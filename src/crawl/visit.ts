import { createHash } from 'node:crypto';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { instrumentScript, PAGE_STATE } from './instrument.js';
import { BEHAVIOURS, type Behaviour, type Capture, type CrawlProfile, type ResponseSeen } from './types.js';

/** Bounds of one visit: a page can stall, loop or flood, but not past these. */
export const VISIT_LIMITS = {
  navigationMs: 15_000,
  totalMs: 40_000,
  /** Time for scripts to insert numbers after `load` (XML fetches, call-tracking swaps). */
  settleMs: 1_200,
  afterClickMs: 400,
  dialogs: 10,
  history: 30,
  responses: 300,
  bodyBytes: 4_000_000,
  responseTextBytes: 64 * 1024,
  textChars: 100_000,
  htmlBytes: 2_000_000,
  stepMs: 8_000,
};
export type VisitLimits = typeof VISIT_LIMITS;

/**
 * What the browser saw in one visit, before Dragnet reads it (phones, fingerprints, OCR, verdict) and
 * stores it: the capture's own fields, and the raw material the readers take.
 */
export type RawVisit = Omit<
  Capture,
  'phones' | 'fingerprints' | 'blocked' | 'blobs' | 'phash' | 'ocrText' | 'verdict'
> & {
  lang: string | null;
  /** Bodies of small text responses (XML, JSON, plain text): numbers hide there. */
  responseTexts: string[];
  scriptUrls: string[];
  /** Every URL the page and its frames and popups asked for (bounded): what the proxy refused of them is the page's doing. */
  requested: string[];
  html: string | null;
  screenshotBefore: Buffer | null;
  screenshotAfter: Buffer | null;
  /** True when the page had to be abandoned (the caller kills the browser). */
  hung: boolean;
};

const BODY_TYPES = new Set(['script', 'image', 'media', 'font', 'xhr', 'fetch', 'stylesheet']);
const TEXT_TYPES = /xml|json|text\/plain|javascript/;
const REALM_RE = /realm\s*=\s*"([^"]*)"/i;

/**
 * Visits one URL in a fresh context with `profile`: loads it, lets scripts settle, captures, clicks once
 * (gesture-gated fullscreen and audio start only then) and captures again. Never throws for what the page
 * does: failures end up in `error`, and whatever was captured before stays.
 */
export async function visit(
  browser: Browser,
  url: string,
  profile: CrawlProfile,
  limits: VisitLimits = VISIT_LIMITS,
): Promise<RawVisit> {
  const v: RawVisit = {
    url,
    profile: profile.name,
    startedAt: new Date().toISOString(),
    finishedAt: '',
    finalUrl: null,
    redirectChain: [],
    status: null,
    title: null,
    text: '',
    lang: null,
    dialogs: [],
    authRealms: [],
    behaviours: [],
    responses: [],
    responseTexts: [],
    scriptUrls: [],
    requested: [],
    html: null,
    screenshotBefore: null,
    screenshotAfter: null,
    error: null,
    hung: false,
  };
  const seen = new Set<Behaviour>();
  const behave = (b: Behaviour) => {
    if (!seen.has(b)) {
      seen.add(b);
      v.behaviours.push(b);
    }
  };
  let context: BrowserContext | undefined;
  const pending: Promise<unknown>[] = [];
  const work = (async () => {
    context = await browser.newContext({
      userAgent: profile.userAgent,
      viewport: profile.viewport,
      locale: profile.locale,
      acceptDownloads: false,
      serviceWorkers: 'block',
      ignoreHTTPSErrors: true,
      javaScriptEnabled: true,
      extraHTTPHeaders: { 'Accept-Language': `${profile.locale},en;q=0.8` },
      // Without credentials Chromium aborts a 401 (ERR_INVALID_AUTH_CREDENTIALS) and the page is lost;
      // with throwaway ones it tries once, is refused, and shows what the server sent.
      httpCredentials: { username: 'user', password: 'password' },
    });
    await context.exposeBinding('__dragnetRecord', (_source, kind: string, detail: string) => {
      if (kind === 'speech') v.dialogs.length < 50 && v.dialogs.push({ type: 'speech', message: detail });
      if (isBehaviour(kind)) behave(kind);
    });
    await context.addInitScript({
      content: `Object.defineProperty(navigator, 'platform', { get: () => ${JSON.stringify(profile.platform)} });\n${instrumentScript(limits)}`,
    });
    const page = await context.newPage();
    context.on('page', (popup) => {
      behave('window_open');
      void popup.close().catch(() => undefined);
    });
    page.on('download', (d) => {
      behave('download');
      void d.cancel().catch(() => undefined);
    });
    page.on('dialog', (d) => {
      if (d.type() === 'beforeunload') behave('beforeunload');
      if (v.dialogs.length < 50) v.dialogs.push({ type: d.type(), message: d.message().slice(0, 2000) });
      else behave('dialog_loop');
      void (d.type() === 'alert' || d.type() === 'beforeunload' ? d.accept() : d.dismiss()).catch(
        () => undefined,
      );
    });
    context.on('request', (request) => {
      if (v.requested.length < 2000) v.requested.push(request.url());
    });
    page.on('request', (request) => {
      if (request.isNavigationRequest() && request.frame() === page.mainFrame()) {
        if (v.redirectChain.at(-1) !== request.url()) v.redirectChain.push(request.url());
      }
    });
    page.on('response', (response) => {
      if (v.responses.length >= limits.responses) return;
      pending.push(readResponse(response, v, limits, behave));
    });
    const response = await page
      .goto(url, { referer: profile.referrer, timeout: limits.navigationMs, waitUntil: 'load' })
      .catch((e: Error) => {
        v.error = `navigation: ${firstLine(e.message)}`;
        return null;
      });
    if (response) v.status = response.status();
    await page.waitForLoadState('networkidle', { timeout: limits.settleMs }).catch(() => undefined);
    await readState(page, v, limits, behave);
    v.screenshotBefore = await step(page.screenshot({ type: 'png', timeout: limits.stepMs }), limits);
    v.html = await step(
      page.content().then((h) => h.slice(0, limits.htmlBytes)),
      limits,
    );
    const { width, height } = profile.viewport;
    await step(page.mouse.click(width / 2, height / 2), limits);
    await new Promise((r) => setTimeout(r, limits.afterClickMs));
    await readState(page, v, limits, behave);
    v.screenshotAfter = await step(page.screenshot({ type: 'png', timeout: limits.stepMs }), limits);
    v.finalUrl = page.url();
    await Promise.race([Promise.allSettled(pending), sleep(limits.stepMs)]);
  })();
  const timedOut = await Promise.race([
    work.then(
      () => false,
      (e: Error) => {
        v.error ??= firstLine(e.message);
        return false;
      },
    ),
    sleep(limits.totalMs).then(() => true),
  ]);
  if (timedOut) {
    v.error = `time limit of ${limits.totalMs / 1000} s reached`;
    v.hung = true;
  } else if (context) {
    const closed = await Promise.race([
      context.close().then(
        () => true,
        () => false,
      ),
      sleep(limits.stepMs).then(() => false),
    ]);
    if (!closed) v.hung = true;
  }
  if (v.status === null) {
    const doc = v.responses.find((r) => r.url === v.redirectChain.at(-1));
    v.status = doc?.status ?? null;
  }
  v.finishedAt = new Date().toISOString();
  return v;
}

/** Records one response; reads and hashes bodies of sub-resources within the size limit. */
async function readResponse(
  response: Response,
  v: RawVisit,
  limits: VisitLimits,
  behave: (b: Behaviour) => void,
): Promise<void> {
  const headers = response.headers();
  const seen: ResponseSeen = {
    url: response.url().slice(0, 2000),
    status: response.status(),
    contentType: headers['content-type'] ?? null,
  };
  v.responses.push(seen);
  if (response.status() === 401) {
    behave('basic_auth');
    const realm = REALM_RE.exec(headers['www-authenticate'] ?? '')?.[1];
    if (realm !== undefined && !v.authRealms.includes(realm) && v.authRealms.length < 10)
      v.authRealms.push(realm.slice(0, 1000));
  }
  if (/attachment/i.test(headers['content-disposition'] ?? '')) behave('download');
  const request = response.request();
  if (!BODY_TYPES.has(request.resourceType())) return;
  const declared = Number(headers['content-length'] ?? 0);
  if (declared > limits.bodyBytes || response.status() >= 300) return;
  const body = await response.body().catch(() => null);
  if (!body || body.length > limits.bodyBytes) return;
  seen.sha256 = createHash('sha256').update(body).digest('hex');
  seen.size = body.length;
  if (
    TEXT_TYPES.test(seen.contentType ?? '') &&
    body.length <= limits.responseTextBytes &&
    v.responseTexts.length < 50
  )
    v.responseTexts.push(body.toString('utf8'));
}

/** Reads the page's visible state, adding what it shows to the visit; a hung page leaves it as it was. */
async function readState(
  page: Page,
  v: RawVisit,
  limits: VisitLimits,
  behave: (b: Behaviour) => void,
): Promise<void> {
  const state = await step(
    page.evaluate(PAGE_STATE.replace('__TEXT_CAP__', String(limits.textChars))) as Promise<{
      text: string;
      title: string;
      lang: string | null;
      beforeunload: boolean;
      contextMenuBlocked: boolean;
      cursorHidden: boolean;
      fullscreen: boolean;
      scripts: string[];
    }>,
    limits,
  );
  if (!state) return;
  if (state.text.length >= v.text.length) v.text = state.text;
  v.title = state.title || v.title;
  v.lang = state.lang ?? v.lang;
  if (state.beforeunload) behave('beforeunload');
  if (state.contextMenuBlocked) behave('context_menu_disabled');
  if (state.cursorHidden) behave('cursor_hidden');
  if (state.fullscreen) behave('fullscreen');
  for (const s of state.scripts) if (!v.scriptUrls.includes(s)) v.scriptUrls.push(s);
}

/** One step with its own time limit: null when the page did not answer in time. */
async function step<T>(p: Promise<T>, limits: VisitLimits): Promise<T | null> {
  const result = await Promise.race([p.catch(() => null), sleep(limits.stepMs).then(() => null)]);
  return result;
}

const BEHAVIOUR_SET = new Set<string>(BEHAVIOURS);
const isBehaviour = (s: string): s is Behaviour => BEHAVIOUR_SET.has(s);
const firstLine = (s: string) => s.split('\n')[0]!.slice(0, 300);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());
