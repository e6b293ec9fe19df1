import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../src/auth/users.js';
import { normaliseIndicator } from '../src/core/indicator-kinds.js';
import type { ReportInput } from '../src/core/report-input.js';
import { processReports } from '../src/jobs/process-reports.js';
import { recluster } from '../src/operations/recluster.js';
import { simulate } from '../src/simulate/simulate.js';
import { BlobStore } from '../src/store/blobs.js';
import { saveCapture } from '../src/store/crawls.js';
import { storeReports } from '../src/store/reports.js';
import { fakeCapture } from './helpers/captures.js';
import {
  encodeAll,
  FULL_REPORT,
  type Fuzzed,
  hostileString,
  KILLER_VALUES,
  mutate,
  mutationsOf,
  pathsOf,
  RAW_URL_PIECES,
  SQL_STRINGS,
  serialise,
} from './helpers/hostile.js';
import { useTestServer } from './helpers/server.js';

const TOKEN = 'fuzz-operator-token';
const PASSWORD = 'fuzzing analyst password';
const now = new Date('2026-02-01T00:00:00Z');
/** Requests per route; every route gets its own property, so each is fuzzed as much as the others. */
const RUNS = Number(process.env.DRAGNET_FUZZ_RUNS ?? 24);

type Caller = 'anonymous' | 'analyst' | 'operator';

/** Ids of stored things, so fuzzed requests reach the code behind "not found" too. */
interface Fixtures {
  reportIds: string[];
  operationIds: string[];
  caseId: string;
  entryId: string;
  referralId: string;
  captureId: string;
  sha256: string;
  keyId: string;
  decisionId: string;
  stixBundle: Fuzzed;
}

/** Keys the API's queries use, and values that are valid for some of them. */
const QUERY_VALUES = new Map<string, string[]>(
  Object.entries({
    q: ['+1 844 555 0134', 'defender-alert-5521.com', "' OR '1'='1"],
    country: ['US', 'fr', 'ZZ'],
    limit: ['1', '50', '200', '0', '-1', '1e3', '201'],
    offset: ['0', '10', '99999999999999999999'],
    status: ['new', 'all', 'draft', 'confirmed'],
    operationId: [],
    operation: [],
    url: ['https://defender-alert-5521.com/warning?id=7'],
    nodes: ['1', '60', '500', '501'],
    expand: ['phone:+18445550134', 'domain:x'],
    a: [],
    b: [],
    active: ['true', 'false'],
    minReports: ['1', '2', '1000'],
    before: ['1', '0'],
    subject: ['report'],
    action: ['%', 'export.'],
    brand: ['Microsoft'],
    channel: ['popup'],
    paymentMethod: ['gift_card'],
    activeFrom: ['2026-01-01', '2026-13-45'],
    activeTo: ['2026-12-31'],
  }),
);
// Keys that poison prototypes when a parser copies them onto a plain object.
for (const key of ['__proto__', 'constructor', 'prototype']) QUERY_VALUES.set(key, ['x']);

