import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  saveScreenshot,
  signIn,
  startWorkbench,
  type Workbench,
} from './helpers/workbench.js';

/**
 * The analyst's workbench in a real Chromium against a server on loopback with a simulated world:
 * the flows investigators use every day, axe-core on every main page, and a screenshot of each.
 */
describe('the workbench in Chromium', () => {
  let wb: Workbench;

  beforeAll(async () => {
    wb = await startWorkbench();
  }, 180_000);
  afterAll(async () => {
    await wb?.close();
  });

  it('sends people who are not signed in to the sign-in page, which has no accessibility violations', async () => {
    const page = await wb.newPage();
    await page.goto(`${wb.address}/operations`);
    await page.getByRole('heading', { name: 'Sign in to Dragnet' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/signin');
    expect(await axeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'sign-in');
    await page.getByLabel('E-mail').fill('ana@dragnet.test');
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/wrong e-mail or password/);
    await page.context().close();
  });

  it('signs in with a Secure httpOnly cookie the page cannot read', async () => {
    const page = await wb.newPage();
    await signIn(page, wb.address, 'analyst');
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === 'dragnet_session')).toMatchObject({
      httpOnly: true,
      secure: true,
      sameSite: 'Strict',
    });
    expect(await page.evaluate('document.cookie')).toBe('');
    await page.context().close();
  });
});
