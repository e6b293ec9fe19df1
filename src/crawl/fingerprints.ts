import type { Fingerprint, ResponseSeen } from './types.js';

/** One kit id a page can carry: the vendor prefix, where it is written, and how the id is spelt. */
interface TrackerPattern {
  vendor: string;
  /** Global; capture groups hold the id's parts. */
  re: RegExp;
  /** The id from the capture groups (the value is `vendor:id`); null to drop the match. */
  id(groups: readonly string[]): string | null;
}

// An id stands alone: not glued to letters, digits, `_` or `-` on either side ("LOG-G-ABC…" is no GA id).
const B = '(?<![A-Za-z0-9_-])';
const E = '(?![A-Za-z0-9_-])';
const upper = ([a]: readonly string[]) => (a ? a.toUpperCase() : null);
const lower = ([a]: readonly string[]) => (a ? a.toLowerCase() : null);
const asIs = ([a]: readonly string[]) => a ?? null;

/**
 * Every kit id Dragnet reads, in one table. Loose shapes (`G-…`, `UA-…`, `GTM-…`) are only looked for in
 * code (tags, attributes, scripts, comments), never in visible prose; vendor-specific shapes carry their
 * host or snippet around them.
 */
const TRACKERS: readonly TrackerPattern[] = [
  // GA4 measurement ids: where gtag puts them (config, send_to, ?id=), or any quoted 10-character id
  // with a digit in it (a quoted "G-HEADER" class name is not one).
  {
    vendor: 'ga',
    re: new RegExp(
      `(?:gtag\\(\\s*['"]config['"]\\s*,\\s*|send_to['"]?\\s*:\\s*|[?&]id=|measurement_?id['"]?\\s*[:=]\\s*)['"]?(G-[A-Z0-9]{6,12})${E}`,
      'gi',
    ),
    id: upper,
  },
  { vendor: 'ga', re: /(?<=['"`])(G-(?=[A-Z]*\d)[A-Z0-9]{10})(?=['"`])/g, id: upper },
  // Universal Analytics: UA-<account>-<view>; the account links sites, the view number does not.
  { vendor: 'ga', re: new RegExp(`${B}(UA-\\d{4,10})-\\d{1,4}${E}`, 'g'), id: upper },
  { vendor: 'gads', re: new RegExp(`${B}(AW-\\d{8,12})${E}`, 'g'), id: upper },
  { vendor: 'gads', re: /googleadservices\.com\/pagead\/conversion\/(\d{8,12})\//g, id: ([a]) => `AW-${a}` },
  { vendor: 'gtm', re: new RegExp(`${B}(GTM-[A-Z0-9]{4,9})${E}`, 'g'), id: upper },
  { vendor: 'fbpixel', re: /fbq\(\s*['"]init['"]\s*,\s*['"]?(\d{12,17})/g, id: asIs },
  { vendor: 'fbpixel', re: /facebook\.com\/tr\/?\?(?:[^"'\s<>]*?&(?:amp;)?)?id=(\d{12,17})/g, id: asIs },
  { vendor: 'clarity', re: /clarity\.ms\/tag\/([a-z0-9]{8,12})(?![a-z0-9])/gi, id: lower },
  {
    vendor: 'clarity',
    re: /['"]clarity['"]\s*,\s*['"]script['"]\s*,\s*['"]([a-z0-9]{8,12})['"]/gi,
    id: lower,
  },
  { vendor: 'hotjar', re: /\bhjid\s*:\s*(\d{5,9})\b/g, id: asIs },
  { vendor: 'hotjar', re: /static\.hotjar\.com\/c\/hotjar-(\d{5,9})\.js/g, id: asIs },
  { vendor: 'ym', re: /\bym\(\s*(\d{6,10})\s*,\s*['"]init['"]/g, id: asIs },
  { vendor: 'ym', re: /mc\.yandex\.(?:ru|com)\/watch\/(\d{6,10})/g, id: asIs },
  { vendor: 'ym', re: /\byaCounter(\d{6,10})\b/g, id: asIs },
  // Call tracking: the account that swaps numbers in is the operation's, whichever number it shows today.
  { vendor: 'callrail', re: /cdn\.callrail\.com\/companies\/(\d{6,12})\/[0-9a-f]{10,40}\//g, id: asIs },
  {
    vendor: 'invoca',
    re: /invocacdn\.com\/js\/networks\/(\d{1,8})\/(\d{1,10})\//g,
    id: ([a, b]) => `${a}/${b}`,
  },
  { vendor: 'ctm', re: /\/\/(\d{4,9})\.tctm\.co\/t\.js/g, id: asIs },
  { vendor: 'ringba', re: /b-js\.ringba\.com\/(CA[0-9a-f]{24,40})(?![0-9a-f])/gi, id: asIs },
  { vendor: 'retreaver', re: /campaign_key\s*:\s*['"]([0-9a-f]{16,40})['"]/gi, id: lower },
  // Chat widgets: the operator answers the chat, so the widget account is theirs.
  {
    vendor: 'tawk',
    re: /embed\.tawk\.to\/([0-9a-f]{24})\/([0-9a-z]{6,12}|default)(?![0-9a-z])/gi,
    id: ([a, b]) => `${a?.toLowerCase()}/${b?.toLowerCase()}`,
  },
  { vendor: 'livechat', re: /__lc\.license\s*=\s*(\d{6,10})\b/g, id: asIs },
  { vendor: 'livechat', re: /livechatinc\.com\/licen[cs]e\/(\d{6,10})\b/g, id: asIs },
  { vendor: 'tidio', re: /code\.tidio\.co\/([a-z0-9]{32})\.js/gi, id: lower },
  {
    vendor: 'jivo',
    re: /code\.jivosite\.com\/(?:script\/)?widget\/([A-Za-z0-9]{6,14})(?![A-Za-z0-9])/g,
    id: asIs,
  },
  {
    vendor: 'crisp',
    re: /CRISP_WEBSITE_ID\s*=\s*['"]([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})['"]/gi,
    id: lower,
  },
  {
    vendor: 'zendesk',
    re: /static\.zdassets\.com\/ekr\/snippet\.js\?key=([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/gi,
    id: lower,
  },
  { vendor: 'intercom', re: /widget\.intercom\.io\/widget\/([a-z0-9]{8})(?![a-z0-9])/gi, id: lower },
  {
    vendor: 'intercom',
    re: /intercomSettings\s*=\s*\{[^}]{0,400}?app_id\s*:\s*['"]([a-z0-9]{8})['"]/gi,
    id: lower,
  },
  { vendor: 'smartsupp', re: /_smartsupp\.key\s*=\s*['"]([0-9a-f]{40})['"]/gi, id: lower },
  { vendor: 'olark', re: /olark\.identify\(\s*['"](\d{4}-\d{3}-\d{2}-\d{4})['"]/g, id: asIs },
];

// Ids from documentation and templates: XXXX runs, one repeated character, counting 1234…/ABCD….
const PLACEHOLDER_RE = /X{4}|^(?:[A-Z]+-)?(?:(.)\1+|0*1234567?8?9?0?|ABCDEFG?H?I?J?)(?:-|$)/i;

/** Kit ids (analytics, tag manager, ads, call tracking, chat widgets) in a page's HTML and its script URLs. */
export function trackingIds(html: string, scriptUrls: readonly string[]): Fingerprint[] {
  const out = new Map<string, Fingerprint>();
  // A script URL names its own source; ids found again in the HTML keep that more precise source.
  for (const url of scriptUrls) collect(decodeUrl(url), url, out);
  collect(codeOf(html), 'html', out);
  return [...out.values()];
}

function collect(text: string, source: string, out: Map<string, Fingerprint>): void {
  for (const t of TRACKERS) {
    for (const m of text.matchAll(t.re)) {
      const id = t.id(m.slice(1));
      if (id === null || PLACEHOLDER_RE.test(id)) continue;
      const value = `${t.vendor}:${id}`;
      if (!out.has(value)) out.set(value, { kind: 'tracking_id', value, source });
    }
  }
}

const CODE_RE = /<script\b[^>]*>[\s\S]*?(?:<\/script\s*>|$)|<!--[\s\S]*?(?:-->|$)|<\/?[A-Za-z][^>]*>/gi;

/**
 * The parts of a page that are code: tags with their attributes, script bodies and comments. Visible
 * prose is left out, so a "G-…" or "UA-…" a page prints is not read as the page's own id.
 */
function codeOf(html: string): string {
  const parts: string[] = [];
  for (const m of html.matchAll(CODE_RE)) parts.push(m[0]);
  return decodeEntities(parts.join('\n'));
}

function decodeEntities(s: string): string {
  return s
    .replace(/&(?:quot|#34|#x22);/gi, '"')
    .replace(/&(?:#39|#x27|apos);/gi, "'")
    .replace(/&amp;/gi, '&');
}

function decodeUrl(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

/** Bodies too small to tell kits apart (pixels, one-line stubs). */
const MIN_ASSET_BYTES = 512;
const ASSET_TYPE_RE =
  /^(?:application\/(?:x-)?(?:javascript|ecmascript)|text\/(?:javascript|ecmascript)|image\/|audio\/|video\/|font\/|application\/(?:x-)?font-|application\/vnd\.ms-fontobject)/i;
// Hosts often serve assets as octet-stream or text/plain: then the file name decides.
const GENERIC_TYPE_RE = /^(?:application\/octet-stream|text\/plain|binary\/octet-stream)?$/i;
const ASSET_EXT_RE =
  /\.(?:m?js|png|jpe?g|gif|webp|svg|ico|bmp|avif|mp3|wav|ogg|oga|m4a|aac|opus|mp4|webm|woff2?|ttf|otf|eot)$/i;

/** `asset_hash` fingerprints (`sha256:<hex>`) of the scripts, images, audio, video and fonts a page loaded. */
export function assetFingerprints(responses: readonly ResponseSeen[]): Fingerprint[] {
  const out = new Map<string, Fingerprint>();
  for (const r of responses) {
    if (!r.sha256 || !/^[0-9a-f]{64}$/i.test(r.sha256)) continue;
    if (r.status < 200 || r.status >= 300 || r.size === undefined || r.size < MIN_ASSET_BYTES) continue;
    if (!isAsset(r)) continue;
    const value = `sha256:${r.sha256.toLowerCase()}`;
    if (!out.has(value)) out.set(value, { kind: 'asset_hash', value, source: r.url });
  }
  return [...out.values()];
}

function isAsset(r: ResponseSeen): boolean {
  const type = (r.contentType ?? '').split(';')[0]?.trim() ?? '';
  if (ASSET_TYPE_RE.test(type)) return true;
  return GENERIC_TYPE_RE.test(type) && ASSET_EXT_RE.test(pathOf(r.url));
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url.split(/[?#]/)[0] ?? '';
  }
}
