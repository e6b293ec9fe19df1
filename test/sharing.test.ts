import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../src/auth/api-keys.js';
import { addUser } from '../src/auth/users.js';
import { setMarking } from '../src/cases/markings.js';
import { validateBundle } from '../src/cases/stix/validate.js';
import { TLP_LEVELS, type Tlp, tlpAllows } from '../src/core/tlp.js';
import { processReports } from '../src/jobs/process-reports.js';
import { recluster } from '../src/operations/recluster.js';
import { simulate } from '../src/simulate/simulate.js';
import { storeReports } from '../src/store/reports.js';
import { type TestServer, useTestServer } from './helpers/server.js';

const TOKEN = 'sharing-token';
const PASSWORD = 'partner password long enough';
const DAY = 86_400_000;
/** A recent world, so phone numbers have not expired from the feeds. */
const start = new Date(Date.now() - 20 * DAY).toISOString().slice(0, 10);

async function fillWorld({ store, queue }: Omit<TestServer, 'app'>) {
  const now = new Date();
  const inputs = [...simulate({ reports: 500, seed: 33, start, days: 20, operations: 6 }).reports()].map(
    (g) => g.report,
  );
  const ids = (await storeReports(store.db, queue, inputs, now, 'cli')).map((o) => (o as { id: string }).id);
  await processReports(store.db, ids, now, { link: false });
  await recluster(store.db, now);
}

