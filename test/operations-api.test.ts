import { describe, expect, it } from 'vitest';
import { addUser } from '../src/auth/users.js';
import { setMarking } from '../src/cases/markings.js';
import { processReports } from '../src/jobs/process-reports.js';
import { recluster } from '../src/operations/recluster.js';
import { simulate } from '../src/simulate/simulate.js';
import { storeReports } from '../src/store/reports.js';
import { useTestServer } from './helpers/server.js';

const TOKEN = 'ops-token';
const auth = { authorization: `Bearer ${TOKEN}` };
const now = new Date('2025-12-31T00:00:00Z');
const PASSWORD = 'partner password long enough';

describe('the operations API', () => {
  const server = useTestServer('pglite', TOKEN, {
    timeout: 120_000,
    prepare: async ({ store, queue }) => {
      const inputs = [
        ...simulate({ reports: 800, seed: 11, start: '2025-01-01', days: 365, operations: 8 }).reports(),
      ].map((g) => g.report);
      const ids = (await storeReports(store.db, queue, inputs, now, 'cli')).map(
        (o) => (o as { id: string }).id,
      );
      await processReports(store.db, ids, now, { link: false });
      await recluster(store.db, now);
    },
  });

  const get = (url: string) => server.app.inject({ url, headers: auth });
  const post = (url: string, payload: unknown) =>
    server.app.inject({ method: 'POST', url, payload: payload as object, headers: auth });

  it('lists operations by priority, filtered, and only for the operator', async () => {
    expect((await server.app.inject({ url: '/api/operations' })).statusCode).toBe(401);
    const res = await get('/api/operations?limit=5');
    expect(res.statusCode).toBe(200);
    const { rows, total } = res.json();
    expect(total).toBeGreaterThan(5);
    const priorities = rows.map((r: { priority: number }) => r.priority);
    expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
    expect(rows[0].summary.priority.components).toHaveProperty('reportsLast7Days');
    const brand = rows[0].summary.profile.modusOperandi.brands[0].value;
    const filtered = (await get(`/api/operations?brand=${encodeURIComponent(brand)}`)).json();
    expect(filtered.total).toBeGreaterThan(0);
    expect(filtered.total).toBeLessThanOrEqual(total);
    const bad = await get('/api/operations?limit=0&colour=red');
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(['colour', 'limit']);
  });

  it('serves detail, reports, indicators and a summarised graph that expands on demand', async () => {
    const [top] = (await get('/api/operations?limit=1')).json().rows;
    expect((await get(`/api/operations/${top.id}`)).json().reportCount).toBe(top.reportCount);
    const reports = (await get(`/api/operations/${top.id}/reports?limit=10`)).json().reports;
    expect(reports).toHaveLength(Math.min(10, top.reportCount));
    const indicators = (await get(`/api/operations/${top.id}/indicators?limit=5`)).json().indicators;
    expect(indicators[0].reportCount).toBeGreaterThanOrEqual(indicators.at(-1).reportCount);
    const graph = (await get(`/api/operations/${top.id}/graph?nodes=20`)).json();
    expect(graph.nodes.length).toBeLessThanOrEqual(20);
    expect(graph.linksFrom).toEqual({ reports: top.reportCount, of: top.reportCount });
    expect(graph.edges.every((e: { a: number; b: number }) => e.a < e.b && e.b < graph.nodes.length)).toBe(
      true,
    );
    const node = graph.nodes[0];
    const expanded = (
      await get(
        `/api/operations/${top.id}/graph?expand=${encodeURIComponent(`${node.kind}:${node.value}`)}&limit=5`,
      )
    ).json();
    expect(expanded.reports.length).toBe(Math.min(5, node.reportCount));
    expect(expanded.reports.some((r: { externalId: string | null }) => r.externalId !== null)).toBe(true);
    // A partner sees the same reports as ids only: an external id can be another partner's case number
    // (once the operation is shared with partners: marked TLP:GREEN).
    await setMarking(server.store.db, top.id, 'green', 'test');
    await addUser(server.store.db, {
      email: 'pat@ops.test',
      name: 'Pat',
      role: 'partner',
      password: PASSWORD,
    });
    const signedIn = await server.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: 'pat@ops.test', password: PASSWORD },
    });
    const cookie = signedIn.cookies.find((c) => c.name === 'dragnet_session')!.value;
    const asPartner = (
      await server.app.inject({
        url: `/api/operations/${top.id}/graph?expand=${encodeURIComponent(`${node.kind}:${node.value}`)}&limit=5`,
        cookies: { dragnet_session: cookie },
      })
    ).json();
    expect(asPartner.reports.map((r: { id: string }) => r.id)).toEqual(
      expanded.reports.map((r: { id: string }) => r.id),
    );
    expect(asPartner.reports.every((r: { externalId: string | null }) => r.externalId === null)).toBe(true);
    expect((await get('/api/operations/op-0000000000')).statusCode).toBe(404);
    expect((await get('/api/operations/../../etc')).statusCode).toBe(404);
  });

  it('explains a link between two reports of an operation', async () => {
    const [top] = (await get('/api/operations?limit=1')).json().rows;
    const reports = (await get(`/api/operations/${top.id}/reports?limit=50`)).json().reports;
    const res = await get(`/api/explain?a=${reports[0].id}&b=${reports.at(-1).id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().linked).toBe(true);
    expect(res.json().explanation.steps.length).toBeGreaterThan(0);
  });

  it('merges and splits operations at once, and revokes a decision', async () => {
    const rows = (await get('/api/operations?limit=3')).json().rows;
    const merged = await post('/api/operations/merge', {
      operationIds: [rows[1].id, rows[2].id],
      reason: 'same call centre per the agency',
    });
    expect(merged.statusCode).toBe(201);
    const into = merged.json().operationId;
    expect((await get(`/api/operations/${into}`)).json().reportCount).toBe(
      rows[1].reportCount + rows[2].reportCount,
    );
    const some = (await get(`/api/operations/${rows[0].id}/reports?limit=2`))
      .json()
      .reports.map((r: { id: string }) => r.id);
    const split = await post(`/api/operations/${rows[0].id}/split`, { reportIds: some });
    expect(split.statusCode).toBe(201);
    expect((await get(`/api/operations/${split.json().operationId}`)).json().reportCount).toBe(2);
    expect(
      (
        await server.app.inject({
          method: 'DELETE',
          url: `/api/link-decisions/${split.json().id}`,
          headers: auth,
        })
      ).statusCode,
    ).toBe(204);
    expect(
      (
        await server.app.inject({
          method: 'DELETE',
          url: `/api/link-decisions/${split.json().id}`,
          headers: auth,
        })
      ).statusCode,
    ).toBe(404);
    const exclusion = await post('/api/exclusions', {
      kind: 'phone',
      value: '+18006427676',
      reason: 'real Microsoft number',
    });
    expect(exclusion.statusCode).toBe(201);
    expect(exclusion.json().appliedNow).toBe(false);
    expect((await post('/api/exclusions', { kind: 'shoe', value: 'x' })).statusCode).toBe(400);
  });
});
