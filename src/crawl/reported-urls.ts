import { commonValue } from '../core/indicator-kinds.js';
import type { Extraction, Indicator } from '../extract/types.js';
import type { CrawlJob } from '../store/queue.js';

/** At most this many URLs of one report are crawled (a pasted list of links is not a popup). */
const MAX_URLS_PER_REPORT = 5;

/**
 * The crawl jobs a processed report asks for: its URLs (the popup it saw, the "support" site), with the
 * default profile. Common values (the brand's real site) are not crawled.
 */
export function reportedCrawls(reportId: string, extraction: Extraction): CrawlJob[] {
  const urls = extraction.indicators
    .filter((x) => x.kind === 'url' && /^https?:/i.test(x.value) && !isCommonSite(x))
    .map((x) => x.value);
  return [...new Set(urls)]
    .slice(0, MAX_URLS_PER_REPORT)
    .map((url) => ({ url, profile: 'windows-chrome', origin: 'report' as const, reportId }));
}

/** True for the real sites of brands and tools (support.microsoft.com, anydesk.com): nothing to crawl. */
function isCommonSite(x: Indicator): boolean {
  const host = new URL(x.value).hostname;
  const registrable = typeof x.meta?.registrableDomain === 'string' ? x.meta.registrableDomain : host;
  return commonValue('domain', host) !== null || commonValue('domain', registrable) !== null;
}
