import type { CrawlProfile } from './types.js';

const CHROME = '131.0.0.0';

/**
 * The visitors Dragnet pretends to be. Kits route Windows and Mac visitors to different pages and often
 * serve the scam only to traffic that arrives from an ad or a search, so every profile carries a referrer.
 */
export const PROFILES: Record<CrawlProfile['name'], CrawlProfile> = {
  'windows-chrome': {
    name: 'windows-chrome',
    userAgent: `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${CHROME} Safari/537.36`,
    viewport: { width: 1366, height: 768 },
    platform: 'Win32',
    locale: 'en-US',
    referrer: 'https://www.google.com/',
  },
  'windows-edge': {
    name: 'windows-edge',
    userAgent: `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${CHROME} Safari/537.36 Edg/131.0.2903.86`,
    viewport: { width: 1536, height: 864 },
    platform: 'Win32',
    locale: 'en-US',
    referrer: 'https://www.bing.com/',
  },
  'windows-firefox': {
    name: 'windows-firefox',
    userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
    viewport: { width: 1920, height: 1080 },
    platform: 'Win32',
    locale: 'en-US',
    referrer: 'https://googleads.g.doubleclick.net/',
  },
  'mac-safari': {
    name: 'mac-safari',
    userAgent:
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
    viewport: { width: 1440, height: 900 },
    platform: 'MacIntel',
    locale: 'en-US',
    referrer: 'https://search.yahoo.com/',
  },
};

/** The profile names, default first. */
export const PROFILE_NAMES = Object.keys(PROFILES) as CrawlProfile['name'][];

/** The profile of a name, or undefined when there is none. */
export function profileNamed(name: string): CrawlProfile | undefined {
  return (PROFILES as Record<string, CrawlProfile>)[name];
}
