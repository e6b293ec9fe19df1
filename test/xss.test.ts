import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportInput } from '../src/core/report-input.js';
import { saveCapture } from '../src/store/crawls.js';
import { fakeCapture } from './helpers/captures.js';
import { until } from './helpers/until.js';
import { PEOPLE, signIn, startWorkbench, type Workbench } from './helpers/workbench.js';
import { LIVE_MARKUP_PROBE, Planter, XSS_PAYLOADS } from './helpers/xss-corpus.js';

/** The phone every hostile report and the hostile capture share, so they make one operation. */
const PHONE = '+18445550177';

/** Fields of a report that take free text, with their lengths (LIMITS in report-input.ts). */
const REPORT_FIELDS: Array<[where: string, max: number]> = [
  ['externalId', 200],
  ['source', 100],
  ['impersonatedBrand', 200],
  ['callbackNumbers', 64],
  ['urls', 2048],
  ['emails', 320],
  ['companyNames', 200],
  ['scammerNames', 200],
  ['remoteAccess.tool', 200],
  ['remoteAccess.sessionIds', 100],
  ['recipient.name', 200],
  ['recipient.merchantDescriptor', 200],
  ['recipient.accountNumber', 64],
  ['recipient.iban', 64],
  ['recipient.walletAddress', 128],
  ['recipient.chain', 32],
  ['recipient.giftCardBrand', 200],
  ['narrative', 20_000],
  ['victim.region', 200],
  ['victim.name', 200],
  ['victim.email', 320],
  ['victim.phone', 64],
  ['evidence.filename', 255],
  ['evidence.mediaType', 100],
];

/** One report holding `template`'s payload (with its own id) in every free-text field. */
function hostileReport(planter: Planter, template: (id: number) => string): ReportInput {
  const v = Object.fromEntries(
    REPORT_FIELDS.map(([where, max]) => [where, planter.plant(where, max, template)]),
  );
  return {
    externalId: v.externalId,
    source: v.source,
    channel: 'popup',
    impersonatedBrand: v.impersonatedBrand,
    callbackNumbers: [v.callbackNumbers!, '+1 844 555 0177'],
    urls: [v.urls!, 'https://win-defender-alert-0177.com/warning'],
    emails: [v.emails!, 'billing@win-defender-alert-0177.com'],
    companyNames: [v.companyNames!],
    scammerNames: [v.scammerNames!],
    remoteAccess: { tool: v['remoteAccess.tool'], sessionIds: [v['remoteAccess.sessionIds']!] },
    payments: [
      {
        method: 'gift_card',
        amount: 300,
        currency: 'USD',
        recipient: {
          name: v['recipient.name'],
          merchantDescriptor: v['recipient.merchantDescriptor'],
          accountNumber: v['recipient.accountNumber'],
          iban: v['recipient.iban'],
          walletAddress: v['recipient.walletAddress'],
          chain: v['recipient.chain'],
          giftCardBrand: v['recipient.giftCardBrand'],
        },
      },
    ],
    narrative: `${v.narrative} The popup said to call +1 (844) 555-0177 and pay $300 in gift cards.`,
    victim: {
      country: 'US',
      region: v['victim.region'],
      name: v['victim.name'],
      email: v['victim.email'],
      phone: v['victim.phone'],
    },
    consent: { lawEnforcementContact: true, partnerSharing: true },
    evidence: [
      { sha256: 'c'.repeat(64), filename: v['evidence.filename'], mediaType: v['evidence.mediaType'] },
    ],
  };
}

/** What a visit saw: scripts that ran, sentinel loads, dialogs, CSP reports, live markup, and the text. */
interface Seen {
  ran: string[];
  sentinels: string[];
  dialogs: string[];
  violations: string[];
  live: string[];
}

/**
 * Every report field, crawl capture field, case field, exclusion, decision reason and key name holds a
 * payload that runs script or loads a sentinel URL if rendered as markup; every workbench page that shows
 * them, and the public check page, is visited in a real Chromium. Nothing may run, load, open a dialog or
 * trip the CSP, no live markup may reach the DOM (so the CSP is not what saves us: a second tour with the
 * CSP switched off proves it), and the payloads must be on screen as text (so the pages really render them).
 */
