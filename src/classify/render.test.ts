import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RenderResult, renderPages } from './render.js';

async function collect(results: AsyncIterable<RenderResult>): Promise<Map<string, RenderResult>> {
  const byId = new Map<string, RenderResult>();
  for await (const r of results) byId.set(r.id, r);
  return byId;
}

function pngOf(result: RenderResult | undefined): Buffer {
  if (!result || !('png' in result)) throw new Error(`no screenshot: ${JSON.stringify(result)}`);
  return result.png;
}

describe('renderPages', () => {
  let server: Server;
  let port = 0;
  const seen: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(`request ${req.url}`);
      res.end('x');
    });
    // Any TCP connection at all counts, whatever protocol it would have spoken.
    server.on('connection', () => seen.push('connection'));
    server.on('upgrade', (req) => seen.push(`upgrade ${req.url}`));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('screenshots the page at 1366×768 with scripts run and dialogs dismissed', async () => {
    const html = `<body style="margin:0;background:#fff"><script>
      alert('Your computer is infected'); confirm('Call now?');
      document.body.style.background = '#d00000';
    </script></body>`;
    const results = await collect(renderPages([{ id: 'red', html }]));
    const png = pngOf(results.get('red'));
    const meta = await sharp(png).metadata();
    expect([meta.width, meta.height]).toEqual([1366, 768]);
    const { dominant } = await sharp(png).stats();
    expect(dominant).toEqual({ r: 200, g: 8, b: 8 });
  });

  it('lets nothing leave the browser: sub-resources, fetch, beacons, frames, WebSockets, preconnects', async () => {
    const base = `http://127.0.0.1:${port}`;
    const html = `<html><head>
      <link rel="preconnect" href="${base}"><link rel="dns-prefetch" href="${base}">
      <link rel="stylesheet" href="${base}/style.css"><link rel="icon" href="${base}/favicon.ico">
      <script src="${base}/kit.js"></script>
      <style>@font-face { font-family: X; src: url(${base}/font.woff2) } body { font-family: X; background: url(${base}/bg.png) }</style>
      </head><body>
      <img src="${base}/x.png"><iframe src="${base}/frame.html"></iframe>
      <video src="${base}/alarm.mp4" autoplay></video><audio src="${base}/beep.mp3" autoplay></audio>
      <a id="a" href="${base}/next" ping="${base}/ping">next</a>
      <form id="f" action="${base}/form" method="post"></form>
      <script>
        fetch('${base}/fetch').catch(() => {});
        navigator.sendBeacon('${base}/beacon', 'x');
        try { new WebSocket('ws://127.0.0.1:${port}/ws'); } catch {}
        new Image().src = '${base}/pixel.gif';
        const x = new XMLHttpRequest(); x.open('GET', '${base}/xhr'); x.send();
        window.open('${base}/popup');
        setTimeout(() => { document.getElementById('a').click(); document.getElementById('f').submit(); }, 20);
      </script></body></html>`;
    const results = await collect(renderPages([{ id: 'leaky', html }], { settleMs: 600 }));
    expect(results.get('leaky')).toBeDefined();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(seen).toEqual([]);
  });

  it('ends a page that never finishes at the time limit and renders the next one', async () => {
    const pages = [
      { id: 'hang', html: '<body><script>for (;;) {}</script></body>' },
      { id: 'after', html: '<body style="background:#000"></body>' },
    ];
    const started = performance.now();
    const results = await collect(renderPages(pages, { concurrency: 1, timeoutMs: 2000 }));
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(results.get('hang')).toMatchObject({ error: expect.stringContaining('time limit') });
    const { dominant } = await sharp(pngOf(results.get('after'))).stats();
    expect(dominant).toEqual({ r: 8, g: 8, b: 8 });
  });

  it('reuses cached screenshots of the same HTML', async () => {
    const { mkdtemp, readdir, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const cacheDir = await mkdtemp(join(tmpdir(), 'dragnet-render-test-'));
    try {
      const page = { id: 'p', html: '<body style="background:#0078d7"><h1>Alert</h1></body>' };
      const first = await collect(renderPages([page], { cacheDir }));
      const second = await collect(renderPages([{ ...page, id: 'q' }], { cacheDir }));
      expect(first.get('p')).toMatchObject({ cached: false });
      expect(second.get('q')).toMatchObject({ cached: true });
      expect(pngOf(second.get('q')).equals(pngOf(first.get('p')))).toBe(true);
      expect(await readdir(cacheDir)).toHaveLength(1);
    } finally {
      await rm(cacheDir, { recursive: true, force: true });
    }
  });
});
