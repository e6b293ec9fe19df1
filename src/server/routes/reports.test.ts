import { describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/helpers/engines.js';
import { useTestServer } from '../../../test/helpers/server.js';
import { countReports } from '../../store/reports.js';
import { OPENAPI_JSON } from '../app.js';

const TOKEN = 'test-operator-token';

describe.each(ENGINES)('report intake over HTTP on %s', (engine) => {
  const server = useTestServer(engine, TOKEN);

  const post = (url: string, payload: unknown) =>
    server.app.inject({
      method: 'POST',
      url,
      payload: payload as object,
      headers: { 'content-type': 'application/json' },
    });

  it('stores a report (201), answers a retry with the same id (200), and refuses a changed one (409)', async () => {
    const body = { externalId: 'p-1', source: 'partner-a', narrative: 'Norton renewal e-mail, $399' };
    const first = await post('/api/reports', body);
    expect(first.statusCode).toBe(201);
    const again = await post('/api/reports', body);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ id: first.json().id, status: 'duplicate' });
    const changed = await post('/api/reports', { ...body, narrative: 'something else' });
    expect(changed.statusCode).toBe(409);
    expect(changed.json()).toMatchObject({ error: 'conflict', existingId: first.json().id });
  });

  it('scopes externalId idempotency to the source', async () => {
    const a = await post('/api/reports', { externalId: 'same', source: 'a', narrative: 'x' });
    const b = await post('/api/reports', { externalId: 'same', source: 'b', narrative: 'y' });
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
  });

  it('names every bad field by path: wrong types, unknown fields, bad enums, missing substance', async () => {
    const res = await post('/api/reports', {
      narrative: 42,
      channel: 'fax',
      victim: { country: 'USA', shoeSize: 9 },
      payments: [{ amount: -5 }],
    });
    expect(res.statusCode).toBe(400);
    const paths = res
      .json()
      .issues.map((i: { path: string }) => i.path)
      .sort();
    expect(paths).toEqual(['channel', 'narrative', 'payments/0/amount', 'victim/country', 'victim/shoeSize']);
    expect(res.json().error).toBe('invalid_input');
  });

  it('refuses text PostgreSQL cannot store, naming the field, and stores nothing', async () => {
    const before = await countReports(server.store.db);
    const res = await post('/api/reports', { narrative: 'ok', scammerNames: ['bad\u0000name'] });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues).toEqual([
      { path: 'scammerNames/0', message: 'must not contain a NUL character' },
    ]);
    expect(await countReports(server.store.db)).toBe(before);
  });

  it('answers malformed JSON, a non-object body and a wrong media type precisely', async () => {
    const malformed = await server.app.inject({
      method: 'POST',
      url: '/api/reports',
      payload: '{"narrative": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error).toBe('malformed_json');
    const array = await post('/api/reports', [1, 2]);
    expect(array.statusCode).toBe(400);
    expect(array.json().issues).toEqual([{ path: '(record)', message: 'expected a JSON object' }]);
    const text = await server.app.inject({
      method: 'POST',
      url: '/api/reports',
      payload: 'narrative=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(text.statusCode).toBe(415);
  });

  it('refuses an oversized body with 413 before reading it whole', async () => {
    const res = await post('/api/reports', { narrative: 'x'.repeat(200_000) });
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toBe('body_too_large');
  });

  it('stores a batch atomically after validating all of it; one bad record stores none', async () => {
    const before = await countReports(server.store.db);
    const bad = await post('/api/reports/batch', {
      reports: [{ narrative: 'fine' }, { narrative: 'fine too' }, { urls: 'not-a-list' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues).toEqual([{ path: '2/urls', message: expect.any(String) }]);
    expect(await countReports(server.store.db)).toBe(before);

    const ok = await post('/api/reports/batch', {
      reports: [{ narrative: 'batch one' }, { narrative: 'batch two' }, { narrative: 'batch one' }],
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ created: 2, duplicates: 1, conflicts: 0 });
    expect(ok.json().results[2].id).toBe(ok.json().results[0].id);
    expect(await countReports(server.store.db)).toBe(before + 2);
  });

  it('limits a batch to 1,000 reports', async () => {
    const reports = Array.from({ length: 1001 }, (_, i) => ({ narrative: `r${i}` }));
    const res = await post('/api/reports/batch', { reports });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0].path).toBe('reports');
  });

  it('reads a report only with the operator token', async () => {
    const created = await post('/api/reports', { narrative: 'read me', victim: { name: 'Alice' } });
    const url = `/api/reports/${created.json().id}`;
    expect((await server.app.inject({ url })).statusCode).toBe(401);
    const read = await server.app.inject({ url, headers: { authorization: `Bearer ${TOKEN}` } });
    expect(read.statusCode).toBe(200);
    expect(read.json().input).toEqual({ narrative: 'read me', victim: { name: 'Alice' } });
    const missing = await server.app.inject({
      url: '/api/reports/nope',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(missing.statusCode).toBe(404);
  });

  it('publishes an OpenAPI document of the intake endpoints', async () => {
    const doc = (await server.app.inject({ url: OPENAPI_JSON })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/reports', '/api/reports/batch']));
    expect(
      doc.paths['/api/reports'].post.requestBody.content['application/json'].schema.properties,
    ).toHaveProperty('callbackNumbers');
  });
});
