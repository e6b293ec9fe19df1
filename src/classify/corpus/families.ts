import type { FamilyTemplate } from './kit.js';
import { bankFamily, errorPageFamily, loginFamily } from './legit-accounts.js';
import { newsFamily } from './legit-news.js';
import { blogFamily, docsFamily, forumFamily, shopFamily } from './legit-sites.js';
import { antivirusProductFamily, supportRealFamily } from './legit-vendors.js';
import { govAdviceFamily, securityWarningFamily } from './legit-warnings.js';
import { appleFamily, mcafeeFamily, nortonFamily } from './scam-brands.js';
import { bsodFamily, geekSquadFamily } from './scam-custom.js';
import { renewalInvoiceFamily } from './scam-invoice.js';
import {
  browserLockedFamily,
  defenderFamily,
  firewallWarningFamily,
  licenceExpiredFamily,
  virusScanFamily,
} from './scam-windows.js';

/** Every generated template family, scam first (each draws from its own stream, keyed by its name). */
export const FAMILIES: readonly FamilyTemplate[] = [
  defenderFamily,
  virusScanFamily,
  firewallWarningFamily,
  licenceExpiredFamily,
  browserLockedFamily,
  bsodFamily,
  appleFamily,
  mcafeeFamily,
  nortonFamily,
  geekSquadFamily,
  renewalInvoiceFamily,
  newsFamily,
  securityWarningFamily,
  govAdviceFamily,
  shopFamily,
  blogFamily,
  docsFamily,
  forumFamily,
  bankFamily,
  loginFamily,
  errorPageFamily,
  supportRealFamily,
  antivirusProductFamily,
];

/** The family of pages read from Debian's HTML documentation (real, not generated). */
export const DEBIAN_DOC_FAMILY = 'legit/debian-doc';

/**
 * Families held out for the test split; every other family trains. About 30% of each side, chosen so the
 * test is hard and fair:
 * - `scam/geek-squad`: invoice-style, no virus wording, a brand never seen in training (the invoices that
 *   train, `scam/renewal-invoice`, are other brands, wordings and layouts);
 * - `scam/licence-expired`: a licence story instead of an infection story;
 * - `scam/browser-locked`: Chrome/Edge branding instead of Windows;
 * - `legit/gov-advice`: government pages that quote scam wording and print numbers, a second
 *   hard-negative family beside `legit/security-warning` (which trains);
 * - `legit/forum`: people describing popups in their own words;
 * - `legit/error-page`: alarming real error and router pages;
 * - `legit/shop`: prices, phone numbers and "call us" without any scam;
 * - `legit/debian-doc`: real HTML the generator never wrote, to expose a model that learned the
 *   generator's style instead of the content.
 */
export const TEST_FAMILIES: ReadonlySet<string> = new Set([
  'scam/geek-squad',
  'scam/licence-expired',
  'scam/browser-locked',
  'legit/gov-advice',
  'legit/forum',
  'legit/error-page',
  'legit/shop',
  DEBIAN_DOC_FAMILY,
]);

/** The split a family's pages go to. */
export function splitOf(family: string): 'train' | 'test' {
  return TEST_FAMILIES.has(family) ? 'test' : 'train';
}
