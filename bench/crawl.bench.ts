// `npm run bench -- crawl`: crawler throughput on the fixture site (hostile and ordinary pages) with real
// Chromium, without OCR, at one to three browsers at once; then OCR time per screenshot.
import { Crawler } from '../src/crawl/crawler.js';
import { createOcr } from '../src/crawl/ocr.js';
import { PROFILES } from '../src/crawl/profiles.js';
import { startPopupSite } from '../test/helpers/popup-site.js';
import { type Bench, type BenchRow, ENGINE_FREE, engineFreeNote } from './table.js';

/** Visits per concurrency level: every fixture page, twice over. */
const ROUNDS = Number(process.env.BENCH_CRAWL_ROUNDS ?? 2);
const CONCURRENCY = [1, 2, 4];
const OCR_PAGES = Number(process.env.BENCH_CRAWL_OCR_PAGES ?? 12);

const bench: Bench = async () => {
  const site = await startPopupSite();
  const guard = { allowLoopback: [Number(new URL(site.origin).port)] };
  const rows: BenchRow[] = [];
  const screenshots: Buffer[] = [];
  try {
    for (const concurrency of CONCURRENCY) {
      const crawlers = await Promise.all(
        Array.from({ length: concurrency }, () => Crawler.start({ guard, ocr: false })),
      );
      // One warm-up visit each: browser start is paid once per process, not per page.
      await Promise.all(
        crawlers.map((c) => c.crawl(`${site.origin}/site/news/`, PROFILES['windows-chrome'])),
      );
      const queue = Array.from({ length: ROUNDS }, () => site.pages).flat();
      const total = queue.length;
      let failed = 0;
      const t0 = performance.now();
      await Promise.all(
        crawlers.map(async (crawler) => {
          for (let page = queue.shift(); page; page = queue.shift()) {
            const { capture, files } = await crawler.crawl(
              `${site.origin}${page.path}`,
              PROFILES[page.profile ?? 'windows-chrome'],
            );
            if (capture.error) failed++;
            if (files.screenshotBefore && screenshots.length < OCR_PAGES && page.kind === 'scam')
              screenshots.push(files.screenshotBefore);
          }
        }),
      );
      const minutes = (performance.now() - t0) / 60_000;
      await Promise.all(crawlers.map((c) => c.close()));
      const perMinute = total / minutes;
      rows.push({
        name: `crawl fixture pages, ${concurrency} Chromium${concurrency > 1 ? 's' : ''}, no OCR`,
        variant: ENGINE_FREE,
        value: perMinute,
        unit: 'pages/min',
        target: '>= 100',
        issue: 6,
        ok: perMinute >= 100,
        notes: engineFreeNote(
          'captures kept in memory',
          `${total} visits (${site.pages.length} pages × ${ROUNDS}), two captures and a click each; ${failed} with errors; ${((minutes * 60_000) / total).toFixed(0)} ms/page`,
        ),
      });
    }
    const ocr = await createOcr();
    await ocr.recognize(screenshots[0]!);
    const t1 = performance.now();
    for (const s of screenshots) await ocr.recognize(s);
    const perPage = (performance.now() - t1) / 1000 / screenshots.length;
    await ocr.close();
    rows.push({
      name: 'OCR of a screenshot (tesseract.js, two passes)',
      variant: ENGINE_FREE,
      value: perPage,
      unit: 's/page',
      notes: engineFreeNote(
        'pure code',
        `${screenshots.length} scam-page screenshots, after one warm-up; only run when text, URL and dialogs show no number; issue 6 asks for the figure, sets no target`,
      ),
    });
  } finally {
    await site.close();
  }
  return rows;
};
export default bench;
