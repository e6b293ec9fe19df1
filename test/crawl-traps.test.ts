import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Crawler } from '../src/crawl/crawler.js';
import { PROFILES } from '../src/crawl/profiles.js';
import { VISIT_LIMITS } from '../src/crawl/visit.js';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** A page that never lets go: the visit must end on time, the browser must die, and the next visit work. */
describe('a page that hangs the browser', () => {
  let server: Server;
  let origin: string;
  let crawler: Crawler;

  beforeAll(async () => {
    server = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      if (req.url === '/hang')
        res.end(
          '<title>Hang</title><h1>Call +1 844 329 0175</h1><script>setTimeout(() => { for (;;) {} }, 300)</script>',
        );
      else res.end('<title>Fine</title><p>An ordinary page.</p>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    origin = `http://127.0.0.1:${port}`;
    crawler = await Crawler.start({
      guard: { allowLoopback: [port] },
      ocr: false,
      limits: { ...VISIT_LIMITS, navigationMs: 3000, stepMs: 1500, totalMs: 6000 },
    });
  });
  afterAll(async () => {
    await crawler?.close();
    server?.close();
  });

  it('ends the visit at the time limit, keeps what was captured, kills the browser and starts a new one', async () => {
    const t0 = performance.now();
    const { capture } = await crawler.crawl(`${origin}/fine`, PROFILES['windows-chrome']);
    expect(capture.title).toBe('Fine');
    const first = crawler.browserPid!;
    expect(alive(first)).toBe(true);
    const hung = await crawler.crawl(`${origin}/hang`, PROFILES['windows-chrome']);
    expect(performance.now() - t0).toBeLessThan(15_000);
    expect(hung.capture.error).toMatch(/time limit/);
    expect(hung.capture.status).toBe(200);
    await new Promise((r) => setTimeout(r, 500));
    expect(alive(first)).toBe(false);
    const after = await crawler.crawl(`${origin}/fine`, PROFILES['windows-chrome']);
    expect(after.capture.error).toBeNull();
    expect(crawler.browserPid).not.toBe(first);
    const second = crawler.browserPid!;
    await crawler.close();
    await new Promise((r) => setTimeout(r, 500));
    expect(alive(second)).toBe(false);
  }, 60_000);
});
