import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import vm from 'node:vm';
import { type CountryCode, findPhoneNumbersInText, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROFILES } from '../../src/crawl/profiles.js';
import type { Behaviour } from '../../src/crawl/types.js';
import { POPUP_FIXTURES } from '../fixtures/popups/manifest.js';
import {
  POPUP_ROOT,
  type PopupFixture,
  type PopupSite,
  SCAM_REALM,
  SERVED_TYPES,
  STAGING_LOGIN,
  STAGING_REALM,
  startPopupSite,
} from './popup-site.js';

let site: PopupSite;
beforeAll(async () => {
  site = await startPopupSite();
});
afterAll(() => site.close());

const NAMES = POPUP_FIXTURES.map((p) => p.name);
const WINDOWS_UA = PROFILES['windows-chrome'].userAgent;
const MAC_UA = PROFILES['mac-safari'].userAgent;
const BOT_UA = 'Mozilla/5.0 (compatible; Googlebot/2.1; +search-engine-bot)';
const REGION_OF_LANGUAGE: Record<string, CountryCode> = { en: 'US', fr: 'FR', de: 'DE', es: 'ES', ja: 'JP' };
// These pages format the URL's number themselves, so the formatted text exists only after their script
// runs; the phone checks below prove the number is in the URL.
const ASSEMBLED_BY_SCRIPT = new Set(['phone-in-query', 'phone-base64-query']);

function get(pathOrUrl: string, headers: Record<string, string> = {}): Promise<Response> {
  const url = new URL(pathOrUrl, site.origin);
  return fetch(url, { redirect: 'manual', headers: { 'user-agent': WINDOWS_UA, ...headers } });
}

/** What fetch can see of a visit: the navigations a browser would follow, the final page, its resources. */
interface Visit {
  status: number;
  finalUrl: URL;
  hops: number;
  html: string;
  realm: string | null;
  resources: Array<{ url: URL; status: number; type: string; body: Buffer; attachment: boolean }>;
  /** What inline `document.write` decoders write, run in a sandbox. */
  written: string;
}

async function visit(fixture: PopupFixture): Promise<Visit> {
  const ua = PROFILES[fixture.profile ?? 'windows-chrome'].userAgent;
  let url = new URL(fixture.path, site.origin);
  let hops = 0;
  for (;;) {
    const res = await get(url.href, { 'user-agent': ua });
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      url = new URL(location, url);
      hops++;
      await res.body?.cancel();
      continue;
    }
    const html = await res.text();
    const next = clientRedirect(html);
    if (next && hops < 10) {
      url = new URL(next, url);
      hops++;
      continue;
    }
    const resources: Visit['resources'] = [];
    for (const ref of references(html, url)) {
      const r = await get(ref.href, { 'user-agent': ua });
      const type = r.headers.get('content-type') ?? '';
      const attachment = /attachment/.test(r.headers.get('content-disposition') ?? '');
      resources.push({
        url: ref,
        status: r.status,
        type,
        body: Buffer.from(await r.arrayBuffer()),
        attachment,
      });
    }
    const realm = /realm="([^"]*)"/.exec(res.headers.get('www-authenticate') ?? '')?.[1] ?? null;
    return { status: res.status, finalUrl: url, hops, html, realm, resources, written: runWriters(html) };
  }
}

/** The target of a meta refresh or a `location.replace('…')` / `location.href = '…'` script. */
function clientRedirect(html: string): string | null {
  const meta = /<meta\s+http-equiv="refresh"\s+content="\d+;\s*url=([^"]+)"/i.exec(html)?.[1];
  if (meta) return decodeEntities(meta);
  const script = /location\.(?:replace\(|href\s*=)([^;\n]*)/.exec(html)?.[1];
  return script ? (/'(\/[^']*)'/.exec(script)?.[1] ?? null) : null;
}

