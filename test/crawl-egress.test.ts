import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { type AddressInfo, createServer as createTcpServer, type Server as TcpServer } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Crawler } from '../src/crawl/crawler.js';
import { PROFILES } from '../src/crawl/profiles.js';
import type { Capture } from '../src/crawl/types.js';

const FIXTURES = path.resolve(import.meta.dirname, 'fixtures/egress');

/**
 * What the hostile names resolve to: loopback (on a port that is not allowed), private, cloud metadata,
 * IPv6 loopback, IPv4-mapped loopback (on the allowed port), a public address mixed with a private one,
 * and a name that rebinds from the allowed site to a private address after its first answer.
 */
function resolver() {
  let rebinds = 0;
  const names: Record<string, () => string[]> = {
    'site.test': () => ['127.0.0.1'],
    'loop.test': () => ['127.0.0.1'],
    'ten.test': () => ['10.0.0.5'],
    'meta.test': () => ['169.254.169.254'],
    'v6loop.test': () => ['::1'],
    'mapped.test': () => ['::ffff:127.0.0.1'],
    'mixed.test': () => ['93.184.216.34', '10.1.2.3'],
    'rebind.test': () => (rebinds++ === 0 ? ['127.0.0.1'] : ['10.9.9.9']),
  };
  return async (host: string): Promise<string[]> => {
    const answer = names[host];
    if (!answer) throw Object.assign(new Error(`no such name ${host}`), { code: 'ENOTFOUND' });
    return answer();
  };
}

const listen = <T extends Server | TcpServer>(server: T) =>
  new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );

/**
 * A scam page, crawled in real Chromium behind the egress proxy, tries every way a page has to reach the
 * crawler's own network (fixtures/egress): sub-resources of every kind, prefetch and preload, CSS imports
 * and backgrounds, media, object and embed, fetch over http and https, XHR, EventSource, sendBeacon,
 * WebSockets, a form POST, a 307 that re-posts, frames that navigate and refresh, a popup, a dedicated
 * worker, a service worker, WebRTC (STUN over UDP, TURN over TCP), and names resolving to loopback,
 * private, metadata, IPv6 loopback and IPv4-mapped addresses, a mixed answer and a rebinding one. The
 * secret server on loopback sees no connection, the UDP listener no packet, and each attempt is refused.
 */