describe('schema-driven fuzz of every API input', () => {
  const fixtures = {} as Fixtures;
  const server = useTestServer('pglite', TOKEN, {
    timeout: 120_000,
    prepare: async ({ store, queue, dataDir }) => {
      const inputs = [
        ...simulate({ reports: 80, seed: 5, start: '2025-06-01', days: 200, operations: 4 }).reports(),
      ].map((g) => g.report);
      const ids = (await storeReports(store.db, queue, inputs, now, 'cli')).map(
        (o) => (o as { id: string }).id,
      );
      await processReports(store.db, ids, now, { link: false });
      await recluster(store.db, now);
      fixtures.reportIds = ids.slice(0, 3);
      fixtures.operationIds = (
        await store.db.selectFrom('operations').select('id').orderBy('reportCount', 'desc').limit(3).execute()
      ).map((o) => o.id);
      const png = await sharp({ create: { width: 32, height: 20, channels: 3, background: '#0050ef' } })
        .png()
        .toBuffer();
      fixtures.sha256 = (await new BlobStore(dataDir, store.db).put(png, 'image/png')).sha256;
      const capture = fakeCapture('https://defender-alert-5521.com/', ['+18445550134'], [], now);
      capture.blobs.screenshotBefore = fixtures.sha256;
      fixtures.captureId = await saveCapture(store.db, capture, [], { origin: 'cli' });
      await addUser(store.db, { email: 'ana@fuzz.test', name: 'Ana', role: 'analyst', password: PASSWORD });
    },
  });
  const headersOf: Record<Caller, Record<string, string>> = {
    anonymous: {},
    analyst: {},
    operator: { authorization: `Bearer ${TOKEN}` },
  };
  /** What was stored before the fuzzing, to be found unchanged after it. */
  const before = { reportId: '', reports: 0 };

  const operator = async (method: string, url: string, payload?: unknown) => {
    const res = await server.app.inject({
      method: method as 'GET',
      url,
      headers: headersOf.operator,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res;
  };

  beforeAll(async () => {
    const signIn = await server.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: 'ana@fuzz.test', password: PASSWORD },
    });
    headersOf.analyst = {
      cookie: `dragnet_session=${signIn.cookies.find((c) => c.name === 'dragnet_session')!.value}`,
      'x-csrf-token': signIn.json<{ csrfToken: string }>().csrfToken,
    };
    const [a, b] = fixtures.operationIds;
    const made = (
      await operator('POST', '/api/cases', { title: 'Winter sweep', operationIds: [a, b], tlp: 'amber' })
    ).json<{ id: string }>();
    fixtures.caseId = made.id;
    fixtures.entryId = (
      await operator('POST', `/api/cases/${made.id}/entries`, { kind: 'task', body: 'call the host' })
    ).json<{ id: string }>().id;
    fixtures.referralId = (
      await operator('POST', `/api/cases/${made.id}/referrals`, { recipient: 'FBI IC3' })
    ).json<{ id: string }>().id;
    fixtures.keyId = (
      await operator('POST', '/api/keys', { name: 'fuzz', scopes: ['operations:read'], tlpCeiling: 'green' })
    ).json<{ apiKey: { id: string } }>().apiKey.id;
    fixtures.decisionId = (
      await operator('POST', '/api/link-decisions/not-linked', {
        a: fixtures.reportIds[0],
        b: fixtures.reportIds[1],
        reason: 'different scripts',
      })
    ).json<{ id: string }>().id;
    fixtures.stixBundle = (await operator('GET', `/api/export/stix?operation=${a}`)).json<Fuzzed>();
    const stored = await server.app.inject({ method: 'POST', url: '/api/reports', payload: FULL_REPORT });
    expect(stored.statusCode, stored.body).toBe(201);
    before.reportId = stored.json<{ id: string }>().id;
    before.reports = Number(
      (
        await server.store.db
          .selectFrom('reports')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  }, 60_000);

  /** A valid body for each route that takes one (the fuzzer mutates these). */
  const validBody = (route: string): Fuzzed | undefined => {
    const f = fixtures;
    const [op1, op2] = f.operationIds;
    const bodies: Record<string, Fuzzed> = {
      'POST /api/session': { email: 'ana@fuzz.test', password: PASSWORD },
      'POST /api/reports': FULL_REPORT as Fuzzed,
      'POST /api/reports/batch': { reports: [FULL_REPORT as Fuzzed, { narrative: 'second one' }] },
      'POST /api/reports/{id}/annotations': { kind: 'note', author: 'ana', body: { text: 'checked' } },
      'POST /api/reports/{id}/versions': FULL_REPORT as Fuzzed,
      'POST /api/reports/{id}/review': { status: 'confirmed', note: 'classic popup' },
      'POST /api/operations/merge': { operationIds: [op1!, op2!], reason: 'same script' },
      'POST /api/operations/{id}/split': { reportIds: [f.reportIds[0]!], reason: 'other centre' },
      'POST /api/link-decisions/not-linked': { a: f.reportIds[0]!, b: f.reportIds[2]!, reason: 'no' },
      'POST /api/exclusions': { kind: 'phone', value: '+1 844 555 0134', mode: 'inform', reason: 'shared' },
      'POST /api/exclusions/preview': { kind: 'phone', value: '+1 844 555 0134' },
      'POST /api/crawls': { urls: ['https://defender-alert-5521.com/'], profiles: ['windows-chrome'] },
      'POST /api/crawls/{id}/label': { label: 'scam', note: 'fake Defender' },
      'POST /api/cases': {
        title: 'Sweep',
        summary: 'popups',
        agency: 'FBI',
        jurisdictions: ['US', 'fr'],
        tlp: 'green',
        assigneeId: null,
        operationIds: [op1!],
      },
      'PATCH /api/cases/{id}': { title: 'Renamed', status: 'referred', agency: null, jurisdictions: ['GB'] },
      'POST /api/cases/{id}/operations': { operationIds: [op2!] },
      'POST /api/cases/{id}/entries': { kind: 'action', subtype: 'takedown_host', target: 'host', body: 'x' },
      'PATCH /api/cases/{id}/entries/{entryId}': { state: 'done', body: 'done' },
      'PUT /api/cases/{id}/victims/{reportId}': { declaration: 'I paid $500', consent: 'given' },
      'POST /api/cases/{id}/referrals': { recipient: 'Europol EC3', personalData: false },
      'PUT /api/operations/{id}/marking': { tlp: 'amber' },
      'POST /api/import/stix': f.stixBundle,
      'POST /api/keys': {
        name: 'partner',
        scopes: ['operations:read', 'feeds:read'],
        tlpCeiling: 'green',
        expiresAt: '2027-01-01T00:00:00Z',
      },
    };
    return bodies[route];
  };

  /** Valid values of a path parameter, by route and name. */
  const validParams = (pattern: string, name: string): string[] => {
    const f = fixtures;
    if (name === 'sha256') return [f.sha256];
    if (name === 'feed') return ['phones.csv', 'urls.txt'];
    if (name === '*') return ['dossier.pdf', 'manifest.json', 'screenshots/../../etc/passwd'];
    if (name === 'operationId') return f.operationIds;
    if (name === 'entryId') return [f.entryId];
    if (name === 'reportId') return f.reportIds;
    if (pattern.startsWith('/api/operations/')) return f.operationIds;
    if (pattern.startsWith('/api/reports/')) return [...f.reportIds, before.reportId];
    if (pattern.startsWith('/api/cases/')) return [f.caseId];
    if (pattern.startsWith('/api/referrals/')) return [f.referralId];
    if (pattern.startsWith('/api/crawls/')) return [f.captureId];
    if (pattern.startsWith('/api/keys/')) return [f.keyId];
    if (pattern.startsWith('/api/link-decisions/')) return [f.decisionId];
    return [];
  };

  const segment = (valid: string[]) =>
    fc.oneof(
      { arbitrary: valid.length ? fc.constantFrom(...valid) : fc.constant('x'), weight: 6 },
      { arbitrary: hostileString.filter((s) => s.length > 0).map(encodeAll), weight: 2 },
      { arbitrary: fc.constantFrom(...RAW_URL_PIECES), weight: 1 },
    );

  const queryString = () => {
    const keys = [...QUERY_VALUES.keys()];
    const value = (key: string) => {
      const valid = [
        ...(QUERY_VALUES.get(key) ?? []),
        ...(key === 'operationId' || key === 'operation' ? fixtures.operationIds : []),
        ...(key === 'a' || key === 'b' ? fixtures.reportIds : []),
      ];
      return fc.oneof(
        { arbitrary: valid.length ? fc.constantFrom(...valid).map(encodeAll) : fc.constant(''), weight: 2 },
        { arbitrary: hostileString.map(encodeAll), weight: 2 },
        { arbitrary: fc.constantFrom(...RAW_URL_PIECES), weight: 1 },
      );
    };
    const pair = fc
      .oneof(fc.constantFrom(...keys), hostileString.map(encodeAll))
      .chain((key) => value(key).map((v) => `${encodeAll(key)}=${v}`));
    return fc.array(pair, { maxLength: 4 }).map((pairs) => (pairs.length ? `?${pairs.join('&')}` : ''));
  };

  /** A body: mutations of the route's valid example, arbitrary JSON, or text that is not JSON at all. */
  const bodyOf = (route: string) => {
    const valid = validBody(route) ?? {};
    return fc.oneof(
      {
        arbitrary: mutationsOf(valid).map((b) => ({
          payload: b === undefined ? undefined : serialise(b),
          type: 'application/json',
        })),
        weight: 6,
      },
      { arbitrary: fc.constant({ payload: serialise(valid), type: 'application/json' }), weight: 1 },
      {
        arbitrary: fc.jsonValue().map((b) => ({ payload: JSON.stringify(b), type: 'application/json' })),
        weight: 2,
      },
      {
        arbitrary: fc
          .tuple(
            fc.constantFrom('{', '{"a":', 'nul', '\u0000', '{"__proto__":{"admin":true}}', '[1,]', ''),
            fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded'),
          )
          .map(([payload, type]) => ({ payload, type })),
        weight: 1,
      },
    );
  };

  /** What every answer must be: no 5xx; an error is JSON with a code and a message; JSON parses. */
  const problemWith = (res: LightMyRequestResponse): string | null => {
    if (res.statusCode >= 500) return `${res.statusCode} ${res.body.slice(0, 300)}`;
    const type = String(res.headers['content-type'] ?? '');
    if (res.statusCode >= 400) {
      if (!type.includes('application/json')) return `${res.statusCode} answered as ${type}`;
      const body = JSON.parse(res.body) as { error?: unknown; message?: unknown };
      if (typeof body.error !== 'string' || typeof body.message !== 'string')
        return `${res.statusCode} without the error shape: ${res.body.slice(0, 200)}`;
      return null;
    }
    if (type.includes('json') && res.body.length > 0) JSON.parse(res.body);
    return null;
  };

  /** A short name for a killer value in failure messages. */
  const describeValue = (v: Fuzzed): string => {
    const text = serialise(v);
    return text.length > 40 ? `${text.slice(0, 20)}…(${text.length} chars)` : text;
  };

  /** Every route of the OpenAPI document, as [METHOD, /path/{param}]. */
  const documentedRoutes = async () => {
    const doc = (await server.app.inject({ url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    const routes = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => [m.toUpperCase(), path] as const),
    );
    expect(routes.length).toBeGreaterThan(50);
    return routes;
  };
  /** The route's path with valid values for its parameters. */
  const validPath = (pattern: string) =>
    pattern.replace(/\{([\w*]+)\}/g, (_, name: string) => validParams(pattern, name)[0] ?? 'x');

  it('survives each field of each valid body replaced by a killer value, one at a time', async () => {
    const failures: string[] = [];
    let requests = 0;
    for (const [method, pattern] of await documentedRoutes()) {
      const valid = validBody(`${method} ${pattern}`);
      if (valid === undefined) continue;
      // A STIX bundle has hundreds of paths; its first ones cover every shape it has.
      const paths = pathsOf(valid).slice(0, 30);
      const variants: Array<[string, Fuzzed]> = [];
      for (const path of paths) {
        const at = `/${path.join('/')}`;
        for (const value of KILLER_VALUES)
          variants.push([
            `${at} = ${describeValue(value)}`,
            mutate(valid, path, { op: 'set', value }) ?? null,
          ]);
        for (const key of ['x\u0000', '\ud800', '__proto__'])
          variants.push([
            `${at} + key ${JSON.stringify(key)}`,
            mutate(valid, path, { op: 'add', key, value: { admin: true } }) ?? null,
          ]);
      }
      for (const [change, variant] of variants) {
        requests++;
        const res = await server.app.inject({
          method: method as 'POST',
          url: validPath(pattern),
          headers: { ...headersOf.operator, 'content-type': 'application/json' },
          payload: serialise(variant),
        });
        const problem = problemWith(res);
        if (problem) failures.push(`${method} ${pattern} ${change}: ${problem.slice(0, 80)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(1000);
  }, 120_000);

  it('answers every fuzzed request to every route without a 5xx, errors in the error shape', async () => {
    const routes = await documentedRoutes();
    const failures: string[] = [];
    let requests = 0;
    for (const [method, pattern] of routes) {
      const route = `${method} ${pattern}`;
      const names = [...pattern.matchAll(/\{([\w*]+)\}/g)].map((m) => m[1]!);
      const path = fc
        .tuple(...names.map((n) => segment(validParams(pattern, n))))
        .map((values) => names.reduce((p, n, i) => p.replace(`{${n}}`, values[i]!), pattern));
      const reads = method === 'GET' || method === 'DELETE';
      const request = fc.record({
        caller: fc.constantFrom<Caller>(
          'operator',
          'operator',
          'operator',
          'analyst',
          'analyst',
          'anonymous',
        ),
        path,
        query: queryString(),
        body: reads ? fc.constant({ payload: undefined, type: '' }) : bodyOf(route),
      });
      const result = await fc.check(
        fc.asyncProperty(request, async ({ caller, path, query, body }) => {
          requests++;
          const res = await server.app.inject({
            method: method as 'GET',
            url: path + query,
            headers: {
              ...headersOf[caller],
              ...(body.payload === undefined ? {} : { 'content-type': body.type }),
            },
            ...(body.payload === undefined ? {} : { payload: body.payload }),
          });
          const problem = problemWith(res);
          if (problem) throw new Error(`${method} ${(path + query).slice(0, 200)} as ${caller}: ${problem}`);
        }),
        { numRuns: RUNS },
      );
      if (result.failed) failures.push(`${route}\n${fc.defaultReportMessage(result)?.slice(0, 1500)}`);
    }
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThanOrEqual(routes.length * RUNS);
    // The process is alive and serving.
    expect((await server.app.inject({ url: '/healthz' })).statusCode).toBe(200);
  }, 120_000);

  it('keeps the audit chain verifiable whatever keys a caller puts in an audited read’s query', async () => {
    // Query keys go into the row's detail; jsonb read back through the camel-case plugin once renamed
    // `a_b` to `aB` (and `__proto__` to `_Proto`), so the row no longer matched its hash.
    const res = await operator(
      'GET',
      `/api/referrals/${fixtures.referralId}/package?min_reports=2&__proto__=x&a%00b=c`,
    );
    expect(res.statusCode).toBe(200);
    const [last] = (await operator('GET', '/api/audit?limit=1')).json<{
      entries: Array<{ detail: { query: Record<string, string> } }>;
    }>().entries;
    expect(Object.keys(last!.detail.query).sort()).toEqual(['__proto__', 'ab', 'min_reports']);
    expect((await operator('GET', '/api/audit/verify')).json<{ ok: boolean }>().ok).toBe(true);
  });

  it('reads an annotation back with the keys it was written with', async () => {
    const body = { old_value: '+1 844 555 0134', call_back: { phone_number: '1' }, __proto__x: 1 };
    await operator('POST', `/api/reports/${before.reportId}/annotations`, { kind: 'correction', body });
    const report = await operator('GET', `/api/reports/${before.reportId}`);
    const annotations = report.json<{ annotations: Array<{ kind: string; body: unknown }> }>().annotations;
    expect(annotations.filter((a) => a.kind === 'correction').at(-1)?.body).toEqual(body);
  });

  it('still holds what was stored before the fuzzing, unchanged', async () => {
    const report = await operator('GET', `/api/reports/${before.reportId}`);
    expect(report.json<{ input: unknown }>().input).toEqual(FULL_REPORT);
    const kase = await operator('GET', `/api/cases/${fixtures.caseId}`);
    expect(kase.json<{ id: string }>().id).toBe(fixtures.caseId);
    const count = await server.store.db
      .selectFrom('reports')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBeGreaterThanOrEqual(before.reports);
    const chain = await operator('GET', '/api/audit/verify');
    const verdict = chain.json<{ ok: boolean; broken: { seq: number; reason: string } | null }>();
    expect(verdict.broken).toBeNull();
    expect(verdict.ok).toBe(true);
  });
});

/** A report holding `text` in every free-text field the contract has (the rest valid and fixed). */
function reportFilledWith(text: string, i: number): ReportInput {
  return {
    externalId: text,
    source: `sql-${i}`,
    impersonatedBrand: text,
    callbackNumbers: [text, `+1 844 555 01${String(i).padStart(2, '0')}`],
    urls: [text, `https://sql-${i}.example/?q=${encodeURIComponent(text)}`],
    emails: [text],
    companyNames: [text],
    scammerNames: [text],
    remoteAccess: { tool: text, sessionIds: [text] },
    payments: [
      {
        amount: 10,
        currency: 'USD',
        recipient: {
          name: text,
          merchantDescriptor: `PAY*${text}`,
          accountNumber: text,
          iban: text,
          walletAddress: text,
          chain: text,
          giftCardBrand: text,
        },
      },
    ],
    narrative: `They said: ${text}`,
    victim: { region: text, name: text, email: text, phone: text },
    evidence: [{ sha256: 'b'.repeat(64), filename: text, mediaType: text }],
  };
}

/**
 * SQL metacharacters are data: in every field of a report, a case, an exclusion, a search and a check they
 * are stored and read back byte for byte, found by an exact search and by nothing broader, and every table
 * is still there afterwards.
 */
describe('SQL-injection strings stored verbatim', () => {
  const server = useTestServer('pglite', TOKEN);
  const auth = { authorization: `Bearer ${TOKEN}` };
  const call = (method: string, url: string, payload?: unknown) =>
    server.app.inject({
      method: method as 'GET',
      url,
      headers: auth,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const ids: string[] = [];

  it('stores every field and reads it back byte-identical', async () => {
    for (const [i, text] of SQL_STRINGS.entries()) {
      const sent = reportFilledWith(text, i);
      const res = await call('POST', '/api/reports', sent);
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json<{ id: string }>().id);
      const back = await call('GET', `/api/reports/${ids[i]}`);
      const got = back.json<{ externalId: string; input: ReportInput }>();
      expect(got.input).toEqual(sent);
      expect(got.externalId).toBe(text);
    }
    await processReports(server.store.db, ids, now);
  });

  it('finds each stored value by exact search, and nothing by a wildcard or a quote', async () => {
    for (const [i, text] of SQL_STRINGS.entries()) {
      const q = encodeURIComponent(`PAY*${text}`);
      const res = await call('GET', `/api/search?q=${q}`);
      expect(res.statusCode, res.body).toBe(200);
      const merchants = res
        .json<{ matches: Array<{ kind: string; value: string; reportCount: number }> }>()
        .matches.filter((m) => m.kind === 'merchant' && m.reportCount > 0);
      expect(merchants, text).toEqual([
        expect.objectContaining({ value: normaliseIndicator('merchant', `PAY*${text}`), reportCount: 1 }),
      ]);
      // The bare string is found where it was stored (one report's names, ids…) and nowhere else: a LIKE
      // or a broken quote would find every report.
      const own = await server.store.db
        .selectFrom('reportOperations')
        .select('operationId')
        .where('reportId', '=', ids[i]!)
        .executeTakeFirstOrThrow();
      const bare = await call('GET', `/api/search?q=${encodeURIComponent(text)}`);
      expect(bare.statusCode, `${text}: ${bare.body}`).toBeLessThan(500);
      if (bare.statusCode === 200)
        for (const m of bare
          .json<{ matches: Array<{ reportCount: number; operations: Array<{ id: string }> }> }>()
          .matches.filter((x) => x.reportCount > 0)) {
          expect(m.reportCount, text).toBe(1);
          expect(m.operations.map((o) => o.id)).toEqual([own.operationId]);
        }
      const check = await server.app.inject({ url: `/api/check?q=${encodeURIComponent(text)}` });
      expect(check.statusCode, check.body).toBeLessThan(500);
      if (check.statusCode === 200)
        expect(check.json<{ results: Array<{ known: boolean }> }>().results.every((r) => !r.known)).toBe(
          true,
        );
    }
    // A prefix with a wildcard matches no merchant (each is stored once, under its own descriptor).
    for (const wildcard of ['PAY*%', 'PAY*_', "PAY*' OR '1'='1' --"]) {
      const res = await call('GET', `/api/search?q=${encodeURIComponent(wildcard)}`);
      const found = res.json<{ matches: Array<{ kind: string; reportCount: number }> }>().matches;
      expect(found.filter((m) => m.reportCount > 0).length, wildcard).toBeLessThanOrEqual(1);
    }
  });

  it('keeps case titles, notes and exclusions verbatim, and filters the audit log by the literal text', async () => {
    for (const text of SQL_STRINGS) {
      const made = await call('POST', '/api/cases', { title: `case ${text}`, summary: text, agency: text });
      expect(made.statusCode, made.body).toBe(201);
      const id = made.json<{ id: string }>().id;
      const entry = await call('POST', `/api/cases/${id}/entries`, { kind: 'note', body: text });
      expect(entry.statusCode, entry.body).toBe(201);
      const kase = (await call('GET', `/api/cases/${id}`)).json<{
        title: string;
        summary: string;
        agency: string;
      }>();
      expect([kase.title, kase.summary, kase.agency]).toEqual([`case ${text}`, text, text]);
      expect(JSON.stringify((await call('GET', `/api/cases/${id}`)).json())).toContain(JSON.stringify(text));
      const excluded = await call('POST', '/api/exclusions', {
        kind: 'merchant',
        value: `PAY*${text}`,
        mode: 'inform',
        reason: text,
      });
      expect(excluded.statusCode, excluded.body).toBe(201);
    }
    const decisions = (await call('GET', '/api/link-decisions')).body;
    for (const text of SQL_STRINGS) expect(decisions).toContain(JSON.stringify(text).slice(1, -1));
    for (const action of ['%', '_', "' OR '1'='1"]) {
      const res = await call('GET', `/api/audit?action=${encodeURIComponent(action)}`);
      expect(res.json<{ entries: unknown[] }>().entries, action).toEqual([]);
    }
  });

  it('leaves every table in place and every report counted', async () => {
    const tables = ['reports', 'operations', 'report_indicators', 'cases', 'audit_log', 'link_decisions'];
    for (const table of tables) {
      const row = await sql<{ t: string | null }>`SELECT to_regclass(${table}) AS t`.execute(server.store.db);
      expect(row.rows[0]?.t, table).toBe(table);
    }
    const count = await server.store.db
      .selectFrom('reports')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('source', 'like', 'sql-%')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(SQL_STRINGS.length);
    expect((await call('GET', '/api/audit/verify')).json<{ ok: boolean }>().ok).toBe(true);
  });
});
