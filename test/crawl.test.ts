import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Crawler, type CrawlResult } from '../src/crawl/crawler.js';
import { PROFILES } from '../src/crawl/profiles.js';
import { POPUP_FIXTURES } from './fixtures/popups/manifest.js';
import { type PopupSite, startPopupSite } from './helpers/popup-site.js';

/**
 * The crawler against the fixture site in real Chromium: every page of the manifest is visited with its
 * profile, and every capture field the manifest names is checked. Two crawlers share the pages.
 */
describe('crawling the popup fixture site', () => {
  let site: PopupSite;
  const crawlers: Crawler[] = [];
  const results = new Map<string, CrawlResult>();

  beforeAll(async () => {
    site = await startPopupSite();
    const port = Number(new URL(site.origin).port);
    for (let i = 0; i < 2; i++)
      crawlers.push(await Crawler.start({ guard: { allowLoopback: [port] }, ocr: true }));
    const queue = [...site.pages];
    await Promise.all(
      crawlers.map(async (crawler) => {
        for (let page = queue.shift(); page; page = queue.shift()) {
          const profile = PROFILES[page.profile ?? 'windows-chrome'];
          results.set(page.name, await crawler.crawl(`${site.origin}${page.path}`, profile));
        }
      }),
    );
  }, 600_000);
  afterAll(async () => {
    await Promise.all(crawlers.map((c) => c.close()));
    await site?.close();
  });

  const scams = () => site.pages.filter((p) => p.kind === 'scam');
  it('has at least 15 hostile and 15 ordinary pages', () => {
    expect(scams().length).toBeGreaterThanOrEqual(15);
    expect(site.pages.length - scams().length).toBeGreaterThanOrEqual(15);
  });

  it.each(POPUP_FIXTURES.map((p) => [p.name, p] as const))('%s', (name, page) => {
    const { capture: c, files } = results.get(name)!;
    const e = page.expect;
    const why = `${name}: ${JSON.stringify({ ...c, text: c.text.slice(0, 300), responses: c.responses.length }, null, 1)}`;
    expect(c.error, why).toBeNull();
    expect(c.status, why).toBe(e.status ?? 200);
    if (e.title !== undefined) expect(c.title, why).toBe(e.title);
    const found = new Map(c.phones.map((p) => [p.e164, p.source]));
    for (const p of e.phones ?? []) expect(found.has(p.e164), `${why}\nmissing ${p.e164}`).toBe(true);
    for (const p of c.phones)
      expect(
        e.phones?.some((x) => x.e164 === p.e164),
        `${why}\nextra ${p.e164}`,
      ).toBe(true);
    if (e.noPhones) expect(c.phones, why).toEqual([]);
    if (e.needsOcr)
      expect(
        c.phones.some((p) => p.source === 'ocr'),
        why,
      ).toBe(true);
    for (const b of e.behaviours ?? []) expect(c.behaviours, why).toContain(b);
    for (const b of e.notBehaviours ?? []) expect(c.behaviours, why).not.toContain(b);
    for (const d of e.dialogs ?? [])
      expect(
        c.dialogs.some((x) => x.message.includes(d)),
        `${why}\nno dialog with ${d}`,
      ).toBe(true);
    if (e.authRealm !== undefined) expect(c.authRealms.join('\n'), why).toContain(e.authRealm);
    for (const t of e.textIncludes ?? []) expect(c.text, why).toContain(t);
    if (e.finalPathIncludes !== undefined) expect(c.finalUrl, why).toContain(e.finalPathIncludes);
    if (e.redirects !== undefined) expect(c.redirectChain.length, why).toBe(e.redirects + 1);
    const values = c.fingerprints.map((f) => f.value);
    for (const t of e.trackingIds ?? []) expect(values, why).toContain(t);
    if (e.sharedAssetWith) {
      const other = results.get(e.sharedAssetWith)!.capture;
      const mine = new Set(c.fingerprints.filter((f) => f.kind === 'asset_hash').map((f) => f.value));
      expect(
        other.fingerprints.some((f) => f.kind === 'asset_hash' && mine.has(f.value)),
        why,
      ).toBe(true);
    }
    // Evidence: two screenshots (PNG), the HTML, a perceptual hash, UTC times in order.
    expect(files.screenshotBefore?.subarray(1, 4).toString('latin1'), why).toBe('PNG');
    expect(files.screenshotAfter?.subarray(1, 4).toString('latin1'), why).toBe('PNG');
    expect(files.html?.length ?? 0, why).toBeGreaterThan(0);
    expect(c.phash, why).toMatch(/^[0-9a-f]{16}$/);
    expect(c.startedAt.endsWith('Z') && c.finishedAt >= c.startedAt, why).toBe(true);
    // Nothing the fixture pages ask for is refused (Chromium's own calls home are not the page's).
    expect(c.blocked, why).toEqual([]);
  });
});