/** Same-origin URLs a page names: src/href attributes, CSS url(), and path literals in scripts. */
function references(text: string, base: URL): URL[] {
  const found = new Set<string>();
  const patterns = [
    /\b(?:src|href)\s*=\s*["']([^"']+)["']/gi,
    /url\(\s*["']?([^"')]+)["']?\s*\)/gi,
    /['"](\/[\w./%-]*(?:\?[\w=&%.+-]*)?)['"]/g,
    /['"]([\w-]+\.(?:xml|json))['"]/g,
  ];
  for (const re of patterns)
    for (const m of text.matchAll(re)) {
      const raw = decodeEntities(m[1]!);
      if (/^(?:tel|mailto|javascript|data):/i.test(raw) || raw.startsWith('#')) continue;
      const url = new URL(raw, base);
      url.hash = '';
      if (url.origin === base.origin) found.add(url.href);
    }
  return [...found].map((u) => new URL(u));
}

/** Runs inline scripts that `document.write`, collecting what they write (how obfuscated bodies unpack). */
function runWriters(html: string): string {
  let written = '';
  for (const m of html.matchAll(/<script>([\s\S]*?)<\/script>/g)) {
    if (!m[1]!.includes('document.write') && !m[1]!.includes('eval(')) continue;
    const document = { write: (s: string) => (written += s) };
    vm.runInNewContext(m[1]!, { document, atob, unescape, escape }, { timeout: 1000 });
  }
  return written;
}

function decodeEntities(s: string): string {
  const named: Record<string, string> = {
    amp: '&',
    lt: '<',
    gt: '>',
    quot: '"',
    nbsp: ' ',
    mdash: '—',
    ndash: '–',
  };
  return s
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&(\w+);/g, (all, n: string) => named[n] ?? all);
}

/** Roughly what a browser shows: tags, scripts and styles gone, entities decoded, whitespace collapsed. */
function textOf(html: string): string {
  const stripped = html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]+>/g, '');
  return decodeEntities(stripped).replace(/\s+/g, ' ');
}

/** Every string a page carries that a browser could turn into text, a dialog or a number. */
function sources(v: Visit): string[] {
  const params = [...v.finalUrl.searchParams.values()];
  const decoded = params.map((p) =>
    /^[A-Za-z0-9+/]{8,}={0,2}$/.test(p) ? Buffer.from(p, 'base64').toString() : p,
  );
  const texts = v.resources
    .filter((r) => /xml|javascript|css/.test(r.type))
    .map((r) => r.body.toString('utf8'));
  return [textOf(v.html), v.html, textOf(v.written), ...texts, ...params, ...decoded];
}

/** A pattern matching a number's national digits however it is punctuated. */
function digitsPattern(e164: string): RegExp {
  const national = parsePhoneNumberFromString(e164)!.nationalNumber;
  return new RegExp([...national].join('[\\s().\\-/]*'));
}

const queryValues = (v: Visit) =>
  [...v.finalUrl.searchParams.values()].flatMap((p) => [p, Buffer.from(p, 'base64').toString('latin1')]);

