import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from './helpers/until.js';
import {
  axeViolations,
  saveScreenshot,
  signIn,
  startWorkbench,
  type Workbench,
} from './helpers/workbench.js';

/**
 * The analyst's workbench in a real Chromium against a server on loopback with a simulated world and a
 * crawled scam page: the flows investigators use every day, axe-core on every main page (no WCAG 2.1
 * A/AA or best-practice violations), and a screenshot of each under test-results/workbench.
 */
describe('the workbench in Chromium', () => {
  let wb: Workbench;
  let page: Page;
  const db = () => wb.running.ctx.store.db;
  const operationOf = async (reportId: string) =>
    (
      await db()
        .selectFrom('reportOperations')
        .select('operationId')
        .where('reportId', '=', reportId)
        .executeTakeFirstOrThrow()
    ).operationId;

  beforeAll(async () => {
    wb = await startWorkbench({ crawl: true });
    await wb.running.ctx.queue.enqueueCrawls([
      { url: `${wb.site!.origin}/scam/defender/`, profile: 'windows-chrome', origin: 'api' },
    ]);
  }, 180_000);
  afterAll(async () => {
    await wb?.close();
  });

  /** Checks the page as it is now with axe-core and saves its screenshot. */
  const audit = async (name: string) => {
    expect(await axeViolations(page), name).toEqual([]);
    await saveScreenshot(page, name);
  };

  it('sends people who are not signed in to the sign-in page, and refuses a wrong password', async () => {
    page = await wb.newPage();
    await page.goto(`${wb.address}/operations`);
    await page.getByRole('heading', { name: 'Sign in to Dragnet' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/signin');
    await audit('sign-in');
    await page.getByLabel('E-mail').fill('ana@dragnet.test');
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(await page.getByRole('alert').textContent()).toMatch(/wrong e-mail or password/);
  });

  it('signs in with a Secure httpOnly cookie the page cannot read', async () => {
    await signIn(page, wb.address, 'analyst');
    const cookie = (await page.context().cookies()).find((c) => c.name === 'dragnet_session');
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict' });
    expect(await page.evaluate('document.cookie')).toBe('');
  });

  it('triages a report: confirming it takes it out of the queue and records who did it', async () => {
    await page.getByRole('link', { name: 'Triage' }).click();
    const first = page.locator('article h2, article h3').first();
    await first.waitFor();
    await audit('triage');
    const title = (await first.textContent())!;
    const confirm = page.getByRole('button', { name: 'Confirm' }).first();
    await confirm.click();
    await until('the report to leave the queue', async () =>
      (await page.getByRole('heading', { name: title, exact: true }).count()) === 0 ? true : undefined,
    );
    const review = await db()
      .selectFrom('reportReviews')
      .select(['status', 'author'])
      .executeTakeFirstOrThrow();
    expect(review).toEqual({ status: 'confirmed', author: 'ana@dragnet.test' });
  });

  it('finds an operation from a phone number typed as a victim would', async () => {
    const top = await db()
      .selectFrom('operations')
      .select('id')
      .orderBy('priority', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    const phone = await db()
      .selectFrom('reportIndicators as ri')
      .innerJoin('reportOperations as ro', 'ro.reportId', 'ri.reportId')
      .select('ri.value')
      .where('ro.operationId', '=', top.id)
      .where('ri.kind', '=', 'phone')
      .where('ri.value', 'like', '+1%')
      .limit(1)
      .executeTakeFirstOrThrow();
    const d = phone.value.slice(2);
    const typed = `(${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}`;
    await page.getByRole('link', { name: 'Operations' }).click();
    await page.getByRole('table').first().waitFor();
    await audit('operations');
    await page.getByLabel(/Search any indicator/).fill(typed);
    await page.getByLabel('Phone region').fill('US');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText(phone.value).first().waitFor();
    await audit('operations-search');
    await page.getByRole('link', { name: top.id }).first().click();
    await page.getByRole('heading', { name: `Operation ${top.id}` }).waitFor();
  });

  it('shows an operation, expands a value in the graph and explains why two reports are linked', async () => {
    await page.getByRole('heading', { name: 'Graph' }).waitFor();
    const nodes = page.getByRole('list', { name: 'Graph nodes' });
    await nodes.getByRole('button').first().waitFor();
    await page.waitForLoadState('networkidle');
    await audit('operation');
    await nodes.getByRole('button').first().click();
    const expanded = page.getByRole('list', { name: /^Reports with / });
    await expanded.first().waitFor();
    expect(await expanded.first().getByRole('listitem').count()).toBeGreaterThan(0);
    const boxes = page.getByRole('checkbox', { name: /^Select / });
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.getByRole('button', { name: 'Why linked?' }).click();
    const why = page.getByRole('region', { name: 'Why linked' });
    // The region shows "Loading the explanation…" first: wait for the explanation itself.
    await why
      .getByText(/weight/)
      .first()
      .waitFor();
    expect(await why.textContent()).toMatch(/weight/);
    await audit('operation-why-linked');
  });

  it('splits reports off into an operation of their own, then merges them back', async () => {
    const original = new URL(page.url()).pathname.split('/').pop()!;
    const boxes = page.getByRole('checkbox', { name: /^Select / });
    for (const box of await boxes.all()) await box.uncheck();
    await boxes.nth(0).check();
    const splitId = (await boxes.nth(0).getAttribute('value')) ?? undefined;
    const splitForm = page.getByRole('form', { name: 'Split the selected reports off' });
    await splitForm.getByLabel(/Reason/).fill('different call centre: German-speaking script');
    await splitForm.getByRole('button', { name: /^Split 1 report/ }).click();
    await until('the new operation page', async () =>
      new URL(page.url()).pathname !== `/operations/${original}` ? true : undefined,
    );
    const splitOff = new URL(page.url()).pathname.split('/').pop()!;
    expect(splitOff).toMatch(/^op-[0-9a-f]{10}$/);
    const split = await db()
      .selectFrom('reportOperations')
      .select('reportId')
      .where('operationId', '=', splitOff)
      .execute();
    expect(split).toHaveLength(1);
    if (splitId) expect(split[0]!.reportId).toBe(splitId);
    const merge = page.getByRole('form', { name: 'Merge with another operation' });
    await merge.getByLabel('Other operation').fill(original);
    await merge.getByLabel(/Reason/).fill('same script after all');
    await merge.getByRole('button', { name: 'Merge' }).click();
    await until('the merged operation page', async () => (page.url().endsWith(splitOff) ? undefined : true));
    const merged = new URL(page.url()).pathname.split('/').pop()!;
    expect(await operationOf(split[0]!.reportId)).toBe(merged);
    const other = await db()
      .selectFrom('reportOperations')
      .select('reportId')
      .where('operationId', '=', merged)
      .where('reportId', '!=', split[0]!.reportId)
      .limit(1)
      .execute();
    expect(other).toHaveLength(1);
    const decisions = await db().selectFrom('linkDecisions').select(['decision', 'author']).execute();
    expect(decisions.map((d) => d.decision.type)).toEqual(expect.arrayContaining(['split', 'merge']));
    expect(decisions.every((d) => d.author === 'ana@dragnet.test')).toBe(true);
  });

  it('labels a crawled popup as a scam', async () => {
    await until('the crawl of the popup', async () =>
      db().selectFrom('crawlCaptures').select('id').executeTakeFirst(),
    );
    await page.getByRole('link', { name: 'Popups' }).click();
    const row = page.getByRole('table').getByRole('row').nth(1);
    await row.waitFor();
    await page.waitForLoadState('networkidle');
    await audit('popups');
    await row.getByRole('link').first().click();
    const label = page.getByRole('form', { name: 'Label this page (feeds training)' });
    await label.getByLabel('Note (optional)').fill('fake Defender lock screen');
    await label.getByRole('button', { name: 'Label scam' }).click();
    const stored = await until('the label', async () =>
      db().selectFrom('pageLabels').select(['label', 'author', 'note']).executeTakeFirst(),
    );
    expect(stored).toEqual({ label: 'scam', author: 'ana@dragnet.test', note: 'fake Defender lock screen' });
    await audit('popup-labelled');
    await page.reload();
    await page.getByRole('table').getByRole('row').nth(1).waitFor();
    // The label comes back from the server, not from the page's memory: the Label column says so.
    const labelCell = page.getByRole('table').getByRole('row').nth(1).getByRole('cell').nth(4);
    expect(await labelCell.textContent()).toMatch(/scam/i);
  });

  it('works from the keyboard alone: sign in, skip to content, reach triage and confirm a report', async () => {
    const kb = await wb.newPage();
    /** Presses Tab until the focused element's text (or label) matches, as a keyboard user would. */
    const tabTo = async (name: RegExp, max = 60) => {
      for (let i = 0; i < max; i++) {
        await kb.keyboard.press('Tab');
        const focused = (await kb.evaluate(
          `(() => { const e = document.activeElement; return e ? (e.getAttribute('aria-label') || e.textContent || e.name || '').trim() : '' })()`,
        )) as string;
        if (name.test(focused)) return focused;
      }
      throw new Error(`could not reach ${name} with Tab`);
    };
    await kb.goto(`${wb.address}/signin`);
    await tabTo(/^email$/); // the e-mail field, by its name
    await kb.keyboard.type('ana@dragnet.test');
    await kb.keyboard.press('Tab');
    await kb.keyboard.type('correct horse battery staple');
    await kb.keyboard.press('Enter');
    await kb.getByRole('navigation', { name: 'Main' }).waitFor();
    expect(await tabTo(/^Skip to content$/, 1)).toBe('Skip to content');
    await tabTo(/^Triage$/);
    await kb.keyboard.press('Enter');
    await kb.getByRole('button', { name: 'Confirm' }).first().waitFor();
    const before = await db().selectFrom('reportReviews').select('id').execute();
    await tabTo(/^Confirm$/);
    await kb.keyboard.press('Enter');
    await until('the keyboard review', async () => {
      const after = await db().selectFrom('reportReviews').select('id').execute();
      return after.length > before.length ? true : undefined;
    });
    await kb.context().close();
  });

  it('shows the exclusion lists', async () => {
    await page.getByRole('link', { name: 'Exclusions' }).click();
    await page
      .getByRole('heading', { name: /Exclusions/ })
      .first()
      .waitFor();
    await page.waitForLoadState('networkidle');
    await audit('exclusions');
  });
});
