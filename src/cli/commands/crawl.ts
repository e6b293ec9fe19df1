import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { loadModels } from '../../classify/models.js';
import { UsageError } from '../../core/errors.js';
import { Crawler } from '../../crawl/crawler.js';
import { PROFILE_NAMES, profileNamed } from '../../crawl/profiles.js';
import { type CrawlOutcome, crawlAndStore } from '../../crawl/service.js';
import { guardFromEnv } from '../../crawl/url-guard.js';
import { BlobStore } from '../../store/blobs.js';
import { withStore } from '../context.js';

interface CrawlOptions {
  json?: boolean;
  profile: string[];
  feed?: string;
  ocr: boolean;
}

/** `dragnet crawl URL...`: visits popup URLs with a real browser, keeps the evidence, links what they show. */
export function registerCrawl(program: Command): void {
  program
    .command('crawl')
    .description('visit URLs in Chromium, store the evidence and link what the pages show into operations')
    .argument('[urls...]', 'URLs to visit (http or https)')
    .option('--feed <file>', 'also read URLs from a file, one per line (# starts a comment)')
    .option('--profile <name...>', `browser profiles to visit with (${PROFILE_NAMES.join(', ')}, or "all")`, [
      'windows-chrome',
    ])
    .option('--no-ocr', 'never OCR screenshots (faster; numbers only in images are missed)')
    .option('--json', 'one JSON line per visit')
    .action(async (urls: string[], opts: CrawlOptions) => {
      const all = [...urls, ...(opts.feed ? readFeed(opts.feed) : [])];
      if (all.length === 0) throw new UsageError('give at least one URL, or --feed FILE');
      for (const u of all) if (!/^https?:\/\//i.test(u)) throw new UsageError(`not an http(s) URL: ${u}`);
      const profiles = opts.profile.includes('all') ? PROFILE_NAMES : opts.profile;
      for (const p of profiles)
        if (!profileNamed(p))
          throw new UsageError(`unknown profile ${p}: use ${PROFILE_NAMES.join(', ')} or all`);
      await withStore(async (store, config) => {
        const crawler = await Crawler.start({ guard: guardFromEnv(), ocr: opts.ocr, models: loadModels() });
        const blobs = new BlobStore(config.dataDir, store.db);
        let failed = 0;
        try {
          for (const url of all) {
            for (const profile of profiles) {
              const outcome = await crawlAndStore(
                { db: store.db, blobs, crawler },
                { url, profile, origin: opts.feed ? 'feed' : 'cli' },
              );
              if (outcome.capture.error && outcome.capture.status === null) failed++;
              process.stdout.write(opts.json ? `${JSON.stringify(jsonLine(outcome))}\n` : summary(outcome));
            }
          }
        } finally {
          await crawler.close();
        }
        if (failed > 0) process.exitCode = 1;
      });
    });
}

function readFeed(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.replace(/#.*$/, '').trim())
    .filter((l) => l.length > 0);
}

/** The `--json` line: the fields the issue names first, then the rest of what a script would want. */
function jsonLine(o: CrawlOutcome) {
  const c = o.capture;
  return {
    id: o.id,
    url: c.url,
    profile: c.profile,
    finalUrl: c.finalUrl,
    status: c.status,
    title: c.title,
    phones: [...new Set(c.phones.map((p) => p.e164))],
    behaviours: c.behaviours,
    fingerprints: c.fingerprints.map((f) => f.value),
    screenshots: [c.blobs.screenshotBefore, c.blobs.screenshotAfter].filter((s): s is string => s !== null),
    html: c.blobs.html,
    redirectChain: c.redirectChain,
    dialogs: c.dialogs.map((d) => d.message),
    authRealms: c.authRealms,
    phash: c.phash,
    blocked: c.blocked,
    operationId: o.operationId,
    verdict: c.verdict ? { verdict: c.verdict.verdict, probability: c.verdict.probability } : null,
    startedAt: c.startedAt,
    finishedAt: c.finishedAt,
    error: c.error,
  };
}

function summary(o: CrawlOutcome): string {
  const c = o.capture;
  const lines = [
    `${c.url} [${c.profile}]`,
    c.error ? `  error:       ${c.error}` : null,
    c.finalUrl && c.finalUrl !== c.url ? `  final URL:   ${c.finalUrl}` : null,
    `  status:      ${c.status ?? '-'}   title: ${JSON.stringify(c.title ?? '')}`,
    `  phones:      ${c.phones.map((p) => `${p.e164} (${p.source})`).join(', ') || '-'}`,
    `  behaviours:  ${c.behaviours.join(', ') || '-'}`,
    `  fingerprint: ${c.fingerprints.map((f) => f.value).join(', ') || '-'}`,
    `  screenshot:  ${c.blobs.screenshotBefore ?? '-'}`,
    c.blocked.length > 0
      ? `  blocked:     ${c.blocked.length} request(s), e.g. ${c.blocked[0]!.reason}`
      : null,
    c.verdict
      ? `  verdict:     ${c.verdict.verdict} (${(c.verdict.probability * 100).toFixed(1)}% scam)`
      : null,
    `  operation:   ${o.operationId ?? 'none'}   capture: ${o.id}`,
  ];
  return `${lines.filter((l) => l !== null).join('\n')}\n`;
}
