import type { BrowserContextOptions, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportInput } from '../src/core/report-input.js';
import { until } from './helpers/until.js';
import { axeViolations, saveScreenshot, startWorkbench, type Workbench } from './helpers/workbench.js';

/** A screenshot of a fake "Windows Defender" popup, as a victim would take one. */
async function popupScreenshot(text: string): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360">
    <rect width="640" height="360" fill="#0a5fb4"/>
    <text x="24" y="80" font-size="28" fill="#fff" font-family="sans-serif">${text}</text>
  </svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** An invoice e-mail as a victim would save it from their mail program. */
const INVOICE_EML = Buffer.from(
  [
    'From: "Service Facturation" <facturation@securite-pc-aide.fr>',
    'To: jeanne@example.fr',
    'Subject: Votre abonnement Norton a été renouvelé : 399,99 €',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Pour annuler, appelez le 01 86 95 77 31.',
  ].join('\r\n'),
);

/** The reference the page shows for a report id (the id's last 8 characters, grouped). */
const referenceOf = (id: string) => {
  const tail = id
    .replace(/[^0-9a-z]/gi, '')
    .slice(-8)
    .toUpperCase();
  return `${tail.slice(0, 4)}-${tail.slice(4)}`;
};

/**
 * The public portal in a real Chromium against a server on loopback: a victim reports a scam in English
 * and in French with evidence, sends twice by accident, retries after a refusal, checks a number before
 * and after it is known, switches language; axe-core on every page and step (no WCAG 2.1 A/AA or
 * best-practice violations), screenshots under test-results/workbench (portal-*).
 */
