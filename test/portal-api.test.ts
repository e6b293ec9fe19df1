import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../src/auth/users.js';
import { processReports } from '../src/jobs/process-reports.js';
import { refreshSummaries } from '../src/operations/summaries.js';
import type { CheckResult } from '../src/portal/check.js';
import type { Store } from '../src/store/database.js';
import { JobQueue } from '../src/store/queue.js';
import { countReports, getReport, SPAM_REVIEWER } from '../src/store/reports.js';
import { triageQueue } from '../src/triage/queue.js';
import { ENGINES, freshStore } from './helpers/engines.js';
import { pngBomb } from './helpers/images.js';
import { testApp, useTestServer } from './helpers/server.js';

const TOKEN = 'portal-token';
const operator = { authorization: `Bearer ${TOKEN}` };
const now = new Date('2026-03-10T12:00:00Z');

/** What the portal's form sends: source "portal", a UUID made in the browser, the victim's own words. */
function portalReport(overrides: Record<string, unknown> = {}) {
  return {
    externalId: randomUUID(),
    source: 'portal',
    language: 'fr',
    channel: 'popup',
    submittedAt: '2026-03-09T18:30:00Z',
    callbackNumbers: ['+33 1 86 95 12 34'],
    urls: ['https://alerte-securite-windows-7781.com/fr/erreur?code=0x80070'],
    narrative:
      "Un message est apparu sur mon ordinateur : virus détecté, appelez le support Microsoft. Le technicien m'a demandé d'installer AnyDesk.",
    victim: { country: 'FR', ageBand: '70_79', name: 'Jeanne Dupont', email: 'jeanne.dupont@example.fr' },
    ...overrides,
  };
}

interface CheckAnswer {
  query: string;
  interpretations: Array<{ kind: string; value: string }>;
  results: CheckResult[];
}

