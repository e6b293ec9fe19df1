import { normaliseHostname, normaliseIndicator, normaliseUrl } from '../core/indicator-kinds.js';
import type { Capture } from './types.js';

/** One indicator a crawled page showed, with where on the page it was seen. */
export interface CrawlIndicator {
  kind: string;
  value: string;
  source: string;
}

/**
 * The indicators of a capture, as the linker sees them: the page's phone numbers, the hosts and URLs it
 * was reached at (so a report that mentions the URL and the crawl share a node), and its kit fingerprints.
 */
export function captureIndicators(capture: Capture): CrawlIndicator[] {
  const out = new Map<string, CrawlIndicator>();
  const add = (kind: string, value: string | null, source: string) => {
    if (value === null) return;
    const key = `${kind}\u0000${value}`;
    if (!out.has(key)) out.set(key, { kind, value, source });
  };
  for (const p of capture.phones) add('phone', p.e164, p.source);
  const urls = [capture.url, ...capture.redirectChain, ...(capture.finalUrl ? [capture.finalUrl] : [])];
  for (const u of urls) {
    const url = normaliseUrl(u);
    if (url === null) continue;
    add('url', url, u === capture.url ? 'requested' : 'navigation');
    add('domain', normaliseHostname(new URL(url).hostname), u === capture.url ? 'requested' : 'navigation');
  }
  for (const f of capture.fingerprints) {
    // Asset fingerprints read `sha256:<hex>`; the registry keeps the bare hex digest.
    add(f.kind, normaliseIndicator(f.kind, f.value.replace(/^sha256:/, '')), f.source.slice(0, 500));
  }
  return [...out.values()];
}
