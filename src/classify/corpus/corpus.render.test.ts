import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAMILIES } from './families.js';
import { generateSyntheticCorpus } from './generate.js';

describe('generated pages in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu'],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('renders a page of every family in every language with text and without console errors or requests', async () => {
    const pages = generateSyntheticCorpus({ seed: 21, perFamily: 5 });
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const tab = await context.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    tab.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    tab.on('pageerror', (error) => problems.push(error.message));
    tab.on('request', (request) => {
      if (!request.url().startsWith('data:')) requests.push(request.url());
    });
    tab.on('dialog', (dialog) => void dialog.dismiss());
    const rendered = new Set<string>();
    for (const page of pages) {
      problems.length = 0;
      requests.length = 0;
      await tab.setContent(page.html, { waitUntil: 'load' });
      const length = (await tab.evaluate<string>('document.body.innerText')).trim().length;
      expect(length, page.id).toBeGreaterThan(50);
      expect(problems, page.id).toEqual([]);
      expect(requests, page.id).toEqual([]);
      rendered.add(page.family);
    }
    expect(rendered.size).toBe(FAMILIES.length);
    await context.close();
  });
});
