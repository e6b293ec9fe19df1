import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Crawler } from '../src/crawl/crawler.js';
import { PROFILES } from '../src/crawl/profiles.js';

/** A listening server on 127.0.0.1 that counts the requests it gets. */
async function listen(
  handler: Parameters<typeof createServer>[1],
): Promise<{ server: Server; port: number }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

/**
 * A hostile page in real Chromium tries every way out to addresses the crawler must never reach:
 * images, scripts, iframes, fetch, a WebSocket and a redirect, to private, metadata, IPv6 loopback,
 * mapped and other loopback ports. The guard refuses each and the capture records it; the forbidden
 * server never sees a request.
 */
describe('the crawler cannot be turned against the network it runs in', () => {
  let site: { server: Server; port: number };
  let internal: { server: Server; port: number };
  let internalHits = 0;
  let crawler: Crawler;

  beforeAll(async () => {
    internal = await listen((_req, res) => {
      internalHits++;
      res.end('internal secret');
    });
    const i = internal.port;
    const page = `<!doctype html><html><head><title>Hostile</title></head><body><h1>Loading</h1>
<img src="http://169.254.169.254/latest/meta-data/iam/security-credentials/">
<img src="http://10.0.0.1/router.png"><img src="http://[::1]:${i}/v6.png">
<img src="http://[::ffff:127.0.0.1]:${i}/mapped.png"><img src="http://2130706433:${i}/decimal.png">
<script src="http://127.0.0.1:${i}/steal.js"></script>
<iframe src="http://192.168.1.1/admin"></iframe><iframe src="http://localhost:${i}/frame"></iframe>
<script>
fetch('http://127.0.0.1:${i}/fetch').catch(() => {});
fetch('http://100.100.100.200/latest/meta-data/').catch(() => {});
try { new WebSocket('ws://127.0.0.1:${i}/ws'); } catch (e) {}
</script></body></html>`;
    site = await listen((req, res) => {
      if (req.url === '/redirect') {
        res.writeHead(302, { location: `http://127.0.0.1:${i}/after-redirect` });
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(page);
    });
    crawler = await Crawler.start({ guard: { allowLoopback: [site.port] }, ocr: false });
  }, 60_000);
  afterAll(async () => {
    await crawler?.close();
    site?.server.close();
    internal?.server.close();
  });

  it('refuses every sub-resource, frame, fetch and WebSocket to forbidden addresses, and records them', async () => {
    const { capture } = await crawler.crawl(`http://127.0.0.1:${site.port}/`, PROFILES['windows-chrome']);
    expect(capture.status).toBe(200);
    expect(capture.title).toBe('Hostile');
    const refused = capture.blocked.map((b) => b.url).join('\n');
    for (const target of [
      '169.254.169.254',
      '10.0.0.1',
      '192.168.1.1',
      '100.100.100.200',
      `127.0.0.1:${internal.port}`,
      `[::1]:${internal.port}`,
    ])
      expect(refused, `${target} not refused:\n${refused}`).toContain(target);
    expect(internalHits).toBe(0);
  });

  it('follows no redirect into a forbidden address', async () => {
    const { capture } = await crawler.crawl(
      `http://127.0.0.1:${site.port}/redirect`,
      PROFILES['windows-chrome'],
    );
    expect(capture.blocked.map((b) => b.url).join('\n')).toContain(`127.0.0.1:${internal.port}`);
    expect(capture.text).not.toContain('internal secret');
    expect(internalHits).toBe(0);
  });

  it.each([
    ['http://169.254.169.254/latest/meta-data/', 'cloud-metadata'],
    ['http://10.1.2.3/', 'private'],
    ['http://[fd00:ec2::254]/', 'cloud-metadata'],
    ['http://0x7f.1:8080/', 'loopback'],
    ['file:///etc/passwd', 'scheme'],
  ])('refuses %s before any browser sees it', async (url, why) => {
    const { capture, files } = await crawler.crawl(url, PROFILES['windows-chrome']);
    expect(capture.error).toMatch(/^refused: /);
    expect(capture.error).not.toMatch(/refused: refused/);
    expect(capture.error).toContain(why);
    expect(capture.status).toBeNull();
    expect(files.screenshotBefore).toBeNull();
  });
});
