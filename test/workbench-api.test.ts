import { sql } from 'kysely';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import type { ReportInput } from '../src/core/report-input.js';
import { processReports } from '../src/jobs/process-reports.js';
import { recluster } from '../src/operations/recluster.js';
import { simulate } from '../src/simulate/simulate.js';
import { storeReports } from '../src/store/reports.js';
import { ENGINES } from './helpers/engines.js';
import { useTestServer } from './helpers/server.js';

const TOKEN = 'workbench-token';
const auth = { authorization: `Bearer ${TOKEN}`, 'x-dragnet-user': 'ana@example.org' };
const now = new Date('2025-12-31T00:00:00Z');

// Two pairs of reports, each pair sharing a callback number, and one site both pairs named: the site is
// the only bridge between them, so excluding it must split their operation in two.
const BRIDGE = 'bridge-fixit-4471.com';
const bridgeReports: ReportInput[] = [
  ['b-1', '+1 844 310 7741', [BRIDGE]],
  ['b-2', '+1 844 310 7741', []],
  ['b-3', '+1 844 310 7799', [BRIDGE]],
  ['b-4', '+1 844 310 7799', []],
].map(([externalId, phone, urls]) => ({
  externalId: externalId as string,
  source: 'workbench-test',
  submittedAt: '2025-12-20T10:00:00Z',
  callbackNumbers: [phone as string],
  urls: urls as string[],
  narrative: 'A popup said my computer had a virus and to call Microsoft support.',
  victim: { country: 'US' },
}));

interface TriageRow {
  id: string;
  triageScore: number;
  submittedAt: string | null;
  receivedAt: string;
  narrative: string;
  reasons: string[];
  indicators: Array<{
    kind: string;
    value: string;
    raw: string;
    field: string;
    start: number | null;
    end: number | null;
  }>;
  operationId: string | null;
  review: { status: string; author: string | null; note: string | null } | null;
}

