import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_SCOPES, type ApiScope, createApiKey } from '../src/auth/api-keys.js';
import { addUser } from '../src/auth/users.js';
import type { Store } from '../src/store/database.js';
import { JobQueue } from '../src/store/queue.js';
import { freshStore } from './helpers/engines.js';
import { testApp } from './helpers/server.js';

type Needs = 'anyone' | 'partner' | 'analyst' | 'admin';

/**
 * Who may call what. Every route of the OpenAPI document must be listed here: a new route without a
 * line fails the test, so nobody adds an endpoint without saying who may use it.
 */
const POLICY: Record<string, Needs> = {
  'POST /api/session': 'anyone',
  'GET /api/session': 'anyone',
  'DELETE /api/session': 'anyone',
  'POST /api/reports': 'anyone',
  'POST /api/reports/batch': 'anyone',
  'POST /api/uploads': 'anyone',
  'GET /api/check': 'anyone',
  'GET /api/reports/{id}': 'analyst',
  'POST /api/reports/{id}/annotations': 'analyst',
  'POST /api/reports/{id}/versions': 'analyst',
  'POST /api/reports/{id}/review': 'analyst',
  'GET /api/triage': 'analyst',
  'GET /api/operations': 'partner',
  'GET /api/operations/{id}': 'partner',
  'GET /api/operations/{id}/indicators': 'partner',
  'GET /api/operations/{id}/graph': 'partner',
  'GET /api/operations/{id}/timeline': 'partner',
  'GET /api/operations/{id}/geography': 'partner',
  'GET /api/search': 'partner',
  'GET /api/operations/{id}/reports': 'analyst',
  'GET /api/explain': 'analyst',
  'POST /api/operations/merge': 'analyst',
  'POST /api/operations/{id}/split': 'analyst',
  'POST /api/link-decisions/not-linked': 'analyst',
  'GET /api/link-decisions': 'analyst',
  'DELETE /api/link-decisions/{id}': 'analyst',
  'GET /api/exclusions': 'analyst',
  'POST /api/exclusions': 'analyst',
  'POST /api/exclusions/preview': 'analyst',
  'GET /api/crawls': 'analyst',
  'POST /api/crawls': 'analyst',
  'GET /api/crawls/{id}': 'analyst',
  'POST /api/crawls/{id}/label': 'analyst',
  'GET /api/evidence/{sha256}': 'analyst',
  'GET /api/cases': 'analyst',
  'POST /api/cases': 'analyst',
  'GET /api/cases/{id}': 'analyst',
  'PATCH /api/cases/{id}': 'analyst',
  'POST /api/cases/{id}/operations': 'analyst',
  'DELETE /api/cases/{id}/operations/{operationId}': 'analyst',
  'POST /api/cases/{id}/entries': 'analyst',
  'PATCH /api/cases/{id}/entries/{entryId}': 'analyst',
  'GET /api/cases/{id}/victims': 'analyst',
  'PUT /api/cases/{id}/victims/{reportId}': 'analyst',
  'GET /api/cases/{id}/referrals': 'analyst',
  'POST /api/cases/{id}/referrals': 'analyst',
  'GET /api/referrals/{id}/package': 'analyst',
  'GET /api/referrals/{id}/files/{*}': 'analyst',
  'PUT /api/operations/{id}/marking': 'analyst',
  'GET /api/export/stix': 'partner',
  'GET /api/export/misp': 'partner',
  'GET /api/feeds/{feed}': 'partner',
  'POST /api/import/stix': 'analyst',
  'GET /api/keys': 'admin',
  'POST /api/keys': 'admin',
  'DELETE /api/keys/{id}': 'admin',
  'GET /api/audit': 'admin',
  'GET /api/audit/verify': 'admin',
};

/**
 * What a partner's API key may call beyond the public endpoints: only these routes, and only with the
 * scope named (whatever role the route needs otherwise). Every other route refuses keys.
 */
const KEY_SCOPES: Record<string, ApiScope> = {
  'GET /api/operations': 'operations:read',
  'GET /api/operations/{id}': 'operations:read',
  'GET /api/operations/{id}/indicators': 'operations:read',
  'GET /api/operations/{id}/graph': 'operations:read',
  'GET /api/operations/{id}/timeline': 'operations:read',
  'GET /api/operations/{id}/geography': 'operations:read',
  'GET /api/search': 'operations:read',
  'GET /api/export/stix': 'export:read',
  'GET /api/export/misp': 'export:read',
  'GET /api/feeds/{feed}': 'feeds:read',
  'POST /api/import/stix': 'stix:import',
};

