import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/core/config.js';
import { type Running, startDragnet } from '../src/server/start.js';
import { labelledCaptures } from '../src/store/crawls.js';
import { runCli } from './helpers/cli.js';
import { ENGINES, freshStoreOptions } from './helpers/engines.js';
import { type PopupSite, startPopupSite } from './helpers/popup-site.js';
import { until } from './helpers/until.js';

const TOKEN = 'crawl-e2e-token';
const auth = { authorization: `Bearer ${TOKEN}` };

/**
 * The whole loop as users meet it: a victim reports only the popup's address, another only the number they
 * called; the crawler visits the reported URL, the page shows the number, and the two reports end up in
 * one operation, explained through the crawled page. Evidence is served by hash.
 */
describe.each(ENGINES)('crawling reported popups end to end on %s', (engine) => {
  let site: PopupSite;
  let running: Running;
  let cleanup: () => Promise<void>;
  let popup: string;

  beforeAll(async () => {
    site = await startPopupSite();
    popup = `${site.origin}/scam/defender/?cep=e4Kd9&lpkey=16a2f3&gclid=Cj0KCQiA`;
    process.env.DRAGNET_CRAWL_ALLOW_LOOPBACK = new URL(site.origin).port;
    process.env.DRAGNET_API_TOKEN = TOKEN;
    process.env.DRAGNET_CRAWL_OCR = '0';
    const o = await freshStoreOptions(engine);
    cleanup = o.cleanup;
    const config = { ...loadConfig({ LOG_LEVEL: 'silent' }), dataDir: o.dataDir, databaseUrl: o.databaseUrl };
    running = await startDragnet({ port: 0, host: '127.0.0.1', roles: ['web', 'worker', 'crawler'], config });
  }, 60_000);
  afterAll(async () => {
    await running?.stop();
    await cleanup?.();
    await site?.close();
  });

  it('links a report of the URL and a report of the number through the crawled page', async () => {
    const res = await fetch(`${running.address}/api/reports/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        reports: [
          {
            channel: 'popup',
            urls: [popup],
            narrative: 'A blue Windows Defender screen took over my browser and would not close.',
            victim: { country: 'US' },
          },
          {
            channel: 'inbound_call',
            narrative: 'I called Microsoft support at 844-507-3391 and they asked for $399 in gift cards.',
            victim: { country: 'US' },
          },
        ],
      }),
    });
    expect(res.status).toBe(201);
    const [byUrl, byPhone] = ((await res.json()) as { results: Array<{ id: string }> }).results.map(
      (r) => r.id,
    );
    const db = running.ctx.store.db;
    const capture = await until('the crawl of the reported URL', async () =>
      db
        .selectFrom('crawlCaptures')
        .select(['id', 'operationId', 'reportId', 'origin', 'screenshotSha256'])
        .where('url', '=', popup)
        .executeTakeFirst(),
    );
    expect(capture.origin).toBe('report');
    expect(capture.reportId).toBe(byUrl);
    const ops = await until('both reports in the crawled page operation', async () => {
      const rows = await db
        .selectFrom('reportOperations')
        .select(['reportId', 'operationId'])
        .where('reportId', 'in', [byUrl!, byPhone!])
        .execute();
      const set = new Set(rows.map((r) => r.operationId));
      return rows.length === 2 && set.size === 1 ? [...set][0] : undefined;
    });
    const explained = await fetch(`${running.address}/api/explain?a=${byUrl}&b=${byPhone}`, {
      headers: auth,
    });
    const body = (await explained.json()) as { linked: boolean; explanation: { steps: unknown[] } };
    expect(body.linked).toBe(true);
    expect(JSON.stringify(body.explanation)).toContain('+18445073391');
    expect(JSON.stringify(body.explanation)).toContain('crawl:');

    const listed = await fetch(`${running.address}/api/crawls?operationId=${ops}`, { headers: auth });
    const { captures } = (await listed.json()) as {
      captures: Array<{ id: string; screenshotSha256: string }>;
    };
    expect(captures.map((c) => c.id)).toContain(capture.id);
    const one = await fetch(`${running.address}/api/crawls/${capture.id}`, { headers: auth });
    const detail = (await one.json()) as {
      capture: { phones: Array<{ e164: string }>; behaviours: string[]; blobs: { html: string } };
    };
    expect(detail.capture.phones.map((p) => p.e164)).toContain('+18445073391');
    expect(detail.capture.behaviours).toContain('fullscreen');
    const shot = await fetch(`${running.address}/api/evidence/${capture.screenshotSha256}`, {
      headers: auth,
    });
    expect(shot.headers.get('content-type')).toBe('image/png');
    const png = Buffer.from(await shot.arrayBuffer());
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // The attacker's HTML is only ever a download, never a page of ours.
    const html = await fetch(`${running.address}/api/evidence/${detail.capture.blobs.html}`, {
      headers: auth,
    });
    expect(html.headers.get('content-type')).toBe('application/octet-stream');
    expect(html.headers.get('content-disposition')).toContain('attachment');
    expect(html.headers.get('content-security-policy')).toContain('sandbox');
    expect((await fetch(`${running.address}/api/evidence/${capture.screenshotSha256}`)).status).toBe(401);
    // An analyst labels the page; the latest label is what training sees.
    const label = (l: string) =>
      fetch(`${running.address}/api/crawls/${capture.id}/label`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json', 'x-dragnet-user': 'ana' },
        body: JSON.stringify({ label: l, note: 'fake Defender' }),
      });
    expect((await label('legitimate')).status).toBe(201);
    expect((await label('scam')).status).toBe(201);
    expect((await label('maybe')).status).toBe(400);
    const labelled = await labelledCaptures(db);
    expect(labelled.map((l) => [l.captureId, l.label])).toEqual([[capture.id, 'scam']]);
    const shown = (await (
      await fetch(`${running.address}/api/crawls?operationId=${ops}`, { headers: auth })
    ).json()) as {
      total: number;
      captures: Array<{ id: string; label: { label: string; author: string } | null }>;
    };
    expect(shown.total).toBe(shown.captures.length);
    expect(shown.captures.find((c) => c.id === capture.id)?.label).toMatchObject({
      label: 'scam',
      author: 'ana',
    });
  }, 120_000);

  it('queues API crawl requests once per URL and profile, and validates them', async () => {
    const url = `${site.origin}/site/news/`;
    const post = (body: unknown) =>
      fetch(`${running.address}/api/crawls`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await post({ urls: [url], profiles: ['mac-safari'] })).status).toBe(202);
    expect((await post({ urls: [url], profiles: ['mac-safari'] })).status).toBe(202);
    await until('the API crawl', async () => {
      const rows = await running.ctx.store.db
        .selectFrom('crawlCaptures')
        .select('id')
        .where('url', '=', url)
        .where('profile', '=', 'mac-safari')
        .execute();
      return rows.length > 0 ? rows : undefined;
    });
    // Give a duplicate job time to run, had one been queued.
    await new Promise((r) => setTimeout(r, 3000));
    const rows = await running.ctx.store.db
      .selectFrom('crawlCaptures')
      .select('id')
      .where('url', '=', url)
      .where('profile', '=', 'mac-safari')
      .execute();
    expect(rows).toHaveLength(1);
    const bad = await post({ urls: ['file:///etc/passwd'], profiles: ['netscape'] });
    expect(bad.status).toBe(400);
    const problems = JSON.stringify(await bad.json());
    expect(problems).toContain('urls');
    expect(problems).toContain('profiles');
  }, 60_000);
});

describe('dragnet crawl', () => {
  let site: PopupSite;
  beforeAll(async () => {
    site = await startPopupSite();
  });
  afterAll(() => site?.close());

  it('prints one JSON line per URL with the capture fields, and stores the evidence', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'dragnet-crawl-cli-'));
    const urls = [`${site.origin}/scam/auth/`, `${site.origin}/scam/pn/?pn=KzEtODY2LTU5MC00NDEy`];
    const r = await runCli(['crawl', ...urls, '--json', '--no-ocr'], {
      DRAGNET_DATA: dataDir,
      DRAGNET_CRAWL_ALLOW_LOOPBACK: new URL(site.origin).port,
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    for (const l of lines)
      for (const k of [
        'url',
        'finalUrl',
        'status',
        'phones',
        'title',
        'behaviours',
        'fingerprints',
        'screenshots',
      ])
        expect(l).toHaveProperty(k);
    expect(lines[0].status).toBe(401);
    expect(lines[0].phones).toEqual(['+18443907712']);
    expect(lines[0].behaviours).toContain('basic_auth');
    expect(lines[1].phones).toEqual(['+18665904412']);
    for (const l of lines) {
      expect(l.screenshots).toHaveLength(2);
      for (const s of l.screenshots) expect(s).toMatch(/^[0-9a-f]{64}$/);
    }
  }, 120_000);

  it('refuses a private address with exit 1 and says why; bad usage exits 2', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'dragnet-crawl-cli-'));
    const r = await runCli(['crawl', 'http://169.254.169.254/latest/meta-data/'], { DRAGNET_DATA: dataDir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('refused');
    expect(r.stdout).toContain('cloud-metadata');
    const usage = await runCli(['crawl', 'ftp://example.com/'], { DRAGNET_DATA: dataDir });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('not an http(s) URL');
  }, 60_000);
});