describe('sharing within TLP', () => {
  const server = useTestServer('pglite', TOKEN, { timeout: 180_000, prepare: fillWorld });
  /** The five largest operations, marked CLEAR … RED in turn (the rest keep the default, AMBER). */
  let marked: Array<{ id: string; tlp: Tlp; phone: string }> = [];
  let allOps: Array<{ id: string; tlp: Tlp }> = [];
  const readers: Array<{ name: string; ceiling: Tlp; headers: Record<string, string> }> = [];

  beforeAll(async () => {
    const db = server.store.db;
    const top = await db
      .selectFrom('operations')
      .select('id')
      .orderBy('reportCount', 'desc')
      .limit(5)
      .execute();
    marked = [];
    for (const [i, op] of top.entries()) {
      const tlp = TLP_LEVELS[i]!;
      await setMarking(db, op.id, tlp, 'test');
      const phone = await db
        .selectFrom('operationIndicators')
        .select('value')
        .where('operationId', '=', op.id)
        .where('kind', '=', 'phone')
        .orderBy('reportCount', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow();
      marked.push({ id: op.id, tlp, phone: phone.value });
    }
    const every = await db.selectFrom('operations').select('id').execute();
    const tlpOf = new Map(marked.map((m) => [m.id, m.tlp]));
    allOps = every.map((o) => ({ id: o.id, tlp: tlpOf.get(o.id) ?? 'amber' }));

    const session = async (email: string, ceiling: Tlp | null) => {
      await addUser(db, { email, name: email, role: 'partner', password: PASSWORD });
      if (ceiling)
        await db.updateTable('users').set({ tlpCeiling: ceiling }).where('email', '=', email).execute();
      const res = await server.app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { email, password: PASSWORD },
      });
      return { cookie: `dragnet_session=${res.cookies.find((c) => c.name === 'dragnet_session')!.value}` };
    };
    const key = async (ceiling: Tlp) =>
      `Bearer ${(await createApiKey(db, { name: `key ${ceiling}`, scopes: ['operations:read', 'feeds:read', 'export:read'], tlpCeiling: ceiling, createdBy: null })).key}`;
    readers.push(
      { name: 'partner (default GREEN)', ceiling: 'green', headers: await session('p1@share.test', null) },
      {
        name: 'partner cleared AMBER+STRICT',
        ceiling: 'amber+strict',
        headers: await session('p2@share.test', 'amber+strict'),
      },
      { name: 'key CLEAR', ceiling: 'clear', headers: { authorization: await key('clear') } },
      { name: 'key GREEN', ceiling: 'green', headers: { authorization: await key('green') } },
      { name: 'key AMBER', ceiling: 'amber', headers: { authorization: await key('amber') } },
      { name: 'operator', ceiling: 'red', headers: { authorization: `Bearer ${TOKEN}` } },
    );
  });

  it('nobody reads an operation above their TLP, through any endpoint that shows operations', async () => {
    const table: string[] = [];
    const leaks: string[] = [];
    for (const r of readers) {
      const hidden = allOps.filter((o) => !tlpAllows(r.ceiling, o.tlp)).map((o) => o.id);
      const shown = allOps.filter((o) => tlpAllows(r.ceiling, o.tlp)).map((o) => o.id);
      const urls = [
        '/api/operations?limit=200',
        '/api/export/stix?limit=200',
        '/api/export/misp?limit=200',
        '/api/feeds/phones.csv?minReports=1',
        '/api/feeds/domains.txt?minReports=1',
        '/api/feeds/urls.csv?minReports=1',
        ...marked.flatMap((m) => [
          `/api/operations/${m.id}`,
          `/api/operations/${m.id}/indicators`,
          `/api/operations/${m.id}/graph`,
          `/api/operations/${m.id}/timeline`,
          `/api/operations/${m.id}/geography`,
          `/api/export/stix?operation=${m.id}`,
          `/api/export/misp?operation=${m.id}`,
          `/api/search?q=${encodeURIComponent(m.phone)}`,
        ]),
      ];
      const row: string[] = [];
      for (const url of urls) {
        const res = await server.app.inject({ url, headers: r.headers });
        const own = marked.find((m) => url.includes(m.id));
        const expected = own && !tlpAllows(r.ceiling, own.tlp) ? 404 : 200;
        if (res.statusCode !== expected)
          leaks.push(`${r.name} ${url}: ${res.statusCode}, expected ${expected}`);
        // (A refusal names the id that was asked for: that tells the caller nothing new.)
        for (const id of hidden)
          if (res.body.includes(id) && !(res.statusCode === 404 && url.includes(id)))
            leaks.push(`${r.name} ${url} shows ${id}`);
        if (url.includes('/api/operations/op-') && url.endsWith('/geography'))
          row.push(String(res.statusCode));
      }
      // The list shows exactly what the reader may read.
      const list = (await server.app.inject({ url: '/api/operations?limit=200', headers: r.headers })).json();
      expect(list.total, r.name).toBe(shown.length);
      table.push(`${r.name.padEnd(30)} ${r.ceiling.padEnd(13)} ${row.join(' ')}  list ${list.total}`);
    }
    expect(leaks, table.join('\n')).toEqual([]);
    // The matrix is not vacuous: some reader saw each marked operation and some reader was refused it.
    for (const m of marked.slice(0, 4))
      expect(readers.some((r) => tlpAllows(r.ceiling, m.tlp) && r.ceiling !== 'red')).toBe(true);
    for (const m of marked.slice(1)) expect(readers.some((r) => !tlpAllows(r.ceiling, m.tlp))).toBe(true);
    const feed = await server.app.inject({
      url: '/api/feeds/phones.csv?minReports=1',
      headers: readers[1]!.headers,
    });
    expect(feed.body.trim().split('\n').length).toBeGreaterThan(1);
  });

  it('refuses a revoked key at once, and keys act only within their scopes', async () => {
    const db = server.store.db;
    const made = await createApiKey(db, {
      name: 'feeds only',
      scopes: ['feeds:read'],
      tlpCeiling: 'green',
      createdBy: null,
    });
    const headers = { authorization: `Bearer ${made.key}` };
    expect((await server.app.inject({ url: '/api/feeds/phones.txt', headers })).statusCode).toBe(200);
    expect((await server.app.inject({ url: '/api/export/stix', headers })).statusCode).toBe(403);
    expect((await server.app.inject({ url: '/api/operations', headers })).statusCode).toBe(403);
    const revoked = await server.app.inject({
      method: 'DELETE',
      url: `/api/keys/${made.apiKey.id}`,
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(revoked.statusCode).toBe(200);
    expect((await server.app.inject({ url: '/api/feeds/phones.txt', headers })).statusCode).toBe(401);
    const wrongSecret = made.key.slice(0, -4) + (made.key.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect(
      (
        await server.app.inject({
          url: '/api/feeds/phones.txt',
          headers: { authorization: `Bearer ${wrongSecret}` },
        })
      ).statusCode,
    ).toBe(401);
    const audit = (
      await server.app.inject({
        url: '/api/audit?action=export.feed',
        headers: { authorization: `Bearer ${TOKEN}` },
      })
    ).json();
    expect(audit.entries.some((e: { actor: string }) => e.actor === `key:${made.apiKey.id}`)).toBe(true);
  });

  describe('a second installation imports what the first shares', () => {
    const second = useTestServer('pglite', 'second-token', { timeout: 60_000 });

    it('round-trips operations through STIX into reports that link into the same operations', async () => {
      const shared = marked.slice(0, 3);
      const exported = await server.app.inject({
        url: `/api/export/stix?${shared.map((m) => `operation=${m.id}`).join('&')}`,
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(exported.statusCode).toBe(200);
      const bundle = exported.json();
      expect(validateBundle(bundle).errors).toEqual([]);
      const importer = await createApiKey(second.store.db, {
        name: 'first installation',
        scopes: ['stix:import'],
        tlpCeiling: 'green',
        createdBy: null,
      });
      const post = () =>
        second.app.inject({
          method: 'POST',
          url: '/api/import/stix',
          payload: bundle,
          headers: { authorization: `Bearer ${importer.key}` },
        });
      const first = await post();
      expect(first.statusCode, first.body).toBe(201);
      expect(first.json().created).toBe(shared.length);
      const again = await post();
      expect(again.json()).toMatchObject({ created: 0, duplicates: shared.length });
      // Broken input is refused with the reason and stores nothing.
      const broken = await second.app.inject({
        method: 'POST',
        url: '/api/import/stix',
        payload: { type: 'bundle', id: 'bundle--nope', objects: [{ type: 'indicator' }] },
        headers: { authorization: `Bearer ${importer.key}` },
      });
      expect(broken.statusCode).toBe(400);

      // Processed and linked in the second installation, each imported operation keeps its values.
      const ids = await second.store.db.selectFrom('reports').select('id').execute();
      expect(ids).toHaveLength(shared.length);
      await processReports(
        second.store.db,
        ids.map((r) => r.id),
        new Date(),
        { link: true },
      );
      for (const m of shared) {
        const set = bundle.objects.find(
          (o: { type: string; x_dragnet_operation_id?: string }) =>
            o.type === 'intrusion-set' && o.x_dragnet_operation_id === m.id,
        );
        const theirs = await sql<{ kind: string; value: string }>`
          SELECT DISTINCT ri.kind, ri.value FROM report_indicators ri JOIN reports r ON r.id = ri.report_id
          WHERE r.external_id = ${`stix:${set.id}`}`.execute(second.store.db);
        expect(theirs.rows.length, m.id).toBeGreaterThan(0);
        const ours = await server.store.db
          .selectFrom('operationIndicators')
          .select(['kind', 'value'])
          .where('operationId', '=', m.id)
          .where('kind', 'in', ['phone', 'domain', 'url', 'email', 'crypto_wallet', 'iban'])
          .execute();
        const got = new Set(theirs.rows.map((x) => `${x.kind} ${x.value}`));
        expect(
          ours.filter((x) => !got.has(`${x.kind} ${x.value}`)),
          m.id,
        ).toEqual([]);
      }
    });
  });
});
