import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { addUser } from '../../src/auth/users.js';
import { loadConfig } from '../../src/core/config.js';
import { CHROMIUM_PATH } from '../../src/crawl/browser.js';
import { seedDemo } from '../../src/jobs/seed-demo.js';
import { type Running, startDragnet } from '../../src/server/start.js';
import type { WorldOptions } from '../../src/simulate/index.js';
import { type PopupSite, startPopupSite } from './popup-site.js';

/** Where end-to-end tests save screenshots of the pages they visit (git-ignored). */
export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../test-results/workbench');

/** People the workbench tests sign in as. */
export const PEOPLE = {
  analyst: { email: 'ana@dragnet.test', password: 'correct horse battery staple', role: 'analyst' },
  partner: { email: 'pat@dragnet.test', password: 'partner horse battery staple', role: 'partner' },
  admin: { email: 'adm@dragnet.test', password: 'admin horse battery staple', role: 'admin' },
} as const;

/** A running Dragnet (PGlite, loopback) with a small simulated world, users, and a real Chromium. */
export interface Workbench {
  running: Running;
  address: string;
  browser: Browser;
  /** The popup fixture site, when the workbench was started with `crawl`. */
  site: PopupSite | undefined;
  /** A new page in its own context (own cookies), sized like an analyst's screen. */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** A small world: enough operations and reports to page through, seeded in seconds. */
export const SMALL_WORLD: WorldOptions = {
  reports: 600,
  seed: 7,
  start: '2026-01-01',
  days: 300,
  operations: 12,
};

/** Starts the server on an empty data directory, seeds the world and the people, launches Chromium. */
export async function startWorkbench(
  options: { world?: WorldOptions; crawl?: boolean } = {},
): Promise<Workbench> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dragnet-workbench-'));
  process.env.DRAGNET_CRAWL_REPORTED_URLS = '0';
  // With `crawl`, the crawler role runs (no OCR: the fixture pages print their numbers as text) and may
  // reach the loopback popup site only.
  const site = options.crawl ? await startPopupSite() : undefined;
  if (site) {
    process.env.DRAGNET_CRAWL_ALLOW_LOOPBACK = new URL(site.origin).port;
    process.env.DRAGNET_CRAWL_OCR = '0';
  }
  const config = { ...loadConfig({ LOG_LEVEL: 'silent' }), dataDir, databaseUrl: undefined };
  const running = await startDragnet({
    port: 0,
    host: '127.0.0.1',
    roles: site ? ['web', 'worker', 'crawler'] : ['web', 'worker'],
    config,
    beforeListen: async (ctx) => {
      await seedDemo(ctx.store.db, ctx.queue, new Date(), options.world ?? SMALL_WORLD);
      for (const [name, p] of Object.entries(PEOPLE))
        await addUser(ctx.store.db, { email: p.email, name, role: p.role, password: p.password });
    },
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    running,
    address: running.address!,
    browser,
    site,
    newPage: async () => {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      return context.newPage();
    },
    close: async () => {
      await browser.close().catch(() => {});
      await running.stop();
      await site?.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs in through the sign-in form, as a person would, and waits for the app's navigation. */
export async function signIn(page: Page, address: string, who: keyof typeof PEOPLE): Promise<void> {
  await page.goto(`${address}/signin`);
  await page.getByLabel('E-mail').fill(PEOPLE[who].email);
  await page.getByLabel('Password').fill(PEOPLE[who].password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}

const axeSource: string = createRequire(import.meta.url)('axe-core').source;

/** axe-core's WCAG 2.1 A/AA violations on the page as it is now (rule id, impact, how many nodes). */
export async function axeViolations(
  page: Page,
): Promise<Array<{ id: string; impact: string; nodes: string[] }>> {
  // Evaluated over the DevTools protocol: the app's CSP (rightly) refuses inline script tags.
  await page.evaluate(axeSource);
  // A string, so the test's type-check needs no DOM types; it runs in the page.
  const r = (await page.evaluate(
    `axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] })`,
  )) as AxeResults;
  return r.violations.map((v) => ({
    id: v.id,
    impact: v.impact ?? '',
    nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
  }));
}

interface AxeResults {
  violations: Array<{ id: string; impact?: string; nodes: Array<{ target: string[] }> }>;
}

/** Saves a full-page screenshot named after the page. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
