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
 * Cases, sharing and the audit log in a real Chromium against a server on loopback with a simulated
 * world: an analyst takes an operation to a new case, writes its history, moves it on, records a victim's
 * declaration and builds a referral package whose dossier opens as a PDF; an admin creates a partner key
 * (shown once), revokes it, and checks the audit chain. axe-core finds no WCAG 2.1 A/AA or best-practice
 * violation on the cases, case, sharing and audit pages; screenshots go to test-results/workbench.
 */
describe('cases, sharing and the audit log in the workbench', () => {
  let wb: Workbench;
  let page: Page;
  let caseId: string;
  const recipient = 'BKA SO41 (cybercrime)';
  const db = () => wb.running.ctx.store.db;

  beforeAll(async () => {
    wb = await startWorkbench();
  }, 180_000);
  afterAll(async () => {
    await wb?.close();
  });

  /** Checks the page as it is now with axe-core and saves its screenshot. */
  const audit = async (p: Page, name: string) => {
    expect(await axeViolations(p), name).toEqual([]);
    await saveScreenshot(p, name);
  };

  it('opens a new case from an operation page, with the operation in it', async () => {
    const top = await db()
      .selectFrom('operations')
      .select('id')
      .orderBy('priority', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    page = await wb.newPage();
    await signIn(page, wb.address, 'analyst');
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link', { name: 'Cases' }).count()).toBe(1);
    expect(await nav.getByRole('link', { name: 'Sharing' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Audit' }).count()).toBe(0);
    await page.goto(`${wb.address}/operations/${top.id}#sharing`);
    const sharing = page.getByRole('region', { name: 'Sharing and cases' });
    await sharing.getByText('TLP:AMBER').first().waitFor();
    expect(await sharing.getByRole('link', { name: 'STIX 2.1 bundle' }).getAttribute('href')).toBe(
      `/api/export/stix?operation=${top.id}`,
    );
    await sharing.getByRole('link', { name: 'Open a new case with this operation' }).click();
    const form = page.getByRole('form', { name: 'New case' });
    await form.getByRole('link', { name: top.id }).waitFor();
    await form.getByLabel('Title').fill('Geek Squad refund callers, DACH');
    await form.getByLabel('Agency').fill('BKA');
    await form.getByLabel('Jurisdictions').fill('de, at');
    await page.waitForLoadState('networkidle');
    await audit(page, 'cases');
    await form.getByRole('button', { name: 'Open the case' }).click();
    await page.getByRole('heading', { name: /Geek Squad refund callers, DACH/ }).waitFor();
    caseId = new URL(page.url()).pathname.split('/').pop()!;
    const stored = await db()
      .selectFrom('cases')
      .select(['title', 'agency', 'jurisdictions', 'status', 'tlp'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({
      title: 'Geek Squad refund callers, DACH',
      agency: 'BKA',
      jurisdictions: ['DE', 'AT'],
      status: 'draft',
      tlp: 'amber',
    });
    const ops = page.getByRole('region', { name: 'Operations' });
    await ops.getByRole('link', { name: top.id }).waitFor();
  });

  it('adds a note and an outcome to the history and moves the case to referred', async () => {
    const note = page.getByRole('form', { name: 'Add a note' });
    await note.getByLabel('Note').fill('Called the victim in Graz: the script matches the DACH call centre.');
    await note.getByRole('button', { name: 'Add note' }).click();
    const history = page.getByRole('list', { name: 'History, oldest first' });
    await history.getByText('the script matches the DACH call centre').waitFor();
    const outcome = page.getByRole('form', { name: 'Add an outcome' });
    await outcome.getByLabel('Type').selectOption('arrest');
    await outcome.getByLabel('Quantity').fill('3');
    await outcome.getByLabel('Date').fill('2026-03-01');
    await outcome.getByRole('button', { name: 'Add outcome' }).click();
    await history.getByText('Arrests (3)').waitFor();
    await page.getByRole('button', { name: 'Move to Referred' }).click();
    await page
      .getByRole('list', { name: 'Case status' })
      .locator('[aria-current="step"]', { hasText: 'Referred' })
      .waitFor();
    await history.getByText('draft → referred').waitFor();
    const entries = await db()
      .selectFrom('caseEntries')
      .select(['kind', 'subtype', 'quantity'])
      .where('caseId', '=', caseId)
      .orderBy('id')
      .execute();
    expect(entries.map((e) => e.kind)).toEqual(['status', 'note', 'outcome', 'status']);
    expect(entries[2]).toMatchObject({ subtype: 'arrest', quantity: 3 });
    const { status } = await db()
      .selectFrom('cases')
      .select('status')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(status).toBe('referred');
  });

  it("records a victim's declaration and consent", async () => {
    const record = page.getByRole('button', { name: /^Record declaration of / }).first();
    const who = (await record.getAttribute('aria-label'))!.replace('Record declaration of ', '');
    await record.click();
    const form = page.getByRole('form', { name: `Declaration of victim ${who}` });
    await form
      .getByLabel('Declaration')
      .fill('I was told my computer was hacked and paid €1,699 in bitcoin.');
    await form.getByLabel('Consent to be contacted').selectOption('given');
    await form.getByRole('button', { name: 'Save declaration' }).click();
    await page.getByText(`Declaration of ${who} recorded (consent: given).`).waitFor();
    const stored = await db()
      .selectFrom('caseVictims')
      .select(['declaration', 'consent', 'takenBy'])
      .where('caseId', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({
      declaration: 'I was told my computer was hacked and paid €1,699 in bitcoin.',
      consent: 'given',
      takenBy: 'ana@dragnet.test',
    });
  });

  it('builds a referral package, lists it with its files, and opens its dossier as a PDF', async () => {
    const form = page.getByRole('form', { name: 'Build a referral package' });
    // Only an admin may send victims' personal data: an analyst is not offered the choice.
    expect(await form.getByRole('checkbox').count()).toBe(0);
    await form.getByLabel('Recipient').fill(recipient);
    await form.getByRole('button', { name: 'Build package' }).click();
    await page.getByText(`Package for ${recipient} built, redacted.`).waitFor({ timeout: 60_000 });
    const item = page.getByRole('listitem').filter({ hasText: recipient });
    await item.getByText('Files and SHA-256').click();
    const files = item.getByRole('table');
    await files.getByRole('link', { name: 'dossier.pdf' }).waitFor();
    expect(await files.textContent()).toMatch(/manifest\.json|stix-bundle\.json/);
    expect(await files.textContent()).toMatch(/[0-9a-f]{64}/);
    await page.waitForLoadState('networkidle');
    await audit(page, 'case');
    const href = (await item.getByRole('link', { name: 'Open dossier (PDF)' }).getAttribute('href'))!;
    expect(href).toMatch(/^\/api\/referrals\/\d+\/files\/dossier\.pdf$/);
    const pdf = await page.request.get(`${wb.address}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const zip = await page.request.get(
      `${wb.address}${await item.getByRole('link', { name: 'Download package (.zip)' }).getAttribute('href')}`,
    );
    expect(zip.headers()['content-type']).toBe('application/zip');
  });

  it('lets an admin create a partner key, shows it once, and revokes it', async () => {
    page = await wb.newPage();
    await signIn(page, wb.address, 'admin');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sharing' }).click();
    const form = page.getByRole('form', { name: 'New partner key' });
    await form.waitFor();
    await page.waitForLoadState('networkidle');
    await audit(page, 'sharing');
    await form.getByLabel('Name', { exact: true }).fill('Telco X abuse desk');
    await form.getByLabel(/Export STIX and MISP/).check();
    await form.getByLabel('TLP ceiling').selectOption('green');
    await form.getByRole('button', { name: 'Create key' }).click();
    await page.getByRole('heading', { name: 'Key for Telco X abuse desk: shown once' }).waitFor();
    const key = await page.getByRole('textbox', { name: 'API key' }).inputValue();
    expect(key).toMatch(/^dgk_[0-9a-f]{12}\.[A-Za-z0-9_-]{43}$/);
    expect(await page.getByRole('textbox', { name: 'API key' }).getAttribute('readonly')).not.toBeNull();
    await saveScreenshot(page, 'sharing-new-key');
    const feed = (k: string) =>
      page.request.get(`${wb.address}/api/feeds/phones.txt`, { headers: { authorization: `Bearer ${k}` } });
    expect((await feed(key)).status()).toBe(200);
    await page.getByRole('button', { name: 'I have stored it' }).click();
    expect(await page.getByRole('textbox', { name: 'API key' }).count()).toBe(0);
    const row = page.getByRole('row').filter({ hasText: 'Telco X abuse desk' });
    await row.getByRole('button', { name: /^Revoke the key Telco X abuse desk/ }).click();
    await row.getByRole('button', { name: 'Confirm revoke' }).click();
    await row.getByText('revoked').waitFor();
    const stored = await db()
      .selectFrom('apiKeys')
      .select(['name', 'scopes', 'revokedAt'])
      .executeTakeFirstOrThrow();
    expect(stored.name).toBe('Telco X abuse desk');
    expect([...stored.scopes].sort()).toEqual(['export:read', 'feeds:read']);
    expect(stored.revokedAt).not.toBeNull();
    expect((await feed(key)).status()).toBe(401);
  });

  it('shows the audit log, filters it, and verifies the chain intact', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit' }).click();
    await page.getByRole('table').getByRole('row').nth(1).waitFor();
    await page.waitForLoadState('networkidle');
    await audit(page, 'audit');
    await page.getByRole('button', { name: 'Verify chain' }).click();
    const verdict = page.getByRole('status').filter({ hasText: 'Chain' });
    await verdict.waitFor();
    expect(await verdict.textContent()).toMatch(
      /Chain intact: [\d,]+ rows; head row #\d+, hash [0-9a-f]{64}/,
    );
    await page.getByLabel('Action (or its start)').fill('referral.');
    await page.getByRole('button', { name: 'Filter' }).click();
    await until('the referral rows', async () =>
      (await page.getByRole('cell', { name: 'referral.create' }).count()) > 0 ? true : undefined,
    );
    const actions = await page.getByRole('row').locator('td:nth-child(4)').allTextContents();
    expect(new Set(actions)).toEqual(new Set(['referral.create', 'referral.view', 'referral.download']));
    await saveScreenshot(page, 'audit-filtered');
  });

  it('shows partners only the operations, and tells them the admin pages are not theirs', async () => {
    const partner = await wb.newPage();
    await signIn(partner, wb.address, 'partner');
    const links = await partner.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents();
    expect(links).toEqual(['Operations']);
    await partner.goto(`${wb.address}/audit`);
    await partner.getByText('This page is for admins only.').waitFor();
    await partner.context().close();
  });
});