describe('the public portal in Chromium', () => {
  let wb: Workbench;
  const db = () => wb.running.ctx.store.db;
  const FR_PHONE = '01 86 95 12 34';
  const FR_PHONE_E164 = '+33186951234';

  beforeAll(async () => {
    wb = await startWorkbench();
  }, 180_000);
  afterAll(async () => {
    await wb?.close();
  });

  const open = async (path: string, options: BrowserContextOptions = {}) => {
    const context = await wb.browser.newContext({ viewport: { width: 1024, height: 800 }, ...options });
    const page = await context.newPage();
    await page.goto(`${wb.address}${path}`);
    return page;
  };
  /** Checks the page as it is now with axe-core and saves its screenshot. */
  const audit = async (page: Page, name: string) => {
    expect(await axeViolations(page), name).toEqual([]);
    await saveScreenshot(page, name);
  };
  const focusedText = (page: Page) => page.evaluate('document.activeElement?.textContent ?? ""');
  const portalReports = (language: string) =>
    db()
      .selectFrom('reports')
      .select(['id', 'externalId', 'intake', 'language', 'input'])
      .where('intake', '=', 'portal')
      .where('language', '=', language)
      .execute();
  /** Clicks "Next" and waits for the next step's heading to hold the focus. */
  const next = async (page: Page, label: string, step: string) => {
    await page.getByRole('button', { name: label, exact: true }).click();
    await until(
      `step "${step}"`,
      async () => ((await focusedText(page)) as string).includes(step) || undefined,
    );
  };

  it('home: two big choices, the one rule, and a discreet door for analysts', async () => {
    const page = await open('/', { locale: 'en-US' });
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.evaluate('document.documentElement.lang')).toBe('en');
    await page.getByRole('link', { name: /Report a scam/ }).waitFor();
    await page.getByRole('link', { name: /Check a phone number or website/ }).waitFor();
    expect(await page.getByText('A real error message never shows a phone number.').count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Analysts: sign in' }).getAttribute('href')).toBe('/signin');
    await audit(page, 'portal-home');
    await page.context().close();
  });

  it('check: a number nobody reported is "not known", which does not mean safe', async () => {
    const page = await open('/check', { locale: 'en-GB' });
    await page.getByLabel('Phone number or website').fill(`+33 ${FR_PHONE.slice(1)}`);
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.getByText('Not known to Dragnet').waitFor();
    expect(await page.getByText('This does not mean it is safe.', { exact: false }).count()).toBe(1);
    expect(await page.getByText('A real error message never shows a phone number.').count()).toBe(1);
    await audit(page, 'portal-check-unknown');
    await page.context().close();
  });

  it('reports in English step by step with a screenshot; a double click sends one report', async () => {
    const page = await open('/report', { locale: 'en-US' });
    const requests: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/api/reports') && r.method() === 'POST') requests.push(r.postData() ?? '');
    });

    // Step 1: what happened, with a screenshot of the popup.
    await page.getByRole('heading', { name: /Step 1 of 6/ }).waitFor();
    expect(await focusedText(page)).toMatch(/Step 1 of 6.*What happened\?/);
    await page
      .getByLabel('Tell us in your own words')
      .fill(
        'A blue warning said my computer was blocked and to call Microsoft. The man asked for gift cards.',
      );
    await page.getByLabel('Microsoft or Windows').check();
    const uploaded = page.waitForResponse((r) => r.url().endsWith('/api/uploads'));
    await page.getByLabel('Add a screenshot or an e-mail').setInputFiles({
      name: 'popup.png',
      mimeType: 'image/png',
      buffer: await popupScreenshot('Windows Defender: call +1 844 309 7712'),
    });
    const upload = (await (await uploaded).json()) as { sha256: string };
    expect(upload.sha256).toMatch(/^[0-9a-f]{64}$/);
    await page.getByRole('button', { name: 'Remove popup.png' }).waitFor();
    await audit(page, 'portal-report-1-happened');

    // Step 2: how they reached the victim.
    await next(page, 'Next', 'Step 2 of 6');
    await page.getByLabel('A message or warning appeared on my screen').check();
    await audit(page, 'portal-report-2-channel');

    // Step 3: numbers and websites (two phone numbers).
    await next(page, 'Next', 'Step 3 of 6');
    await page.getByLabel('Phone number 1').fill('+1 844 309 7712');
    await page.getByRole('button', { name: 'Add another phone number' }).click();
    await page.getByLabel('Phone number 2').fill('(877) 412-6630');
    await page.getByLabel('Website 1').fill('https://defender-alert-4471.azurewebsites.net/?pn=18443097712');
    await audit(page, 'portal-report-3-contacts');

    // Step 4: money (gift cards), checked that going back loses nothing.
    await next(page, 'Next', 'Step 4 of 6');
    await page.getByLabel('Yes, and I paid').check();
    await page.getByLabel('Gift cards', { exact: true }).check();
    await page.getByLabel('How much?').fill('500');
    await page.getByLabel('Which gift cards?').selectOption('Apple');
    await page.getByRole('button', { name: 'Back' }).click();
    await until(
      'step 3',
      async () => ((await focusedText(page)) as string).includes('Step 3 of 6') || undefined,
    );
    expect(await page.getByLabel('Phone number 2').inputValue()).toBe('(877) 412-6630');
    await next(page, 'Next', 'Step 4 of 6');
    expect(await page.getByLabel('How much?').inputValue()).toBe('500');
    expect(await page.getByLabel('Which gift cards?').inputValue()).toBe('Apple');
    await audit(page, 'portal-report-4-money');

    // Step 5: remote access with AnyDesk.
    await next(page, 'Next', 'Step 5 of 6');
    await page.getByLabel('Yes', { exact: true }).check();
    await page.getByLabel('AnyDesk').check();
    await page.getByLabel('The code or ID they asked you for').fill('123 456 789');
    await audit(page, 'portal-report-5-remote');

    // Step 6: about the victim; the country comes from the browser (en-US).
    await next(page, 'Next', 'Step 6 of 6');
    expect(await page.getByLabel('Country where you live').inputValue()).toBe('US');
    await page.getByLabel('Your age (optional)').selectOption('70_79');
    await page.getByLabel('The police may see my report and contact me').check();
    await audit(page, 'portal-report-6-about');

    // Two clicks in the same instant (a trembling hand): one report.
    await page.evaluate(`(() => {
      const send = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Send my report');
      send.click();
      send.click();
    })()`);
    await page.getByRole('heading', { name: 'Thank you. Your report has been received.' }).waitFor();
    const stored = await until('the report', async () => {
      const rows = await portalReports('en');
      return rows.length > 0 ? rows : undefined;
    });
    expect(stored).toHaveLength(1);
    expect(new Set(requests.map((r) => (JSON.parse(r) as ReportInput).externalId)).size).toBe(1);
    const report = stored[0]!;
    expect(report.intake).toBe('portal');
    expect(report.input).toMatchObject({
      source: 'portal',
      language: 'en',
      channel: 'popup',
      impersonatedBrand: 'Microsoft',
      callbackNumbers: ['+1 844 309 7712', '(877) 412-6630'],
      urls: ['https://defender-alert-4471.azurewebsites.net/?pn=18443097712'],
      payments: [
        { method: 'gift_card', amount: 500, currency: 'USD', recipient: { giftCardBrand: 'Apple' } },
      ],
      remoteAccess: { tool: 'AnyDesk', sessionIds: ['123 456 789'] },
      victim: { country: 'US', ageBand: '70_79' },
      consent: { lawEnforcementContact: true, partnerSharing: false },
      evidence: [{ sha256: upload.sha256, mediaType: 'image/png' }],
    });
    expect(report.input.narrative).toMatch(/^What happened\?\nA blue warning/);
    expect(report.input.victim).not.toHaveProperty('email');

    // The reference and advice that fits: gift cards (Apple), AnyDesk, the popup, US police sites.
    expect(await page.getByTestId('reference').textContent()).toBe(referenceOf(report.id));
    const advice = (await page.locator('.advice').textContent()) ?? '';
    expect(advice).toContain('Hang up');
    expect(advice).toContain('Call Apple now');
    expect(advice).toContain('Uninstall AnyDesk');
    expect(advice).toContain('close the browser');
    expect(advice).not.toContain('Call your bank');
    expect(await page.getByRole('link', { name: 'reportfraud.ftc.gov' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'ic3.gov' }).count()).toBe(1);
    await audit(page, 'portal-report-done');
    await page.context().close();
  });

  it('reports in French with an e-mail and a screenshot; kept whole and sent once after a refusal (429)', async () => {
    const page = await open('/report', { locale: 'fr-FR' });
    await page.getByRole('heading', { name: /Étape 1 sur 6/ }).waitFor();
    expect(await page.evaluate('document.documentElement.lang')).toBe('fr');
    await page
      .getByLabel('Racontez avec vos mots')
      .fill(
        "Un e-mail disait que mon abonnement Norton était renouvelé. J'ai appelé et j'ai fait un virement.",
      );
    const shot = page.waitForResponse((r) => r.url().endsWith('/api/uploads'));
    await page.getByLabel('Ajouter une capture d’écran ou un e-mail').setInputFiles({
      name: 'capture.png',
      mimeType: 'image/png',
      buffer: await popupScreenshot('Norton : appelez le 01 86 95 12 34'),
    });
    const png = (await (await shot).json()) as { sha256: string };
    await next(page, 'Suivant', 'Étape 2 sur 6');
    await page.getByLabel('Un e-mail', { exact: true }).check();
    const mail = page.waitForResponse((r) => r.url().endsWith('/api/uploads'));
    await page.getByLabel('Ajouter une capture d’écran ou un e-mail').setInputFiles({
      name: 'facture.eml',
      mimeType: 'message/rfc822',
      buffer: INVOICE_EML,
    });
    const eml = (await (await mail).json()) as { sha256: string; mediaType: string };
    expect(eml.mediaType).toBe('message/rfc822');
    await page.getByRole('button', { name: 'Retirer facture.eml' }).waitFor();
    await next(page, 'Suivant', 'Étape 3 sur 6');
    await page.getByLabel('Numéro de téléphone 1').fill(FR_PHONE);
    await page.getByLabel('Adresse e-mail 1').fill('facturation@securite-pc-aide.fr');
    await next(page, 'Suivant', 'Étape 4 sur 6');
    await page.getByLabel('Oui, et j’ai payé').check();
    await page.getByLabel('Virement bancaire').check();
    await page.getByLabel('Combien ?').fill('1 250,50');
    expect(await page.getByLabel('Monnaie', { exact: true }).inputValue()).toBe('EUR');
    await page.getByLabel('Nom ou compte qu’ils vous ont donné').fill('FR76 3000 6000 0112 3456 7890 189');
    await next(page, 'Suivant', 'Étape 5 sur 6');
    await page.getByLabel('Non', { exact: true }).check();
    await next(page, 'Suivant', 'Étape 6 sur 6');
    expect(await page.getByLabel('Pays où vous vivez').inputValue()).toBe('FR');
    await page.getByLabel('Oui, vous pouvez me contacter au sujet de mon signalement').check();
    await page.getByRole('button', { name: 'Envoyer mon signalement' }).click();
    // Consent to contact without a way to contact: said, and the focus goes to the message.
    await page.getByRole('alert').filter({ hasText: 'Donnez une adresse e-mail' }).waitFor();
    await page.getByLabel('Votre adresse e-mail').fill('jeanne@example.fr');
    await page.getByLabel('La police peut voir mon signalement et me contacter').check();

    // The server is busy once (429): a kind message, the answers kept, the same key on the retry.
    const keys: string[] = [];
    let refused = false;
    await page.route('**/api/reports', async (route) => {
      keys.push((JSON.parse(route.request().postData() ?? '{}') as ReportInput).externalId ?? '');
      if (!refused) {
        refused = true;
        await route.fulfill({
          status: 429,
          contentType: 'application/json',
          body: '{"error":"rate_limited","message":"slow down"}',
        });
      } else await route.continue();
    });
    await page.getByRole('button', { name: 'Envoyer mon signalement' }).click();
    await page.getByRole('alert').filter({ hasText: 'Vos réponses sont conservées' }).waitFor();
    expect(await page.getByLabel('Votre adresse e-mail').inputValue()).toBe('jeanne@example.fr');
    await saveScreenshot(page, 'portal-report-retry');
    await page.getByRole('button', { name: 'Envoyer mon signalement' }).click();
    await page.getByRole('heading', { name: 'Merci. Nous avons bien reçu votre signalement.' }).waitFor();
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);

    const [report] = await portalReports('fr');
    expect(report!.externalId).toBe(keys[0]);
    expect(report!.input).toMatchObject({
      language: 'fr',
      channel: 'email',
      callbackNumbers: [FR_PHONE],
      emails: ['facturation@securite-pc-aide.fr'],
      payments: [
        {
          method: 'bank_transfer',
          amount: 1250.5,
          currency: 'EUR',
          recipient: { iban: 'FR76 3000 6000 0112 3456 7890 189' },
        },
      ],
      victim: { country: 'FR', email: 'jeanne@example.fr' },
      consent: { lawEnforcementContact: true, partnerSharing: false },
    });
    expect(report!.input.evidence?.map((e) => e.sha256)).toEqual([png.sha256, eml.sha256]);
    expect(report!.input).not.toHaveProperty('remoteAccess');
    expect(await page.getByTestId('reference').textContent()).toBe(referenceOf(report!.id));
    const advice = (await page.locator('.advice').textContent()) ?? '';
    expect(advice).toContain('Appelez votre banque maintenant');
    expect(advice).not.toContain('Désinstallez');
    expect(await page.getByRole('link', { name: 'internet-signalement.gouv.fr' }).count()).toBe(1);
    await audit(page, 'portal-report-done-fr');
    await page.context().close();
  });

  it('check: the same number is known once the report naming it is processed', async () => {
    const [report] = await portalReports('fr');
    await until(
      'the French report to be processed',
      async () =>
        (await db()
          .selectFrom('reportIndicators')
          .select('value')
          .where('reportId', '=', report!.id)
          .where('value', '=', FR_PHONE_E164)
          .executeTakeFirst()) ?? undefined,
      120_000,
    );
    await until('the French report to be linked', async () =>
      db()
        .selectFrom('reportOperations')
        .select('operationId')
        .where('reportId', '=', report!.id)
        .executeTakeFirst(),
    );
    const page = await open('/check', { locale: 'fr-FR' });
    expect(await page.getByLabel('Pays du numéro de téléphone').inputValue()).toBe('FR');
    await page.getByLabel('Numéro de téléphone ou site').fill(FR_PHONE);
    await page.getByRole('button', { name: 'Vérifier', exact: true }).click();
    await page.getByText('Connu de Dragnet comme une arnaque').waitFor();
    expect(await page.getByText('Signalé une fois').count()).toBe(1);
    expect(await page.getByText(/Vu pour la dernière fois le/).count()).toBe(1);
    // Counts only: nothing the victim told is shown.
    const text = (await page.locator('main').textContent()) ?? '';
    for (const secret of ['jeanne', 'Norton', 'FR76', report!.id]) expect(text).not.toContain(secret);
    await audit(page, 'portal-check-known');
    await page.context().close();
  });

  it('works with the keyboard alone: skip link, answers, and Next with the focus on the new step', async () => {
    const page = await open('/', { locale: 'en-US' });
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe('Skip to content');
    /** Tabs until the focused element's text matches (a bounded walk through the page). */
    const tabTo = async (text: RegExp) => {
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        if (text.test((await focusedText(page)) as string)) return;
      }
      throw new Error(`never reached ${text}`);
    };
    await tabTo(/^Report a scam/);
    await page.keyboard.press('Enter');
    await until(
      'step 1',
      async () => ((await focusedText(page)) as string).includes('Step 1 of 6') || undefined,
    );
    await page.keyboard.press('Tab');
    await page.keyboard.type('They called me about a virus.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    expect(await page.getByLabel('Microsoft or Windows').isChecked()).toBe(true);
    await tabTo(/^Next$/);
    await page.keyboard.press('Enter');
    await until(
      'step 2',
      async () => ((await focusedText(page)) as string).includes('Step 2 of 6') || undefined,
    );
    await page.getByRole('button', { name: 'Back' }).press('Enter');
    await until(
      'step 1 again',
      async () => ((await focusedText(page)) as string).includes('Step 1 of 6') || undefined,
    );
    expect(await page.getByLabel('Tell us in your own words').inputValue()).toBe(
      'They called me about a virus.',
    );
    await page.context().close();
  });

  it('switches language, remembers it, and sets <html lang>', async () => {
    const page = await open('/', { locale: 'de-DE' });
    await page
      .getByRole('heading', { name: 'Hat jemand behauptet, Ihren Computer zu reparieren?' })
      .waitFor();
    await page.getByRole('button', { name: '日本語' }).click();
    await page.getByRole('heading', { name: 'パソコンを直すと言われて、お金を求められましたか？' }).waitFor();
    expect(await page.evaluate('document.documentElement.lang')).toBe('ja');
    await page.reload();
    await page.getByRole('link', { name: /詐欺を報告する/ }).waitFor();
    expect(await page.evaluate('document.documentElement.lang')).toBe('ja');
    await audit(page, 'portal-home-ja');
    await page.getByRole('link', { name: /詐欺を報告する/ }).click();
    await page.getByRole('heading', { name: /ステップ 1／6/ }).waitFor();
    await audit(page, 'portal-report-1-ja');
    await page.context().close();
  });

  it('fits a 360 px wide phone screen with large targets', async () => {
    for (const path of ['/', '/report', '/check']) {
      const page = await open(path, {
        locale: 'es-ES',
        viewport: { width: 360, height: 740 },
        hasTouch: true,
      });
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await page.evaluate('document.documentElement.scrollWidth'), path).toBeLessThanOrEqual(360);
      // Every button, link and choice is at least 44 px high (the honeypot is not for people).
      const small =
        await page.evaluate(`[...document.querySelectorAll('main button, main a, main label.choice, main select, main input[type=text]:not(#website), main input[type=date], main textarea')]
        .filter((e) => e.getBoundingClientRect().height > 0 && e.getBoundingClientRect().height < 44)
        .map((e) => e.outerHTML.slice(0, 80))`);
      expect(small, path).toEqual([]);
      await audit(page, `portal-360${path === '/' ? '-home' : path.replace('/', '-')}`);
      await page.context().close();
    }
  });
});