describe.each(ENGINES)('the public portal API on %s', (engine) => {
  const server = useTestServer(engine, TOKEN);

  const submit = (body: unknown, headers: Record<string, string> = {}) =>
    server.app.inject({
      method: 'POST',
      url: '/api/reports',
      payload: body as object,
      headers: { 'content-type': 'application/json', 'x-dragnet-intake': 'portal', ...headers },
    });
  const check = async (q: string, country?: string) => {
    const res = await server.app.inject({
      method: 'GET',
      url: '/api/check',
      query: country ? { q, country } : { q },
    });
    expect(res.statusCode, res.body).toBe(200);
    return { body: res.json<CheckAnswer>(), raw: res.body, headers: res.headers };
  };

  it('stores a double click and a retry of one portal submission as one report, marked portal', async () => {
    const body = portalReport();
    const [a, b] = await Promise.all([submit(body), submit(body)]);
    const retry = await submit(body);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    expect(retry.statusCode).toBe(200);
    const ids = new Set([a, b, retry].map((r) => r.json<{ id: string }>().id));
    expect(ids.size).toBe(1);
    const stored = await getReport(server.store.db, [...ids][0]!);
    expect(stored.intake).toBe('portal');
    expect(stored.externalId).toBe(body.externalId);
    expect(
      await server.store.db
        .selectFrom('reports')
        .select('id')
        .where('externalId', '=', body.externalId)
        .execute(),
    ).toHaveLength(1);
  });

  it('answers an unknown number, site or domain as unknown, with nothing else', async () => {
    const { body, headers } = await check('+1 (844) 555-0199');
    expect(body.interpretations).toEqual([{ kind: 'phone', value: '+18445550199' }]);
    expect(body.results).toEqual([
      {
        kind: 'phone',
        value: '+18445550199',
        known: false,
        reports: 0,
        firstSeen: null,
        lastSeen: null,
        crawledPages: 0,
        crawledScam: 0,
        common: false,
      },
    ]);
    expect(headers['cache-control']).toBe('no-store');
    const site = await check('never-reported-site-5521.com');
    expect(site.body.results.map((r) => [r.kind, r.known])).toEqual([['domain', false]]);
  });

  it('knows a number once a report naming it is processed, however it is typed, and never tells who reported it', async () => {
    const body = portalReport({
      callbackNumbers: [],
      narrative: 'Le technicien a dit de rappeler le 01 86 95 44 21 pour le virus.',
    });
    const created = await submit(body);
    expect(created.statusCode).toBe(201);
    const id = created.json<{ id: string }>().id;
    const before = await check('0186954421', 'FR');
    expect(before.body.results[0]).toMatchObject({ kind: 'phone', value: '+33186954421', known: false });

    await processReports(server.store.db, [id], now);
    // Typed as a victim in France would, and as a foreigner would: the same number.
    for (const [typed, country] of [
      ['01 86 95 44 21', 'FR'],
      ['+33 (0)1-86-95-44-21', undefined],
      ['0033186954421', undefined],
    ] as const) {
      const { body: answer, raw } = await check(typed, country);
      const phone = answer.results.find((r) => r.kind === 'phone');
      expect(phone, typed).toMatchObject({
        value: '+33186954421',
        known: true,
        reports: 1,
        firstSeen: '2026-03-09T18:30:00.000Z',
        lastSeen: '2026-03-09T18:30:00.000Z',
        crawledPages: 0,
        common: false,
      });
      // No victim, no report id, no operation id, no narrative.
      for (const secret of ['Jeanne', 'Dupont', 'jeanne.dupont', id, 'op-', 'technicien', 'portal'])
        expect(raw, secret).not.toContain(secret);
    }
    // Summaries written (the operation is no longer stale): the same answer, read from them.
    await refreshSummaries(server.store.db, now);
    expect((await check('01 86 95 44 21', 'FR')).body.results[0]).toMatchObject({ known: true, reports: 1 });
  });

  it('counts a domain from the URLs reported on it, and a URL as typed', async () => {
    const site = 'https://scan-pc-gratuit-0412.com/fr/erreur?code=0x80070';
    const two = [portalReport({ urls: [site] }), portalReport({ urls: ['scan-pc-gratuit-0412.com/autre'] })];
    const ids = [];
    for (const r of two) ids.push((await submit(r)).json<{ id: string }>().id);
    await processReports(server.store.db, ids, now);
    const domain = await check('SCAN-PC-GRATUIT-0412.COM');
    expect(domain.body.results).toEqual([
      expect.objectContaining({
        kind: 'domain',
        value: 'scan-pc-gratuit-0412.com',
        known: true,
        reports: 2,
      }),
    ]);
    const url = await check(site);
    expect(url.body.results.map((r) => [r.kind, r.known, r.reports])).toEqual([
      ['url', true, 1],
      ['domain', true, 2],
    ]);
  });

  it('counts crawled pages and those judged a scam, by the classifier or by an analyst', async () => {
    const phone = '+18442073311';
    for (const [verdict, label] of [
      ['scam', null],
      ['legitimate', 'scam'],
      ['legitimate', null],
    ] as const) {
      const captureId = uuidv7();
      await server.store.db
        .insertInto('crawlCaptures')
        .values({
          id: captureId,
          url: 'https://win-alert-3311.com/',
          profile: 'windows-chrome',
          origin: 'report',
          startedAt: now,
          finishedAt: now,
          finalUrl: null,
          status: 200,
          title: 'Windows Defender Alert',
          error: null,
          screenshotSha256: null,
          phash: null,
          capture: JSON.stringify({}),
          reportId: null,
          verdict,
        })
        .execute();
      await server.store.db
        .insertInto('crawlIndicators')
        .values({ captureId, kind: 'phone', value: phone, source: 'text' })
        .execute();
      if (label)
        await server.store.db
          .insertInto('pageLabels')
          .values({ captureId, label, author: 'ana', note: null })
          .execute();
    }
    const { body } = await check('(844) 207-3311', 'US');
    expect(body.results[0]).toMatchObject({
      value: phone,
      known: true,
      reports: 0,
      crawledPages: 3,
      crawledScam: 2,
    });
  });

  it("never calls a brand's own site a scam, even when reports name it", async () => {
    const r = await submit(portalReport({ urls: ['https://support.microsoft.com/help'] }));
    await processReports(server.store.db, [r.json<{ id: string }>().id], now);
    const { body } = await check('support.microsoft.com');
    expect(body.results).toEqual([
      expect.objectContaining({
        kind: 'domain',
        value: 'support.microsoft.com',
        known: false,
        common: true,
        reports: 0,
      }),
    ]);
  });

  it('refuses an empty or oversized query, and reads nothing but numbers, sites and domains', async () => {
    for (const q of ['', '   ', 'x'.repeat(1001)]) {
      const res = await server.app.inject({ method: 'GET', url: '/api/check', query: { q } });
      expect(res.statusCode).toBe(400);
      expect(res.json<{ error: string }>().error).toBe('invalid_input');
    }
    expect((await server.app.inject({ method: 'GET', url: '/api/check' })).statusCode).toBe(400);
    const bad = await server.app.inject({
      method: 'GET',
      url: '/api/check',
      query: { q: '0186954421', country: 'France' },
    });
    expect(bad.statusCode).toBe(400);
    // An e-mail address or a name is not looked up: the check is not a way to find out who reported.
    const email = await check('jeanne.dupont@example.fr');
    expect(email.body.results.map((r) => r.kind)).not.toContain('email');
    expect((await check('Jeanne Dupont')).body.results).toEqual([]);
  });

  it('stores a submission whose honeypot is filled, marked as suspected spam and put away from triage', async () => {
    const spam = portalReport({ narrative: 'Buy cheap watches at replica-watch-deals.com virus technician' });
    const res = await submit(spam, { 'x-dragnet-honeypot': 'https://replica-watch-deals.com' });
    expect(res.statusCode).toBe(201);
    const id = res.json<{ id: string }>().id;
    const stored = await getReport(server.store.db, id);
    expect(stored.intake).toBe('portal');
    expect(stored.annotations).toEqual([
      expect.objectContaining({
        kind: 'suspected_spam',
        author: SPAM_REVIEWER,
        body: expect.objectContaining({ reason: 'honeypot' }),
      }),
    ]);
    await processReports(server.store.db, [id], now);
    const fresh = await triageQueue(server.store.db, { status: 'new', limit: 200, offset: 0 });
    expect(fresh.reports.map((r) => r.id)).not.toContain(id);
    const away = await triageQueue(server.store.db, { status: 'not_scam', limit: 200, offset: 0 });
    const mine = away.reports.find((r) => r.id === id);
    expect(mine?.review).toMatchObject({ status: 'not_scam', author: SPAM_REVIEWER });
    expect(mine?.review?.note).toContain('suspected spam');
    // A retry of the same spam is a duplicate: marked once.
    expect((await submit(spam, { 'x-dragnet-honeypot': 'x' })).statusCode).toBe(200);
    expect((await getReport(server.store.db, id)).annotations).toHaveLength(1);
    // An empty honeypot (every person) marks nothing.
    const person = await submit(portalReport(), { 'x-dragnet-honeypot': '' });
    expect((await getReport(server.store.db, person.json<{ id: string }>().id)).annotations).toEqual([]);
  });

  it('stores reports from other callers as api, whatever the portal does', async () => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/reports',
      payload: { narrative: 'partner report', externalId: 'partner-1', source: 'partner' },
      headers: { 'content-type': 'application/json' },
    });
    expect((await getReport(server.store.db, res.json<{ id: string }>().id)).intake).toBe('api');
    expect(await countReports(server.store.db)).toBeGreaterThan(5);
  });
});

