import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { POPUP_FIXTURES, type PopupFixture } from '../fixtures/popups/manifest.js';

export type { PopupFixture } from '../fixtures/popups/manifest.js';

/** The directory the fixture site serves. */
export const POPUP_ROOT = path.resolve(import.meta.dirname, '../fixtures/popups');

/** Content types of the files the site serves; anything else (the manifest, the generator) is not served. */
export const SERVED_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.wav': 'audio/wav',
  '.png': 'image/png',
};

/** The realm of the scam's 401 loop: the phone number is in the login dialog. */
export const SCAM_REALM = 'Microsoft Warning: Call +1 844 390 7712 Immediately';
/** The realm of the legitimate staging server, and the one login it accepts. */
export const STAGING_REALM = 'Staging - authorised staff only';
export const STAGING_LOGIN = 'staff:letmein';

/** A bit of a PE header and padding: looks like an executable to a sniffer, runs nowhere. */
const FAKE_EXE = Buffer.concat([Buffer.from('MZ\x90\x00', 'latin1'), Buffer.alloc(508)]);

/** The fixture site: scam popups and ordinary pages on 127.0.0.1, with the manifest of what they do. */
export interface PopupSite {
  origin: string;
  pages: PopupFixture[];
  close(): Promise<void>;
}

/** Serves test/fixtures/popups on 127.0.0.1 at a free port, dynamic behaviours included. */
export async function startPopupSite(): Promise<PopupSite> {
  const server = createServer((req, res) => {
    handle(req, res).catch((e: Error) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(e.message);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    pages: POPUP_FIXTURES,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}

type Route = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> | void;

// Routes matched on the path before the static files: what a real kit does in code.
const ROUTES: Array<[RegExp, Route]> = [
  [/^\/scam\/auth\//, (_req, res) => sendFile(res, 'scam/auth/denied.html', 401, basic(SCAM_REALM))],
  [
    /^\/site\/staging\//,
    (req, res) =>
      req.headers.authorization === `Basic ${Buffer.from(STAGING_LOGIN).toString('base64')}`
        ? sendText(res, 200, 'text/plain; charset=utf-8', 'staging build 2024-11-12\n')
        : sendFile(res, 'site/staging/denied.html', 401, basic(STAGING_REALM)),
  ],
  [/^\/scam\/lander\/$/, (req, res) => sendFile(res, `scam/lander/${landerFor(req.headers['user-agent'])}`)],
  [
    /^\/download\/Support\.exe$/,
    (_req, res) => attachment(res, 'Support.exe', 'application/x-msdownload', FAKE_EXE),
  ],
  [
    /^\/site\/downloads\/(larkspur-[\w.-]+\.(?:zip|tar\.gz))$/,
    (_req, res, url) =>
      attachment(res, url.pathname.split('/').at(-1)!, 'application/octet-stream', Buffer.alloc(64)),
  ],
  [
    /^\/go\/(\w+)$/,
    (_req, res, url) => redirect(res, 302, `/r/?c=${url.pathname.slice(4)}&t=1731400000&src=pop`),
  ],
  [/^\/r\/$/, (_req, res, url) => redirect(res, 302, `/scam/bsod/?cid=${url.searchParams.get('c') ?? ''}`)],
  [/^\/site\/old-news$/, (_req, res) => redirect(res, 301, '/site/news/2024/city-council-budget/')],
  // Same-origin stand-ins for the analytics, tag-manager and chat-widget loaders real pages fetch.
  [/^\/gtag\/js$/, (_req, res) => sendFile(res, 'kit/gtag.js')],
  [/^\/gtm\.js$/, (_req, res) => sendFile(res, 'kit/gtm.js')],
  [/^\/analytics\.js$/, (_req, res) => sendFile(res, 'kit/analytics.js')],
  [/^\/embed\.tawk\.to\/[0-9a-f]{24}\/\w+$/, (_req, res) => sendFile(res, 'kit/tawk.js')],
];

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  for (const [pattern, route] of ROUTES) if (pattern.test(url.pathname)) return route(req, res, url);
  return serveStatic(res, url.pathname);
}

/** Which lander a user agent gets: Windows the Defender scam, Mac Safari the Apple one, others a decoy. */
export function landerFor(userAgent: string | undefined): string {
  const ua = userAgent ?? '';
  if (/Windows NT/.test(ua)) return 'windows.html';
  if (/Macintosh/.test(ua) && /Safari\//.test(ua) && !/Chrome\/|Chromium\//.test(ua)) return 'mac.html';
  return 'clean.html';
}

async function serveStatic(res: ServerResponse, pathname: string): Promise<void> {
  let relative: string;
  try {
    relative = decodeURIComponent(pathname).replace(/^\/+/, '');
  } catch {
    return notFound(res);
  }
  const file = path.resolve(POPUP_ROOT, relative);
  if (file !== POPUP_ROOT && !file.startsWith(POPUP_ROOT + path.sep)) return notFound(res);
  const info = await stat(file).catch(() => null);
  if (info?.isDirectory()) {
    if (!pathname.endsWith('/')) return redirect(res, 301, `${pathname}/`);
    return sendFile(res, path.relative(POPUP_ROOT, path.join(file, 'index.html')));
  }
  if (!info?.isFile()) return notFound(res);
  return sendFile(res, path.relative(POPUP_ROOT, file));
}

async function sendFile(
  res: ServerResponse,
  relative: string,
  status = 200,
  headers: Record<string, string> = {},
): Promise<void> {
  const type = SERVED_TYPES[path.extname(relative)];
  const body = type ? await readFile(path.join(POPUP_ROOT, relative)).catch(() => null) : null;
  if (!type || !body) return notFound(res);
  res.writeHead(status, {
    'content-type': type,
    'content-length': body.length,
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(body);
}

async function notFound(res: ServerResponse): Promise<void> {
  const body = await readFile(path.join(POPUP_ROOT, 'site/404.html'));
  res.writeHead(404, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length });
  res.end(body);
}

function sendText(res: ServerResponse, status: number, type: string, text: string): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(text);
}

function redirect(res: ServerResponse, status: 301 | 302, location: string): void {
  res.writeHead(status, {
    location,
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(`<a href="${location}">Moved</a>`);
}

function attachment(res: ServerResponse, filename: string, type: string, body: Buffer): void {
  res.writeHead(200, {
    'content-type': type,
    'content-length': body.length,
    'content-disposition': `attachment; filename="${filename}"`,
    'cache-control': 'no-store',
  });
  res.end(body);
}

const basic = (realm: string) => ({ 'www-authenticate': `Basic realm="${realm}"` });