describe('stored XSS across the workbench and the portal', () => {
  let wb: Workbench;
  const planter = new Planter();
  const reportIds: string[] = [];
  let operationId = '';
  let captureId = '';
  let caseId = '';
  const searched: string[] = [];
  /** Planted id → pages where its text was on screen. */
  const shownOn = new Map<number, Set<string>>();
  const db = () => wb.running.ctx.store.db;

  /** The API as the admin, through a session (cookie and CSRF token), as the workbench calls it. */
  let api: (method: string, path: string, body?: unknown) => Promise<Response>;

  beforeAll(async () => {
    wb = await startWorkbench({
      world: { reports: 30, seed: 9, start: '2026-01-01', days: 90, operations: 3 },
    });
    const signedIn = await fetch(`${wb.address}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: PEOPLE.admin.email, password: PEOPLE.admin.password }),
    });
    const cookie = signedIn.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
    api = async (method, path, body) => {
      const res = await fetch(`${wb.address}${path}`, {
        method,
        headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return res;
    };

    // Reports, through the API like any partner's.
    for (const template of XSS_PAYLOADS) {
      const res = await api('POST', '/api/reports', hostileReport(planter, template));
      reportIds.push(((await res.json()) as { id: string }).id);
    }
    // The worker reads and links them: one operation, through the phone, site and e-mail they share.
    operationId = await until('the hostile reports to be linked', async () => {
      const rows = await db()
        .selectFrom('reportOperations')
        .select('operationId')
        .where('reportId', 'in', reportIds)
        .execute();
      const ops = new Set(rows.map((r) => r.operationId));
      return rows.length === reportIds.length && ops.size === 1 ? [...ops][0] : undefined;
    });

    // A crawl capture, as the crawler would store a hostile page.
    const p = (where: string, max = 2000) =>
      planter.plant(where, max, XSS_PAYLOADS[planter.planted.length % XSS_PAYLOADS.length]!);
    const capture = fakeCapture(`https://xss.example/${p('capture.url')}`, [PHONE], [], new Date());
    Object.assign(capture, {
      title: p('capture.title', 200),
      finalUrl: `https://xss.example/final/${p('capture.finalUrl')}`,
      redirectChain: [
        `https://xss.example/1/${p('capture.redirect')}`,
        `https://xss.example/2/${p('capture.redirect')}`,
      ],
      text: p('capture.text'),
      dialogs: [{ type: 'alert', message: p('capture.dialog') }],
      authRealms: [p('capture.authRealm')],
      error: p('capture.error'),
      fingerprints: [{ kind: 'tracking_id', value: p('capture.trackingId', 200), source: 'html' }],
    });
    captureId = await saveCapture(db(), capture, [{ kind: 'phone', value: PHONE, source: 'text' }], {
      origin: 'api',
    });
    await db().updateTable('crawlCaptures').set({ operationId }).where('id', '=', captureId).execute();

    // A case with every kind of entry, a victim's declaration and a referral.
    const made = await api('POST', '/api/cases', {
      title: p('case.title', 200),
      summary: p('case.summary'),
      agency: p('case.agency', 200),
      operationIds: [operationId],
    });
    caseId = ((await made.json()) as { id: string }).id;
    await api('POST', `/api/cases/${caseId}/entries`, { kind: 'note', body: p('entry.note') });
    await api('POST', `/api/cases/${caseId}/entries`, { kind: 'task', body: p('entry.task') });
    await api('POST', `/api/cases/${caseId}/entries`, {
      kind: 'action',
      subtype: 'takedown_host',
      target: p('entry.action.target', 500),
      body: p('entry.action.body'),
    });
    await api('POST', `/api/cases/${caseId}/entries`, {
      kind: 'outcome',
      subtype: 'other',
      body: p('entry.outcome'),
    });
    await api('PUT', `/api/cases/${caseId}/victims/${reportIds[0]}`, {
      declaration: p('victim.declaration'),
      consent: 'given',
    });
    await api('POST', `/api/cases/${caseId}/referrals`, { recipient: p('referral.recipient', 200) });

    // An exclusion (of a kind that keeps a value it cannot read as typed), a decision and a partner key.
    await api('POST', '/api/exclusions', {
      kind: 'asset_hash',
      value: p('exclusion.value', 2048),
      mode: 'inform',
      reason: p('exclusion.reason'),
    });
    await api('POST', '/api/link-decisions/not-linked', {
      a: reportIds[1],
      b: reportIds[2],
      reason: p('decision.reason'),
    });
    await api('POST', '/api/keys', {
      name: p('key.name', 200),
      scopes: ['operations:read'],
      tlpCeiling: 'green',
    });
    searched.push(p('search.query', 300), p('search.query', 300));
  }, 240_000);
  afterAll(async () => {
    await wb?.close();
  });

  /** A signed-in admin's page that records everything a payload could do. */
  const openPage = async (
    bypassCSP: boolean,
  ): Promise<{ page: Page; context: BrowserContext; seen: Seen }> => {
    const context = await wb.browser.newContext({ viewport: { width: 1400, height: 900 }, bypassCSP });
    const seen: Seen = { ran: [], sentinels: [], dialogs: [], violations: [], live: [] };
    await context.exposeBinding('__xss', ({ page }, id: unknown) => {
      seen.ran.push(`${String(id)} on ${page.url()}`);
    });
    await context.exposeBinding('__cspViolation', (_source, what: string) => {
      seen.violations.push(what);
    });
    await context.addInitScript({
      content: `document.addEventListener('securitypolicyviolation', (e) =>
        window.__cspViolation(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '') + ' on ' + location.href));`,
    });
    const page = await context.newPage();
    page.on('request', (r) => {
      if (r.url().includes('xss-sentinel')) seen.sentinels.push(r.url());
    });
    page.on('dialog', (d) => {
      seen.dialogs.push(d.message());
      void d.dismiss().catch(() => undefined);
    });
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) seen.violations.push(m.text());
    });
    await signIn(page, wb.address, 'admin');
    return { page, context, seen };
  };

  /** Waits for the page's data, then records live markup and which planted texts are on screen. */
  const look = async (page: Page, seen: Seen, name: string, record = true) => {
    await page.waitForLoadState('networkidle');
    await page
      .getByText(/^Loading/)
      .first()
      .waitFor({ state: 'detached', timeout: 5_000 })
      .catch(() => undefined);
    const live = (await page.evaluate(LIVE_MARKUP_PROBE)) as string[];
    seen.live.push(...live.map((l) => `${l} on ${name}`));
    // What is on screen: the text, and what form fields hold (a declaration is edited in a textarea).
    const text = (await page.evaluate(
      `document.body.textContent + ' ' + [...document.querySelectorAll('input, textarea')].map((e) => e.value).join(' ')`,
    )) as string;
    for (const p of planter.planted) {
      if (!record || !text.includes(p.text)) continue;
      const pages = shownOn.get(p.id) ?? new Set<string>();
      pages.add(name);
      shownOn.set(p.id, pages);
    }
  };

  /** Visits every page that shows the planted values, and interacts where more appears on demand. */
  const tour = async (page: Page, seen: Seen) => {
    const go = async (path: string, name: string) => {
      await page.goto(`${wb.address}${path}`);
      await look(page, seen, name);
    };
    const triageTotal = reportIds.length + 40;
    for (let offset = 0; offset < triageTotal; offset += 20)
      await go(`/triage?status=all&offset=${offset}`, 'triage');
    await go('/operations', 'operations');
    await go(`/operations?q=${encodeURIComponent(PHONE)}`, 'search');
    for (const q of searched) await go(`/operations?q=${encodeURIComponent(q)}`, 'search');
    await go(`/operations/${operationId}`, 'operation');
    // The graph: expand the first nodes (their reports appear), and two reports' "why linked".
    const nodes = page.getByRole('list', { name: 'Graph nodes' }).getByRole('button');
    for (let i = 0; i < Math.min(4, await nodes.count()); i++) {
      await nodes.nth(i).click();
      await look(page, seen, 'operation graph');
    }
    const boxes = page.getByRole('checkbox', { name: /^Select / });
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.getByRole('button', { name: 'Why linked?' }).click();
    await page.getByRole('region', { name: 'Why linked' }).waitFor();
    await look(page, seen, 'why linked');
    const reportPages = page
      .getByRole('navigation', { name: 'Report pages' })
      .getByRole('button', { name: /Next/ });
    if (await reportPages.isEnabled()) {
      await reportPages.click();
      await look(page, seen, 'operation reports');
    }
    await go('/popups', 'popups');
    await go(`/popups?capture=${captureId}`, 'popup');
    await go('/exclusions', 'exclusions');
    await go('/cases', 'cases');
    await go(`/cases/${caseId}`, 'case');
    await page
      .getByRole('button', { name: /^Edit declaration of / })
      .first()
      .click();
    await look(page, seen, 'declaration form');
    await go('/sharing', 'sharing');
    await go('/audit', 'audit');
    // The public check page: a victim pastes a payload.
    for (const q of searched) {
      await page.goto(`${wb.address}/check`);
      await page.getByLabel(/Phone number or website/).fill(q);
      await page.getByRole('button', { name: 'Check', exact: true }).click();
      await page.locator('.check-results > *').first().waitFor({ timeout: 10_000 });
      await look(page, seen, 'check');
    }
  };

  const expectNothingRan = (seen: Seen) => {
    expect(seen.ran, 'payloads that ran').toEqual([]);
    expect(seen.sentinels, 'sentinel URLs requested').toEqual([]);
    expect(seen.dialogs, 'dialogs opened').toEqual([]);
    expect(seen.live, 'live markup from a payload in the DOM').toEqual([]);
  };

  it('sees a payload that does reach the DOM as markup (the detectors are not blind)', async () => {
    for (const bypassCSP of [true, false]) {
      const { page, context, seen } = await openPage(bypassCSP);
      await page.goto(`${wb.address}/exclusions`);
      await page.evaluate(
        `document.body.insertAdjacentHTML('beforeend', '<img src=x onerror=__xss(-1)><img src="/xss-sentinel/-2">')`,
      );
      await look(page, seen, 'control', false);
      await until('the control payload', async () => (seen.sentinels.length > 0 ? true : undefined), 5_000);
      expect(seen.live.join('\n')).toContain('IMG[onerror]');
      expect(seen.live.join('\n')).toContain('IMG[src=/xss-sentinel/-2]');
      if (bypassCSP) expect(seen.ran).toEqual([expect.stringMatching(/^-1 on /)]);
      else {
        expect(seen.ran).toEqual([]);
        expect(seen.violations.join('\n')).toMatch(/script-src/);
      }
      await context.close();
    }
  });

  it('runs nothing on any page, under the CSP, and trips no CSP rule', async () => {
    const { page, context, seen } = await openPage(false);
    await tour(page, seen);
    expectNothingRan(seen);
    expect(seen.violations, 'CSP violations (a payload reached the DOM as markup)').toEqual([]);
    await context.close();
  }, 180_000);

  it('runs nothing with the CSP switched off either: escaping, not the CSP, is what holds', async () => {
    const { page, context, seen } = await openPage(true);
    await tour(page, seen);
    expectNothingRan(seen);
    await context.close();
  }, 180_000);

  it('shows the payloads as text: every field the pages display is on screen, literally', () => {
    const where = new Map<string, Set<string>>();
    for (const p of planter.planted) {
      const pages = where.get(p.where) ?? new Set<string>();
      for (const page of shownOn.get(p.id) ?? []) pages.add(page);
      where.set(p.where, pages);
    }
    const table = [...where].map(
      ([field, pages]) => `${field.padEnd(28)} ${[...pages].sort().join(', ') || '—'}`,
    );
    // Fields some page shows as they were written; the others are shown normalised (indicators) or not at all.
    const SHOWN = [
      'externalId',
      'narrative',
      'capture.title',
      'capture.url',
      'capture.finalUrl',
      'capture.redirect',
      'capture.dialog',
      'case.title',
      'case.summary',
      'case.agency',
      'entry.note',
      'entry.task',
      'entry.action.target',
      'referral.recipient',
      'victim.declaration',
      'exclusion.value',
      'exclusion.reason',
      'decision.reason',
      'key.name',
      'search.query',
    ];
    const missing = SHOWN.filter((f) => (where.get(f)?.size ?? 0) === 0);
    expect(missing, table.join('\n')).toEqual([]);
    console.log(`Where each field's payload was on screen:\n${table.join('\n')}`);
  });
});