describe('the crawler against a page that aims at its own network', () => {
  let site: Server;
  let internal: TcpServer;
  let udp: UdpSocket;
  let crawler: Crawler;
  let sitePort = 0;
  let internalPort = 0;
  let udpPort = 0;
  let internalConnections = 0;
  let udpPackets = 0;
  const served: string[] = [];
  let capture: Capture;

  beforeAll(async () => {
    internal = createTcpServer((socket) => {
      internalConnections++;
      socket.end('HTTP/1.1 200 OK\r\ncontent-length: 14\r\n\r\ninternal secret');
    });
    internalPort = await listen(internal);
    udp = createSocket('udp4');
    udp.on('message', () => {
      udpPackets++;
    });
    await new Promise<void>((resolve) => udp.bind(0, '127.0.0.1', resolve));
    udpPort = udp.address().port;
    const fill = (file: string) =>
      readFileSync(path.join(FIXTURES, file), 'utf8')
        .replaceAll('{{INTERNAL}}', String(internalPort))
        .replaceAll('{{SITE_PORT}}', String(sitePort))
        .replaceAll('{{UDP}}', String(udpPort));
    site = createServer((req, res) => {
      const url = req.url ?? '/';
      served.push(url);
      const send = (status: number, type: string, body: string, headers: Record<string, string> = {}) =>
        res.writeHead(status, { 'content-type': type, ...headers }).end(body);
      if (url === '/') return send(200, 'text/html; charset=utf-8', fill('page.html'));
      if (url === '/worker.js' || url === '/sw.js') return send(200, 'text/javascript', fill(url.slice(1)));
      if (url === '/r307')
        return send(307, 'text/plain', '', { location: `http://loop.test:${internalPort}/after-307` });
      if (url === '/to-metadata')
        return send(302, 'text/plain', '', { location: 'http://meta.test/latest/meta-data/iam/' });
      if (url === '/to-mapped')
        return send(302, 'text/plain', '', { location: `http://mapped.test:${sitePort}/` });
      return send(200, 'text/plain', 'ok');
    });
    sitePort = await listen(site);
    crawler = await Crawler.start({ guard: { allowLoopback: [sitePort], lookup: resolver() }, ocr: false });
    ({ capture } = await crawler.crawl(`http://site.test:${sitePort}/`, PROFILES['windows-chrome']));
  }, 90_000);
  afterAll(async () => {
    await crawler?.close();
    site?.close();
    internal?.close();
    udp?.close();
  });

  it('loads the page and runs its scripts (the attempts really happen)', () => {
    expect(capture.status).toBe(200);
    expect(capture.title).toBe('Windows Defender - Security Warning');
    expect(capture.text).toContain('script: ran;');
    expect(capture.phones.map((p) => p.e164)).toContain('+18443290175');
  });

  it('lets nothing reach the secret loopback server, over TCP or UDP, from the page, its frames or workers', () => {
    expect(internalConnections).toBe(0);
    expect(udpPackets).toBe(0);
    expect(capture.text).not.toContain('internal secret');
  });

  it('refuses each way out, each hostile name and each address spelling, and says why', () => {
    const i = internalPort;
    const site = sitePort;
    const LOOP = /loop\.test resolves to 127\.0\.0\.1, a loopback address/;
    const TEN = /ten\.test resolves to 10\.0\.0\.5, a private address/;
    const META = /meta\.test resolves to 169\.254\.169\.254, a cloud-metadata address/;
    const V6 = /v6loop\.test resolves to ::1, a loopback address/;
    const MAPPED = /mapped\.test resolves to ::ffff:127\.0\.0\.1, an ipv4-mapped loopback address/;
    // [what the page did, the URL (or CONNECT authority) refused, why]
    const expectations: Array<[string, string, RegExp]> = [
      ['link prefetch', `http://loop.test:${i}/prefetch`, LOOP],
      ['link preload', 'http://ten.test/preload.js', TEN],
      ['stylesheet', 'http://meta.test/latest/meta-data/style.css', META],
      ['CSS @import', `http://v6loop.test:${i}/import.css`, V6],
      ['CSS background', `http://mapped.test:${site}/mapped-background.png`, MAPPED],
      ['img srcset', 'http://ten.test/srcset.png', TEN],
      ['video', 'http://meta.test/video.mp4', META],
      ['audio', `http://loop.test:${i}/audio.wav`, LOOP],
      ['fetch', `http://loop.test:${i}/fetch`, LOOP],
      ['fetch over https (CONNECT)', 'ten.test:443', TEN],
      [
        'fetch to a mixed answer',
        'http://mixed.test/mixed',
        /mixed\.test resolves to 10\.1\.2\.3, a private address/,
      ],
      ['XHR', 'http://meta.test/latest/api/token', META],
      ['EventSource', `http://v6loop.test:${i}/events`, V6],
      ['sendBeacon', `http://loop.test:${i}/beacon`, LOOP],
      ['307 re-post', `http://loop.test:${i}/after-307`, LOOP],
      [
        'rebinding name',
        `http://rebind.test:${site}/second`,
        /rebind\.test resolves to 10\.9\.9\.9, a private address/,
      ],
      ['form POST', `http://loop.test:${i}/form`, LOOP],
      ['meta refresh in a frame', 'http://ten.test/meta-refresh', TEN],
      ['frame navigation', 'http://meta.test/navigate', META],
      ['worker fetch', `http://loop.test:${i}/worker-fetch`, LOOP],
      ['worker importScripts', 'http://ten.test/worker-import.js', TEN],
      ['wss:// (CONNECT)', `loop.test:${i}`, LOOP],
      ['ws:// (CONNECT)', `mapped.test:${site}`, MAPPED],
      ['WebRTC TURN over TCP (CONNECT)', `127.0.0.1:${i}`, /127\.0\.0\.1 is a loopback address/],
      ['0.0.0.0', `http://0.0.0.0:${i}/unspecified.png`, /unspecified/],
      ['127.1', `http://127.0.0.1:${i}/short.png`, /loopback/],
      ['0x7f000001', `http://127.0.0.1:${i}/hex.png`, /loopback/],
      ['[::ffff:7f00:1]', `http://[::ffff:7f00:1]:${i}/mapped-hex.png`, /ipv4-mapped loopback/],
      ['localhost.', `http://localhost.:${i}/trailing-dot.png`, /localhost is loopback/],
      ['sub.localhost', `http://sub.localhost:${site}/sub-localhost.png`, /loopback name/],
    ];
    const refused = capture.blocked.map((b) => `${b.url} ${b.reason}`);
    const missing = expectations.filter(
      ([, url, reason]) => !capture.blocked.some((b) => b.url === url && reason.test(b.reason)),
    );
    expect(
      missing.map(([what, url]) => `${what}: ${url}`),
      refused.join('\n'),
    ).toEqual([]);
  });

  it('checks every request afresh: a rebinding name served once from the site is refused once private', () => {
    expect(served).toContain('/first');
    expect(served).not.toContain('/second');
    // The 307 re-posted to the secret server was refused (no connection above); the site saw the first leg.
    expect(served).toContain('/r307');
  });

  it('never lets a service worker in, and runs the dedicated worker behind the same proxy', () => {
    expect(served).not.toContain('/sw.js');
    expect(capture.text).toMatch(/no service worker|service worker refused/);
    expect(served).toContain('/worker.js');
  });

  it('follows no redirect into a name that resolves to metadata or to mapped loopback', async () => {
    for (const [from, target] of [
      ['/to-metadata', 'meta.test'],
      ['/to-mapped', `mapped.test:${sitePort}`],
    ] as const) {
      const { capture: c } = await crawler.crawl(
        `http://site.test:${sitePort}${from}`,
        PROFILES['windows-chrome'],
      );
      expect(c.blocked.map((b) => b.url).join('\n'), from).toContain(target);
      expect(c.text).not.toContain('internal secret');
    }
    expect(internalConnections).toBe(0);
  }, 60_000);

  it.each([
    ['http://loop.test:{{INTERNAL}}/', /loop\.test resolves to 127\.0\.0\.1, a loopback address/],
    ['http://mapped.test:{{SITE_PORT}}/', /ipv4-mapped loopback/],
    ['http://v6loop.test/', /::1, a loopback address/],
    ['http://rebind.test:{{SITE_PORT}}/', /10\.9\.9\.9, a private address/],
    ['http://localhost.:{{INTERNAL}}/', /localhost is loopback/],
  ])('refuses %s before any browser sees it', async (template, reason) => {
    const url = template
      .replace('{{INTERNAL}}', String(internalPort))
      .replace('{{SITE_PORT}}', String(sitePort));
    const { capture: c, files } = await crawler.crawl(url, PROFILES['windows-chrome']);
    expect(c.error).toMatch(reason);
    expect(c.status).toBeNull();
    expect(files.screenshotBefore).toBeNull();
  });
});