/** One file as a browser's FormData sends it. */
function form(bytes: Buffer, filename: string, type: string, field = 'file') {
  const boundary = `----dragnet${randomUUID()}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe('evidence uploads over HTTP', () => {
  const server = useTestServer('pglite', TOKEN);

  const upload = (bytes: Buffer, filename: string, type: string, field?: string) =>
    server.app.inject({ method: 'POST', url: '/api/uploads', ...form(bytes, filename, type, field) });

  it('stores a photo re-encoded and without EXIF, by the hash of what it stored', async () => {
    const photo = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#204060' } })
      .jpeg()
      .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 2400/100' } })
      .toBuffer();
    const res = await upload(photo, 'IMG_2044.jpg', 'image/jpeg');
    expect(res.statusCode, res.body).toBe(201);
    const got = res.json<{ sha256: string; mediaType: string; size: number; filename: string }>();
    expect(got).toMatchObject({ mediaType: 'image/jpeg', filename: 'IMG_2044.jpg' });
    const served = await server.app.inject({
      method: 'GET',
      url: `/api/evidence/${got.sha256}`,
      headers: operator,
    });
    expect(served.statusCode).toBe(200);
    expect(served.rawPayload.length).toBe(got.size);
    expect((await sharp(served.rawPayload).metadata()).exif).toBeUndefined();
    // The report names it as evidence.
    const report = await server.app.inject({
      method: 'POST',
      url: '/api/reports',
      payload: {
        ...portalReport(),
        evidence: [{ sha256: got.sha256, filename: got.filename, mediaType: got.mediaType, size: got.size }],
      },
      headers: { 'content-type': 'application/json', 'x-dragnet-intake': 'portal' },
    });
    expect(report.statusCode, report.body).toBe(201);
  });

  it('refuses text posing as a PNG (415), a file over 10 MB (413) and a pixel bomb (413), with codes', async () => {
    const fake = await upload(Buffer.from('hello, I am text'), 'screen.png', 'image/png');
    expect([fake.statusCode, fake.json<{ error: string }>().error]).toEqual([415, 'unsupported_file']);
    expect(fake.json<{ message: string }>().message).toMatch(/not a picture/);

    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x41);
    const tooBig = await upload(big, 'huge.jpg', 'image/jpeg');
    expect([tooBig.statusCode, tooBig.json<{ error: string }>().error]).toEqual([413, 'file_too_large']);

    const bomb = pngBomb(60_000, 60_000);
    const refused = await upload(bomb, 'bomb.png', 'image/png');
    expect([refused.statusCode, refused.json<{ error: string }>().error]).toEqual([413, 'image_too_large']);
  });

  it('takes one file a request: a second one is refused (413 too_many_parts)', async () => {
    const boundary = `----dragnet${randomUUID()}`;
    const part = (name: string, body: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/plain\r\n\r\n${body}\r\n`;
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/uploads',
      payload: `${part('a.txt', 'Call +1 844 207 3311')}${part('b.txt', 'and this one')}--${boundary}--\r\n`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect([res.statusCode, res.json<{ error: string }>().error]).toEqual([413, 'too_many_parts']);
  });

  it('refuses a body that is not multipart, or a file in another field', async () => {
    const json = await server.app.inject({ method: 'POST', url: '/api/uploads', payload: { file: 'x' } });
    expect([json.statusCode, json.json<{ error: string }>().error]).toEqual([415, 'not_multipart']);
    const other = await upload(Buffer.from('Subject: x\r\n\r\nhi'), 'a.eml', 'message/rfc822', 'attachment');
    expect([other.statusCode, other.json<{ error: string }>().error]).toEqual([400, 'no_file']);
  });

  it('keeps an e-mail as sent, served only to analysts and only as a download', async () => {
    const eml = Buffer.from(
      'From: "Norton" <billing@n0rton-renewals.com>\r\nSubject: Invoice #88121\r\n\r\nCall +1 844 207 3311 to cancel.\r\n',
    );
    const res = await upload(eml, '../../Invoice <88121>.eml', 'message/rfc822');
    expect(res.statusCode, res.body).toBe(201);
    const got = res.json<{ sha256: string; mediaType: string; filename: string; size: number }>();
    expect(got).toMatchObject({
      mediaType: 'message/rfc822',
      filename: 'Invoice <88121>.eml',
      size: eml.length,
    });
    const anonymous = await server.app.inject({ method: 'GET', url: `/api/evidence/${got.sha256}` });
    expect(anonymous.statusCode).toBe(401);
    const analyst = await server.app.inject({
      method: 'GET',
      url: `/api/evidence/${got.sha256}`,
      headers: operator,
    });
    expect(analyst.statusCode).toBe(200);
    expect(analyst.rawPayload.equals(eml)).toBe(true);
    expect(analyst.headers['content-type']).toBe('application/octet-stream');
    expect(analyst.headers['content-disposition']).toMatch(/^attachment/);
    expect(analyst.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('limits on anonymous callers', () => {
  let store: Store;
  let queue: JobQueue;
  let cleanup: () => Promise<void>;
  let dataDir: string;
  const apps: FastifyInstance[] = [];

  beforeAll(async () => {
    ({ store, dataDir, cleanup } = await freshStore('pglite'));
    queue = await JobQueue.open(store.db);
  });
  afterAll(async () => {
    for (const a of apps) await a.close();
    await queue.stop(false);
    await cleanup();
  });

  const appWith = async (limits: {
    reportsPerIp: number;
    uploadsPerIp: number;
    checksPerIp: number;
    total: number;
  }) => {
    const a = await testApp(store, queue, dataDir, TOKEN, limits);
    apps.push(a);
    return a;
  };
  const post = (a: FastifyInstance, headers: Record<string, string> = {}, remoteAddress = '203.0.113.7') =>
    a.inject({
      method: 'POST',
      url: '/api/reports',
      payload: portalReport(),
      headers: { 'content-type': 'application/json', ...headers },
      remoteAddress,
    });

  it('answers the call after the allowance with 429, a clear message and Retry-After; not another address', async () => {
    const a = await appWith({ reportsPerIp: 3, uploadsPerIp: 2, checksPerIp: 2, total: 1000 });
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await post(a)).statusCode);
    expect(codes).toEqual([201, 201, 201, 429]);
    const refused = await post(a);
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(refused.json()).toEqual({
      error: 'rate_limited',
      message: expect.stringMatching(/too many reports sent from your address .*wait/),
    });
    expect((await post(a, {}, '198.51.100.20')).statusCode).toBe(201);
    // Checks and uploads have their own allowances.
    const checks = [];
    for (let i = 0; i < 3; i++)
      checks.push(
        (
          await a.inject({
            method: 'GET',
            url: '/api/check',
            query: { q: 'example-scam.com' },
            remoteAddress: '203.0.113.7',
          })
        ).statusCode,
      );
    expect(checks).toEqual([200, 200, 429]);
  });

  it('counts an IPv6 address by its /64, the block one subscriber gets', async () => {
    const a = await appWith({ reportsPerIp: 2, uploadsPerIp: 2, checksPerIp: 2, total: 1000 });
    const codes = [];
    for (const address of ['2001:db8:5:7::1', '2001:db8:5:7::2', '2001:db8:5:7:abcd::9'])
      codes.push((await post(a, {}, address)).statusCode);
    expect(codes).toEqual([201, 201, 429]);
    expect((await post(a, {}, '2001:db8:5:8::1')).statusCode).toBe(201);
  });

  it('never limits the operator token or a signed-in analyst', async () => {
    const a = await appWith({ reportsPerIp: 1, uploadsPerIp: 1, checksPerIp: 1, total: 1 });
    const codes = [];
    for (let i = 0; i < 5; i++) codes.push((await post(a, operator)).statusCode);
    expect(codes).toEqual([201, 201, 201, 201, 201]);
    for (let i = 0; i < 3; i++)
      expect(
        (await a.inject({ method: 'GET', url: '/api/check', query: { q: 'example.com' }, headers: operator }))
          .statusCode,
      ).toBe(200);
    // A signed-in analyst (session cookie and its CSRF token) is not limited either.
    await addUser(store.db, {
      email: 'ana@example.org',
      name: 'Ana',
      role: 'analyst',
      password: 'correct horse battery',
    });
    const signIn = await a.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: 'ana@example.org', password: 'correct horse battery' },
    });
    expect(signIn.statusCode).toBe(200);
    const session = {
      cookie: `dragnet_session=${signIn.cookies.find((c) => c.name === 'dragnet_session')!.value}`,
      'x-csrf-token': signIn.json<{ csrfToken: string }>().csrfToken,
    };
    const signedIn = [];
    for (let i = 0; i < 3; i++) signedIn.push((await post(a, session)).statusCode);
    expect(signedIn).toEqual([201, 201, 201]);
    // While anonymous callers from the same address get their one report a minute.
    expect([(await post(a)).statusCode, (await post(a)).statusCode]).toEqual([201, 429]);
  });

  it('holds an overall ceiling over every address together', async () => {
    const a = await appWith({ reportsPerIp: 100, uploadsPerIp: 100, checksPerIp: 100, total: 3 });
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await post(a, {}, `192.0.2.${i + 1}`)).statusCode);
    expect(codes).toEqual([201, 201, 201, 429]);
    const refused = await post(a, {}, '192.0.2.99');
    expect(refused.json<{ message: string }>().message).toMatch(/too many requests right now/);
    expect(refused.headers['retry-after']).toBeDefined();
  });
});