describe.each(ENGINES)('the workbench API on %s', (engine) => {
  let processed = 0;
  const server = useTestServer(engine, TOKEN, {
    timeout: 180_000,
    prepare: async ({ store, queue }) => {
      const inputs = [
        ...[
          ...simulate({ reports: 300, seed: 11, start: '2025-06-01', days: 200, operations: 6 }).reports(),
        ].map((g) => g.report),
        ...bridgeReports,
      ];
      const ids = (await storeReports(store.db, queue, inputs, now, 'cli')).map(
        (o) => (o as { id: string }).id,
      );
      // One report stays unprocessed: the queue holds processed reports only.
      await processReports(store.db, ids.slice(1), now, { link: false });
      processed = ids.length - 1;
      await recluster(store.db, now);
    },
  });

  const get = (url: string) => server.app.inject({ url, headers: auth });
  const post = (url: string, payload: unknown) =>
    server.app.inject({ method: 'POST', url, payload: payload as object, headers: auth });
  const bridgeOperation = async () => {
    const r = await sql<{ operationId: string }>`
      SELECT DISTINCT ro.operation_id FROM report_indicators ri JOIN report_operations ro ON ro.report_id = ri.report_id
      WHERE ri.kind = 'domain' AND ri.value = ${BRIDGE}`.execute(server.store.db);
    expect(r.rows).toHaveLength(1);
    return r.rows[0]!.operationId;
  };

  it('queues processed reports by triage score, then newest, with what the machine read in them', async () => {
    expect((await server.app.inject({ url: '/api/triage' })).statusCode).toBe(401);
    const res = await get('/api/triage?limit=200');
    expect(res.statusCode).toBe(200);
    const { total, reports } = res.json() as { total: number; reports: TriageRow[] };
    expect(total).toBe(processed);
    expect(reports).toHaveLength(200);
    const time = (r: TriageRow) => Date.parse(r.submittedAt ?? r.receivedAt);
    for (let i = 1; i < reports.length; i++) {
      const [a, b] = [reports[i - 1]!, reports[i]!];
      expect(a.triageScore).toBeGreaterThanOrEqual(b.triageScore);
      if (a.triageScore === b.triageScore) expect(time(a)).toBeGreaterThanOrEqual(time(b));
    }
    const top = reports[0]!;
    expect(top.reasons.length).toBeGreaterThan(0);
    expect(top.operationId).toMatch(/^op-[0-9a-f]{10}$/);
    // Offsets point into the full narrative, so the page can highlight what was read there.
    const inNarrative = reports.flatMap((r) =>
      r.indicators.filter((i) => i.field === 'narrative').map((i) => ({ r, i })),
    );
    expect(inNarrative.length).toBeGreaterThan(0);
    for (const { r, i } of inNarrative) expect(r.narrative.slice(i.start!, i.end!)).toBe(i.raw);
  });

  it('takes a reviewed report out of the new queue and lists it under its status', async () => {
    const first = ((await get('/api/triage?limit=1')).json() as { reports: TriageRow[] }).reports[0]!;
    const review = await post(`/api/reports/${first.id}/review`, {
      status: 'not_scam',
      note: 'a refund query',
    });
    expect(review.statusCode).toBe(201);
    expect(review.json()).toEqual({ reportId: first.id, status: 'not_scam' });
    const after = (await get('/api/triage?limit=200')).json() as { total: number; reports: TriageRow[] };
    expect(after.total).toBe(processed - 1);
    expect(after.reports.map((r) => r.id)).not.toContain(first.id);
    const dismissed = (await get('/api/triage?status=not_scam')).json() as {
      total: number;
      reports: TriageRow[];
    };
    expect(dismissed.total).toBe(1);
    expect(dismissed.reports[0]).toMatchObject({
      id: first.id,
      review: { status: 'not_scam', author: 'ana@example.org', note: 'a refund query' },
    });
    // The latest review counts: confirmed now, no longer under not_scam.
    expect((await post(`/api/reports/${first.id}/review`, { status: 'confirmed' })).statusCode).toBe(201);
    expect((await get('/api/triage?status=not_scam')).json().total).toBe(0);
    expect((await get('/api/triage?status=confirmed')).json().reports[0].id).toBe(first.id);
    expect((await get('/api/triage?status=all&limit=1')).json().total).toBe(processed);
  });

  it('refuses unknown reports (404) and bad reviews and queries (400)', async () => {
    const unknown = await post('/api/reports/00000000-0000-4000-8000-000000000000/review', {
      status: 'confirmed',
    });
    expect(unknown.statusCode).toBe(404);
    expect((await post('/api/reports/not-a-uuid/review', { status: 'confirmed' })).statusCode).toBe(400);
    const [some] = ((await get('/api/triage?limit=1')).json() as { reports: TriageRow[] }).reports;
    expect((await post(`/api/reports/${some!.id}/review`, { status: 'maybe' })).statusCode).toBe(400);
    expect(
      (await post(`/api/reports/${some!.id}/review`, { status: 'confirmed', note: 'x'.repeat(2001) }))
        .statusCode,
    ).toBe(400);
    expect((await get('/api/triage?status=old')).statusCode).toBe(400);
    expect((await get('/api/triage?limit=201')).statusCode).toBe(400);
  });

  it('finds a stored E.164 number from the ways a victim writes it', async () => {
    const phones = await sql<{ value: string }>`
      SELECT value FROM report_indicators WHERE kind = 'phone' GROUP BY value ORDER BY count(*) DESC, value`.execute(
      server.store.db,
    );
    const nanp = phones.rows.find((p) => p.value.startsWith('+1'))!.value;
    const [area, exchange, line] = [nanp.slice(2, 5), nanp.slice(5, 8), nanp.slice(8)];
    for (const typed of [
      `(${area}) ${exchange}-${line}`,
      `1 ${area} ${exchange} ${line}`,
      `${area}.${exchange}.${line}`,
    ]) {
      const res = await get(`/api/search?q=${encodeURIComponent(typed)}`);
      expect(res.statusCode, typed).toBe(200);
      const body = res.json();
      expect(body.interpretations, typed).toContainEqual({ kind: 'phone', value: nanp });
      const match = body.matches.find((m: { kind: string }) => m.kind === 'phone');
      expect(match.value).toBe(nanp);
      expect(match.reportCount).toBeGreaterThan(0);
      expect(match.operations[0].reports).toBeGreaterThan(0);
      expect(match.operations[0].id).toMatch(/^op-/);
    }
    // A number written nationally needs the victim's country: 0 + the national number, in that country.
    const abroad = phones.rows
      .map((p) => parsePhoneNumberFromString(p.value))
      .find(
        (p) =>
          p &&
          p.countryCallingCode !== '1' &&
          ['GB', 'DE', 'FR', 'AU', 'IE', 'JP', 'NZ'].includes(p.country ?? ''),
      );
    if (abroad) {
      const typed = `0${abroad.nationalNumber}`;
      const res = (await get(`/api/search?q=${encodeURIComponent(typed)}&country=${abroad.country}`)).json();
      expect(res.matches.map((m: { value: string }) => m.value)).toContain(abroad.number);
    }
  });

  it('finds a domain and a URL, and answers empty or oversized queries with 400', async () => {
    const byDomain = (await get(`/api/search?q=${BRIDGE}`)).json();
    expect(byDomain.matches[0]).toMatchObject({ kind: 'domain', value: BRIDGE, reportCount: 2 });
    expect(byDomain.matches[0].operations).toEqual([
      expect.objectContaining({ id: await bridgeOperation(), reportCount: 4, reports: 2 }),
    ]);
    const byUrl = (await get(`/api/search?q=${encodeURIComponent(`https://www.${BRIDGE}/help?x=1`)}`)).json();
    expect(byUrl.matches.map((m: { kind: string; value: string }) => `${m.kind}:${m.value}`)).toContain(
      `domain:${BRIDGE}`,
    );
    for (const q of ['', '%20%20', 'x'.repeat(301)]) {
      const res = await get(`/api/search?q=${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().issues[0].path).toBe('q');
    }
    expect((await get('/api/search?q=abc&country=GBR')).statusCode).toBe(400);
  });

  it('draws a timeline whose buckets add up to the operation', async () => {
    const { rows } = (await get('/api/operations?limit=3')).json();
    for (const op of rows) {
      const res = await get(`/api/operations/${op.id}/timeline`);
      expect(res.statusCode).toBe(200);
      const t = res.json() as {
        bucket: string;
        buckets: Array<{
          start: string;
          reports: number;
          losses: Array<{ currency: string; value: number }>;
        }>;
      };
      const span = Date.parse(op.lastSeen) - Date.parse(op.firstSeen);
      expect(t.bucket).toBe(span > 90 * 86_400_000 ? 'week' : 'day');
      expect(t.buckets.reduce((a, b) => a + b.reports, 0)).toBe(op.reportCount);
      const losses = new Map<string, number>();
      for (const b of t.buckets)
        for (const l of b.losses) losses.set(l.currency, (losses.get(l.currency) ?? 0) + l.value);
      for (const l of op.summary.profile.lossesByCurrency)
        expect(losses.get(l.currency), l.currency).toBeCloseTo(l.value, 0);
      const step = t.bucket === 'week' ? 7 : 1;
      for (let i = 1; i < t.buckets.length; i++)
        expect(Date.parse(t.buckets[i]!.start) - Date.parse(t.buckets[i - 1]!.start)).toBe(step * 86_400_000);
    }
  });

  it('filters the operation list on the values each profile lists, through the filter keys', async () => {
    const [top] = (await get('/api/operations?limit=1')).json().rows;
    const p = top.summary.profile;
    const facets: Array<[string, string, string]> = [
      ['brand', p.modusOperandi.brands[0].value, '{profile,modusOperandi,brands}'],
      ['channel', p.modusOperandi.channels[0].value, '{profile,modusOperandi,channels}'],
      ['paymentMethod', p.modusOperandi.paymentMethods[0].value, '{profile,modusOperandi,paymentMethods}'],
      ['country', p.targets.victimCountries[0].value.toLowerCase(), '{profile,targets,victimCountries}'],
    ];
    for (const [param, value, path] of facets) {
      const res = (await get(`/api/operations?limit=200&${param}=${encodeURIComponent(value)}`)).json();
      // The same answer as reading every summary's tally.
      const tally = JSON.stringify([{ value: param === 'country' ? value.toUpperCase() : value }]);
      const expected = await sql<{ id: string }>`
        SELECT id FROM operations WHERE summary #> ${path}::text[] @> ${tally}::jsonb`.execute(
        server.store.db,
      );
      expect(res.total, param).toBe(expected.rows.length);
      expect(res.rows.map((r: { id: string }) => r.id).sort()).toEqual(expected.rows.map((r) => r.id).sort());
    }
  });

  it('reads the views written with the summary exactly as a live count would give them', async () => {
    const { rows } = (await get('/api/operations?limit=2')).json();
    for (const op of rows) {
      const urls = ['timeline', 'geography', 'indicators?limit=200'].map(
        (v) => `/api/operations/${op.id}/${v}`,
      );
      const views = await server.store.db
        .selectFrom('operationIndicators')
        .select('kind')
        .where('operationId', '=', op.id)
        .execute();
      expect(views.length).toBeGreaterThan(0);
      const fromViews = await Promise.all(urls.map(async (u) => (await get(u)).json()));
      await server.store.db.updateTable('operations').set({ stale: true }).where('id', '=', op.id).execute();
      const live = await Promise.all(urls.map(async (u) => (await get(u)).json()));
      await server.store.db.updateTable('operations').set({ stale: false }).where('id', '=', op.id).execute();
      expect(live).toEqual(fromViews);
    }
  });

  it("maps an operation's victims and infrastructure, and ages its indicators", async () => {
    const op = await bridgeOperation();
    const geo = (await get(`/api/operations/${op}/geography`)).json();
    expect(geo.victims).toEqual([{ country: 'US', count: 4 }]);
    expect(geo.origins).toEqual([{ country: 'US', signals: { phone: 2 } }]);
    const { indicators } = (await get(`/api/operations/${op}/indicators`)).json();
    expect(indicators.length).toBeGreaterThan(0);
    for (const i of indicators) {
      expect(i.decay).toBeGreaterThanOrEqual(0);
      expect(i.decay).toBeLessThanOrEqual(1);
      expect(Date.parse(i.expiresAt)).toBeGreaterThan(Date.parse(i.lastSeen));
    }
  });

  it('previews the split an exclusion of a bridging value would make, then lists the exclusion', async () => {
    const op = await bridgeOperation();
    const preview = await post('/api/exclusions/preview', {
      kind: 'domain',
      value: `WWW.${BRIDGE.toUpperCase()}`,
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({
      value: BRIDGE,
      reports: 2,
      truncated: false,
      operations: [{ id: op, reportCount: 4, holding: 2, before: [4], after: [2, 2] }],
    });
    // A pair's own number holds only its second report.
    const phone = (await post('/api/exclusions/preview', { kind: 'phone', value: '+1 844 310 7741' })).json();
    expect(phone.operations).toEqual([expect.objectContaining({ id: op, before: [4], after: [3, 1] })]);
    expect((await post('/api/exclusions/preview', { kind: 'colour', value: 'red' })).statusCode).toBe(400);

    const made = await post('/api/exclusions', { kind: 'domain', value: BRIDGE, reason: 'shared web host' });
    expect(made.statusCode).toBe(201);
    const list = (await get('/api/exclusions')).json();
    expect(list.registry).toContainEqual(
      expect.objectContaining({ kind: 'domain', value: 'microsoft.com', mode: 'block', source: 'built-in' }),
    );
    expect(list.decisions).toEqual([
      expect.objectContaining({
        id: made.json().id,
        kind: 'domain',
        value: BRIDGE,
        mode: 'block',
        reason: 'shared web host',
      }),
    ]);
    // A number typed as it was read out is stored as the values it must match; the inform list is kept apart.
    const typed = await post('/api/exclusions', {
      kind: 'phone',
      value: '+1 (844) 310-7741',
      mode: 'inform',
    });
    expect(typed.statusCode).toBe(201);
    expect((await get('/api/exclusions')).json().decisions[0]).toMatchObject({
      kind: 'phone',
      value: '+18443107741',
      mode: 'inform',
    });
    expect(
      (await post('/api/exclusions', { kind: 'phone', value: '+18443107741', mode: 'maybe' })).statusCode,
    ).toBe(400);
    expect(
      (
        await server.app.inject({
          method: 'DELETE',
          url: `/api/link-decisions/${typed.json().id}`,
          headers: auth,
        })
      ).statusCode,
    ).toBe(204);
    const forOp = (await get(`/api/link-decisions?operationId=${op}&active=true`)).json();
    expect(forOp.decisions).toEqual([
      expect.objectContaining({ id: made.json().id, type: 'exclude', reason: 'shared web host' }),
    ]);
    const other = (await get('/api/operations?limit=1')).json().rows[0].id;
    if (other !== op)
      expect((await get(`/api/link-decisions?operationId=${other}`)).json().decisions).toEqual([]);
    // The revoked exclusion of the pair's number is history of this operation.
    expect((await get(`/api/link-decisions?operationId=${op}&active=false`)).json().decisions).toEqual([
      expect.objectContaining({ id: typed.json().id, type: 'exclude' }),
    ]);
  });

  it('answers 404 for unknown operations and 400 for malformed ids', async () => {
    for (const view of ['timeline', 'geography']) {
      expect((await get(`/api/operations/op-0000000000/${view}`)).statusCode).toBe(404);
      expect((await get(`/api/operations/op-XYZ/${view}`)).statusCode).toBe(400);
    }
    expect((await get('/api/link-decisions?operationId=op-0000000000')).statusCode).toBe(404);
    expect((await get('/api/link-decisions?operationId=nope')).statusCode).toBe(400);
    expect((await get('/api/link-decisions?active=maybe')).statusCode).toBe(400);
  });

  it('answers 400, not 500, to free text PostgreSQL cannot store (a NUL character, a lone surrogate)', async () => {
    const report = (await get('/api/triage?status=all&limit=1')).json().reports[0].id as string;
    const op = await bridgeOperation();
    const refused = [
      await post('/api/exclusions', { kind: 'domain', value: 'nul\u0000.example' }),
      await post('/api/exclusions', { kind: 'domain', value: 'nul.example', reason: 'a\u0000b' }),
      await post('/api/exclusions/preview', { kind: 'domain', value: 'nul\u0000.example' }),
      await post(`/api/reports/${report}/review`, { status: 'confirmed', note: 'x\u0000' }),
      await post('/api/operations/merge', { operationIds: [op, 'op-0000000000'], reason: '\ud800' }),
    ];
    expect(refused.map((r) => r.statusCode)).toEqual([400, 400, 400, 400, 400]);
  });
});