// What each behaviour looks like in a page's own code: enough to prove the fixture does what it claims.
const SIGNATURES: Record<Behaviour, (code: string, v: Visit) => boolean> = {
  fullscreen: (c) => /requestFullscreen/.test(c),
  pointer_lock: (c) => /requestPointerLock\(/.test(c),
  keyboard_lock: (c) => /navigator\.keyboard\.lock\(/.test(c),
  audio: (c) => /<audio[^>]*\bautoplay\b/.test(c) || /\.play\(\)/.test(c),
  speech: (c) => /speechSynthesis\.speak\(/.test(c),
  beforeunload: (c) => /onbeforeunload\s*=|addEventListener\(\s*['"]beforeunload/.test(c),
  history_flood: (c) => /for\s*\([^)]*\)\s*history\.pushState/.test(c),
  context_menu_disabled: (c) =>
    /oncontextmenu="return false"|contextmenu['"],\s*function\s*\(e\)\s*\{\s*e\.preventDefault/.test(c),
  dialog_loop: (c) => /while\s*\(true\)\s*\{\s*alert\(/.test(c),
  window_open: (c) => /window\.open\(/.test(c),
  window_resize: (c) => /window\.(?:resizeTo|moveTo)\(/.test(c),
  download: (c, v) => /\.click\(\)/.test(c) && v.resources.some((r) => r.attachment),
  basic_auth: (_c, v) => v.status === 401 && v.realm !== null,
  cursor_hidden: (c) => /cursor:\s*none|cursor\s*=\s*'none'/.test(c),
};

describe('popup fixture manifest', () => {
  it('has at least 16 scam and 16 ordinary pages with unique names', () => {
    const names = site.pages.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    expect(site.pages.filter((p) => p.kind === 'scam').length).toBeGreaterThanOrEqual(16);
    expect(site.pages.filter((p) => p.kind === 'ordinary').length).toBeGreaterThanOrEqual(16);
  });

  it('gives every scam a number, and every number is valid E.164 and not fictitious', () => {
    for (const page of site.pages) {
      if (page.kind === 'scam') expect(page.expect.phones?.length, page.name).toBeGreaterThan(0);
      expect(page.expect.noPhones && page.expect.phones, page.name).toBeFalsy();
      for (const { e164 } of page.expect.phones ?? []) {
        const parsed = parsePhoneNumberFromString(e164);
        expect(parsed?.isValid(), `${page.name} ${e164}`).toBe(true);
        expect(parsed?.number).toBe(e164);
        expect(e164, 'NANP 555-01xx is fiction').not.toMatch(/^\+1\d{3}55501\d{2}$/);
      }
      if (page.expect.sharedAssetWith)
        expect(site.pages.map((p) => p.name)).toContain(page.expect.sharedAssetWith);
    }
  });
});

describe('popup fixture pages over HTTP', () => {
  const visits = new Map<string, Visit>();
  const visited = async (page: PopupFixture) => {
    let v = visits.get(page.name);
    if (!v) {
      v = await visit(page);
      visits.set(page.name, v);
    }
    return v;
  };

  it.each(NAMES)('%s answers as the manifest says', async (name) => {
    const page = site.pages.find((p) => p.name === name)!;
    const v = await visited(page);
    const e = page.expect;
    expect(v.status).toBe(e.status ?? 200);
    if (e.title !== undefined)
      expect(decodeEntities(/<title>([^<]*)<\/title>/.exec(v.html)?.[1] ?? '')).toBe(e.title);
    if (e.language) expect(/<html lang="([^"]+)"/.exec(v.html)?.[1]).toBe(e.language);
    expect(v.hops).toBe(e.redirects ?? 0);
    if (e.finalPathIncludes)
      expect(decodeURI(v.finalUrl.pathname + v.finalUrl.search)).toContain(e.finalPathIncludes);
    if (e.authRealm) expect(v.realm).toContain(e.authRealm);
    else expect(v.realm).toBeNull();
    for (const id of e.trackingIds ?? []) {
      const [vendor, value] = id.split(/:(.*)/s) as [string, string];
      expect(v.html).toContain(vendor === 'tawk' ? `embed.tawk.to/${value}` : `'${value}`);
    }
    for (const r of v.resources) expect(r.status, r.url.href).toBe(200);
    const all = sources(v);
    if (!ASSEMBLED_BY_SCRIPT.has(page.name))
      for (const t of e.textIncludes ?? [])
        expect(
          all.some((s) => s.includes(t)),
          t,
        ).toBe(true);
    for (const d of e.dialogs ?? []) expect(v.html.replace(/' \+\s*'/g, '')).toContain(d);
  });

  it.each(NAMES)('%s carries its numbers where the manifest says, and no others', async (name) => {
    const page = site.pages.find((p) => p.name === name)!;
    const v = await visited(page);
    const all = sources(v);
    for (const { e164, source } of page.expect.phones ?? []) {
      const digits = digitsPattern(e164);
      const where = {
        text: () => all.some((s) => digits.test(s)),
        url: () => queryValues(v).some((q) => digits.test(q)),
        dialog: () => digits.test(v.html.replace(/' \+\s*'/g, '')),
        auth_realm: () => v.realm !== null && digits.test(v.realm),
        title: () => digits.test(/<title>([^<]*)<\/title>/.exec(v.html)?.[1] ?? ''),
        response: () =>
          v.resources.some((r) => /xml|json/.test(r.type) && digits.test(r.body.toString('utf8'))),
        // Pixels only: not in any byte of text the page carries, nor in its URL, nor in a realm.
        ocr: () => !all.some((s) => digits.test(s)) && v.resources.some((r) => r.type === 'image/png'),
      }[source];
      expect(where(), `${e164} from ${source}`).toBe(true);
    }
    // Numbers a reader of the text would find must all be expected: catches a typo in either place.
    const region = REGION_OF_LANGUAGE[page.expect.language ?? 'en'] ?? 'US';
    const readable = [textOf(v.html), textOf(v.written), ...(v.realm ? [v.realm] : [])];
    const resourceTexts = v.resources.filter((r) => /xml/.test(r.type)).map((r) => r.body.toString('utf8'));
    const seen = [...readable, ...resourceTexts].flatMap((s) =>
      findPhoneNumbersInText(s, region).map((f) => f.number.number),
    );
    const expected = new Set((page.expect.phones ?? []).map((p) => p.e164));
    for (const n of seen) expect(expected, `unexpected ${n}`).toContain(n);
    if (page.expect.noPhones) expect(seen).toEqual([]);
  });

  it.each(NAMES)(
    '%s has the code of the behaviours it claims, and not of those it must not show',
    async (name) => {
      const page = site.pages.find((p) => p.name === name)!;
      const v = await visited(page);
      const code = [
        v.html,
        v.written,
        ...v.resources.filter((r) => /javascript|css/.test(r.type)).map((r) => r.body.toString('utf8')),
      ].join('\n');
      for (const b of page.expect.behaviours ?? []) expect(SIGNATURES[b](code, v), b).toBe(true);
      for (const b of page.expect.notBehaviours ?? []) expect(SIGNATURES[b](code, v), b).toBe(false);
    },
  );

  it('shares byte-identical assets where the manifest says so', async () => {
    for (const page of site.pages.filter((p) => p.expect.sharedAssetWith)) {
      const other = site.pages.find((p) => p.name === page.expect.sharedAssetWith)!;
      const hashes = async (p: PopupFixture) =>
        new Set(
          (await visited(p)).resources
            .filter((r) => !r.type.startsWith('text/html'))
            .map((r) => createHash('sha256').update(r.body).digest('hex')),
        );
      const mine = await hashes(page);
      const theirs = await hashes(other);
      expect(
        [...mine].some((h) => theirs.has(h)),
        `${page.name} and ${other.name}`,
      ).toBe(true);
    }
  });
});

describe('popup fixture server behaviours', () => {
  it('answers the scam realm 401 on every attempt, credentials or not', async () => {
    for (const auth of [
      undefined,
      'Basic YWRtaW46YWRtaW4=',
      `Basic ${Buffer.from(STAGING_LOGIN).toString('base64')}`,
    ]) {
      const res = await get('/scam/auth/', auth ? { authorization: auth } : {});
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe(`Basic realm="${SCAM_REALM}"`);
      await res.body?.cancel();
    }
  });

  it('lets the staging server in with its login (a real 401, not a loop)', async () => {
    const denied = await get('/site/staging/');
    expect(denied.status).toBe(401);
    expect(denied.headers.get('www-authenticate')).toBe(`Basic realm="${STAGING_REALM}"`);
    const allowed = await get('/site/staging/', {
      authorization: `Basic ${Buffer.from(STAGING_LOGIN).toString('base64')}`,
    });
    expect(allowed.status).toBe(200);
  });

  it('routes the lander by user agent: Windows, Mac Safari and anything else get different pages', async () => {
    const titles = await Promise.all(
      [WINDOWS_UA, MAC_UA, BOT_UA, PROFILES['windows-firefox'].userAgent].map(async (ua) => {
        const html = await (await get('/scam/lander/?sub=ad7731', { 'user-agent': ua })).text();
        return /<title>([^<]*)<\/title>/.exec(html)?.[1];
      }),
    );
    expect(titles).toEqual([
      'Windows Defender - Security Warning',
      'Apple Security Alert',
      'Garden Tips &amp; Tricks',
      'Windows Defender - Security Warning',
    ]);
  });

  it('serves Support.exe as an attachment', async () => {
    const res = await get('/download/Support.exe');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="Support.exe"');
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 2)
        .toString('latin1'),
    ).toBe('MZ');
  });

  it('redirects /go/ through two 302s', async () => {
    const first = await get('/go/7f3k2');
    expect(first.status).toBe(302);
    const second = await get(first.headers.get('location')!);
    expect(second.status).toBe(302);
    expect(second.headers.get('location')).toBe('/scam/bsod/?cid=7f3k2');
  });

  it('answers 404 for unknown paths, does not serve its own sources, and stays inside its root', async () => {
    for (const p of [
      '/nope',
      '/manifest.ts',
      '/make-assets.ts',
      '/%2e%2e/%2e%2e/package.json',
      '/../../package.json',
    ]) {
      const res = await get(p);
      expect(res.status, p).toBe(404);
      await res.body?.cancel();
    }
  });
});

describe('popup fixture files', () => {
  it('every file a served page or stylesheet references exists on the site', async () => {
    for (const file of await servedFiles()) {
      if (!/\.(?:html|css|js)$/.test(file)) continue;
      const text = await readFile(path.join(POPUP_ROOT, file), 'utf8');
      const base = new URL(`/${file.replace(/index\.html$/, '')}`, site.origin);
      for (const ref of references(text, base)) {
        const res = await get(ref.href);
        expect(res.status, `${file} → ${ref.pathname}${ref.search}`).toBeLessThan(400);
        await res.body?.cancel();
      }
    }
  });

  it('no served file references anything off the machine', async () => {
    const offenders: string[] = [];
    for (const file of await servedFiles()) {
      if (!/\.(?:html|css|js|xml)$/.test(file)) continue;
      for (const url of externalUrls(await readFile(path.join(POPUP_ROOT, file), 'utf8')))
        offenders.push(`${file}: ${url}`);
    }
    for (const page of site.pages)
      if (!page.path.startsWith('/') || page.path.startsWith('//')) offenders.push(page.path);
    expect(offenders).toEqual([]);
  });

  it('the off-machine guard catches absolute, protocol-relative and CSS URLs, and passes loopback', () => {
    expect(
      externalUrls(
        `<script src="https://embed.tawk.to/x/y"></script><img src="//cdn.example.net/a.png">
         <style>body{background:url(http://evil.example/b.png)}</style> j.src='//www.googletagmanager.com/gtm.js';`,
      ),
    ).toEqual([
      'https://embed.tawk.to/x/y',
      'http://evil.example/b.png',
      '//cdn.example.net/a.png',
      '//www.googletagmanager.com/gtm.js',
    ]);
    expect(
      externalUrls('<a href="http://127.0.0.1:8080/x">x</a> <a href="http://localhost/">y</a> // a comment'),
    ).toEqual([]);
  });
});

/** Absolute and protocol-relative URLs whose host is not loopback. */
function externalUrls(text: string): string[] {
  const out: string[] = [];
  const loopback = /^(?:127\.\d+\.\d+\.\d+|localhost|\[::1\])(?::\d+)?$/i;
  for (const m of text.matchAll(/\bhttps?:\/\/([^/\s"'`)<>]+)[^\s"'`)<>]*/gi))
    if (!loopback.test(m[1]!)) out.push(m[0]);
  for (const m of text.matchAll(/(?<=["'`(=]\s*)\/\/([a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?)[^\s"'`)<>]*/gi))
    if (!loopback.test(m[1]!)) out.push(m[0]);
  return out;
}

/** Files under the fixture root that the site serves, relative to it. */
async function servedFiles(): Promise<string[]> {
  const entries = await readdir(POPUP_ROOT, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && SERVED_TYPES[path.extname(e.name)] !== undefined)
    .map((e) => path.relative(POPUP_ROOT, path.join(e.parentPath, e.name)));
}
