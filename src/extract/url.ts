import { isIP } from 'node:net';
import { domainToASCII } from 'node:url';
import { parse as parseDomain } from 'tldts';
import { normaliseEmail, normaliseUrl } from '../core/indicator-kinds.js';
import { indicatorAt, type Source } from './found.js';
import { overlaps } from './text.js';
import type { Indicator, Span } from './types.js';

/** A URL found in a text, with its query values (phone numbers hide there). */
export interface UrlHit extends Span {
  href: string;
  params: Array<{ name: string; value: string; start: number; end: number }>;
}

/** What the URL/domain/e-mail pass found, and the spans it claimed. */
export interface WebFindings {
  indicators: Indicator[];
  urls: UrlHit[];
  spans: Span[];
}

const EMAIL_RE =
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]{1,64}@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+[\p{L}]{2,63}(?![\p{L}\p{N}_-])/giu;
const SCHEME_URL_RE = /\b(?:https?|ftp):\/\/[^\s<>"'`{}|\\^\u3000-\u303f\uff00-\uffef]+/giu;
const HOST_RE =
  /(?<![\p{L}\p{N}_@./\\-])(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+(?:\p{L}{2,63}|xn--[a-z0-9-]{2,59})(?![\p{L}\p{N}_@-])(?::\d{2,5})?(?:[/?#][^\s<>"'`{}|\\^\u3000-\u303f\uff00-\uffef]*)?/giu;
// Two-letter TLDs that are also short words: "told me.so", "that is.it" are sentences, not domains.
const WORDY_TLDS = new Set([
  'so',
  'is',
  'in',
  'at',
  'to',
  'it',
  'me',
  'no',
  'be',
  'am',
  'my',
  'do',
  'us',
  'go',
  'as',
  'by',
  'we',
  'im',
  'ok',
  'de',
  'la',
  'es',
  'se',
]);
// TLDs that are also file extensions people type ("setup.zip", "movie.mov", "install.sh").
const FILE_TLDS = new Set(['zip', 'mov', 'sh', 'py', 'md', 'exe', 'pdf', 'dll', 'bat', 'ps']);

/** Finds e-mail addresses, URLs (canonical) and hostnames (full hostname as the domain indicator). */
export function findWeb(src: Source): WebFindings {
  const text = src.view.text;
  const indicators: Indicator[] = [];
  const urls: UrlHit[] = [];
  const spans: Span[] = [];
  if (!text.includes('.')) return { indicators, urls, spans };

  if (text.includes('@')) {
    for (const m of text.matchAll(EMAIL_RE)) {
      const start = m.index;
      let raw = m[0];
      // A local part cannot start or end with a dot; trim what a sentence glued on.
      const lead = raw.match(/^\.+/)?.[0].length ?? 0;
      raw = raw.slice(lead);
      const value = normaliseEmail(raw);
      if (!value || !knownHost(value.slice(value.lastIndexOf('@') + 1))) continue;
      indicators.push(indicatorAt(src, 'email', value, start + lead, start + m[0].length));
      spans.push({ start: start + lead, end: start + m[0].length });
    }
  }

  for (const m of text.matchAll(SCHEME_URL_RE)) {
    if (overlaps(spans, m.index, m.index + m[0].length)) continue;
    const raw = trimTail(m[0]);
    addUrl(src, raw, m.index, indicators, urls, spans, true);
  }

  for (const m of text.matchAll(HOST_RE)) {
    if (overlaps(spans, m.index, m.index + m[0].length)) continue;
    const raw = trimTail(m[0]);
    const hostEnd = raw.search(/[:/?#]/);
    const host = hostEnd < 0 ? raw : raw.slice(0, hostEnd);
    if (!plausibleBareHost(host, hostEnd >= 0)) continue;
    if (hostEnd >= 0 && /^[/?#]./.test(raw.slice(hostEnd).replace(/^:\d+/, ''))) {
      addUrl(src, `http://${raw}`, m.index - 7, indicators, urls, spans, false);
    } else {
      addDomain(src, host, m.index, indicators, spans);
    }
  }
  return { indicators, urls, spans };
}

function addUrl(
  src: Source,
  raw: string,
  start: number,
  indicators: Indicator[],
  urls: UrlHit[],
  spans: Span[],
  hasScheme: boolean,
): void {
  // Bare "host/path" forms arrive with a synthetic "http://" and a start 7 before the real one.
  const shown = hasScheme ? raw : raw.slice(7);
  const shownStart = hasScheme ? start : start + 7;
  const href = normaliseUrl(raw);
  if (!href) return;
  const u = new URL(href);
  const end = shownStart + shown.length;
  // Popups are often served from a bare address (http://45.61.12.9/win/alert.html): the URL is an
  // indicator (and a crawl target) though the address is no domain.
  if (hasScheme && isIP(u.hostname.replace(/^\[|\]$/g, ''))) {
    indicators.push(indicatorAt(src, 'url', href, shownStart, end));
    spans.push({ start: shownStart, end });
    urls.push({ start: shownStart, end, href, params: queryParams(shown, shownStart) });
    return;
  }
  if (!knownHost(u.hostname)) return;
  indicators.push(indicatorAt(src, 'url', href, shownStart, end));
  const hostAt = hostOffset(shown);
  addDomain(src, u.hostname, shownStart + hostAt.start, indicators, spans, shownStart + hostAt.end);
  spans.push({ start: shownStart, end });
  urls.push({ start: shownStart, end, href, params: queryParams(shown, shownStart) });
}

function addDomain(
  src: Source,
  host: string,
  start: number,
  indicators: Indicator[],
  spans: Span[],
  end = start + host.length,
): void {
  const ascii = asciiHost(host);
  if (!ascii) return;
  const info = parseDomain(ascii, { allowPrivateDomains: true });
  if (!info.domain || !(info.isIcann || info.isPrivate)) return;
  const meta: Record<string, unknown> = { registrableDomain: info.domain, publicSuffix: info.publicSuffix };
  // A private suffix (azurewebsites.net, pages.dev) is a risk feature; the host still stands alone.
  if (info.isPrivate) meta.hostingSuffix = info.publicSuffix;
  indicators.push(indicatorAt(src, 'domain', ascii, start, end, meta));
  spans.push({ start, end });
}

function asciiHost(host: string): string | null {
  let h = host.toLowerCase().replace(/\.+$/, '');
  if (h.startsWith('www.')) h = h.slice(4);
  const ascii = domainToASCII(h);
  return ascii?.includes('.') ? ascii : null;
}

function knownHost(host: string): boolean {
  const ascii = asciiHost(host);
  if (!ascii) return false;
  const info = parseDomain(ascii, { allowPrivateDomains: true });
  return Boolean(info.domain && (info.isIcann || info.isPrivate));
}

function plausibleBareHost(host: string, hasPath: boolean): boolean {
  const labels = host.split('.');
  const tld = labels[labels.length - 1]!;
  const lowerTld = tld.toLowerCase();
  if (FILE_TLDS.has(lowerTld) && !hasPath) return false;
  // "paid.Then" is a sentence run together; "MICROSOFT-HELP.COM" is a shout, and a domain.
  if (/[A-Z]/.test(tld) && tld !== tld.toUpperCase() && !hasPath) return false;
  if (labels.length === 2 && WORDY_TLDS.has(lowerTld) && !hasPath && labels[0]!.length < 4) return false;
  if (/^\d+$/.test(labels[0]!) && labels.length === 2) return false;
  return knownHost(host);
}

function hostOffset(url: string): { start: number; end: number } {
  const afterScheme = url.indexOf('//') + 2;
  const rest = url.slice(afterScheme);
  const authEnd = rest.search(/[/?#]/);
  const authority = authEnd < 0 ? rest : rest.slice(0, authEnd);
  const at = authority.lastIndexOf('@');
  const hostStart = at + 1;
  const portAt = authority.indexOf(':', hostStart);
  const hostEnd = portAt < 0 ? authority.length : portAt;
  return { start: afterScheme + hostStart, end: afterScheme + hostEnd };
}

function queryParams(url: string, start: number): UrlHit['params'] {
  const q = url.indexOf('?');
  if (q < 0) return [];
  const out: UrlHit['params'] = [];
  const hash = url.indexOf('#', q);
  const query = url.slice(q + 1, hash < 0 ? url.length : hash);
  let at = q + 1;
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    if (eq > 0)
      out.push({
        name: pair.slice(0, eq),
        value: pair.slice(eq + 1),
        start: start + at + eq + 1,
        end: start + at + pair.length,
      });
    at += pair.length + 1;
  }
  return out;
}

/** Cuts the punctuation a sentence puts after a URL (keeping a closing bracket the URL opened). */
export function trimTail(raw: string): string {
  let s = raw;
  for (;;) {
    const c = s[s.length - 1];
    if (c === undefined) return s;
    if (/[.,;:!?'"*>]/.test(c)) s = s.slice(0, -1);
    else if (c === ')' && count(s, '(') < count(s, ')')) s = s.slice(0, -1);
    else if (c === ']' && count(s, '[') < count(s, ']')) s = s.slice(0, -1);
    else return s;
  }
}

function count(s: string, c: string): number {
  let n = 0;
  for (const ch of s) if (ch === c) n++;
  return n;
}