const PARAMS: Record<string, string> = {
  id: '01900000-0000-7000-8000-000000000000',
  sha256: '0'.repeat(64),
};
const RANK: Record<Needs, number> = { anyone: 0, partner: 1, analyst: 2, admin: 3 };
const CALLERS = ['anonymous', 'partner', 'analyst', 'admin', 'key', 'key without the scope'] as const;
const PASSWORD = 'role matrix password';

describe('every endpoint × every role', () => {
  let app: FastifyInstance;
  let store: Store;
  let queue: JobQueue;
  let cleanup: () => Promise<void>;
  const sessions: Record<string, { cookie: string; csrf: string }> = {};
  /** A key holding every scope, and for each scope a key holding all the others. */
  let everyScope = '';
  const withoutScope: Partial<Record<ApiScope, string>> = {};

  beforeAll(async () => {
    let dataDir: string;
    ({ store, dataDir, cleanup } = await freshStore('pglite'));
    queue = await JobQueue.open(store.db);
    app = await testApp(store, queue, dataDir, 'admin-token');
    for (const role of ['partner', 'analyst'] as const) {
      await addUser(store.db, { email: `${role}@matrix.test`, name: role, role, password: PASSWORD });
      const res = await app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { email: `${role}@matrix.test`, password: PASSWORD },
      });
      sessions[role] = {
        cookie: res.cookies.find((c) => c.name === 'dragnet_session')!.value,
        csrf: res.json().csrfToken,
      };
    }
    const key = async (scopes: ApiScope[]) =>
      (await createApiKey(store.db, { name: 'matrix', scopes, tlpCeiling: 'red', createdBy: null })).key;
    everyScope = await key([...API_SCOPES]);
    for (const scope of API_SCOPES) withoutScope[scope] = await key(API_SCOPES.filter((x) => x !== scope));
  });
  afterAll(async () => {
    await app.close();
    await queue.stop(false);
    await cleanup();
  });

  it('lists every route of the API in the policy', async () => {
    const doc = (await app.inject({ url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = Object.entries(doc.paths).flatMap(([p, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${p}`),
    );
    expect(routes.filter((r) => !(r in POLICY))).toEqual([]);
    expect(Object.keys(POLICY).filter((r) => !routes.includes(r))).toEqual([]);
  });

  it('refuses callers below the route’s role (401 anonymous, 403 signed in) and lets the rest through', async () => {
    const table: string[] = [];
    const wrong: string[] = [];
    for (const [route, needs] of Object.entries(POLICY)) {
      if (route.includes('/api/session')) continue;
      const [method, pattern] = route.split(' ') as [string, string];
      const url = pattern.replace(/\{(\w+)\}/g, (_, name: string) => PARAMS[name] ?? 'x');
      const row: string[] = [];
      for (const caller of CALLERS) {
        const headers: Record<string, string> = {};
        const cookies: Record<string, string> = {};
        if (caller === 'admin') headers.authorization = 'Bearer admin-token';
        const scope = KEY_SCOPES[route];
        if (caller === 'key') headers.authorization = `Bearer ${everyScope}`;
        if (caller === 'key without the scope') {
          if (!scope) continue;
          headers.authorization = `Bearer ${withoutScope[scope]}`;
        }
        if (caller === 'partner' || caller === 'analyst') {
          cookies.dragnet_session = sessions[caller]!.cookie;
          headers['x-csrf-token'] = sessions[caller]!.csrf;
        }
        const res = await app.inject({
          method: method as 'GET',
          url,
          headers,
          cookies,
          ...(method === 'GET' || method === 'DELETE' ? {} : { payload: {} }),
        });
        const rank = caller === 'partner' || caller === 'analyst' || caller === 'admin' ? RANK[caller] : 0;
        // Public endpoints take anybody, keys included; otherwise a key passes only where its scope is named.
        const allowed =
          needs === 'anyone' ||
          (caller === 'key'
            ? scope !== undefined
            : caller !== 'key without the scope' && rank >= RANK[needs]);
        const expected = allowed ? 'through' : caller === 'anonymous' ? '401' : '403';
        const got = res.statusCode === 401 ? '401' : res.statusCode === 403 ? '403' : 'through';
        row.push(`${caller}:${res.statusCode}`);
        if (got !== expected) wrong.push(`${route} as ${caller}: ${res.statusCode}, expected ${expected}`);
      }
      table.push(`${route.padEnd(42)} ${needs.padEnd(8)} ${row.join(' ')}`);
    }
    expect(wrong, table.join('\n')).toEqual([]);
  });
});
