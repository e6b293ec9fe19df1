import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addUser } from '../src/auth/users.js';
import { runCli } from './helpers/cli.js';
import { ENGINES } from './helpers/engines.js';
import { useTestServer } from './helpers/server.js';

const PASSWORD = 'a long enough password';

describe.each(ENGINES)('signing in to the workbench on %s', (engine) => {
  const server = useTestServer(engine, 'operator-token', {
    prepare: async ({ store }) => {
      await addUser(store.db, { email: 'Ana@Example.org', name: 'Ana', role: 'analyst', password: PASSWORD });
      await addUser(store.db, { email: 'pat@example.org', name: 'Pat', role: 'partner', password: PASSWORD });
    },
  });

  async function signIn(email: string, password = PASSWORD) {
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email, password },
    });
    const cookie = res.cookies.find((c) => c.name === 'dragnet_session');
    return { res, cookie, csrf: res.statusCode === 200 ? (res.json().csrfToken as string) : '' };
  }

  it('signs in with any case of the e-mail and sets a Secure, httpOnly, SameSite=Strict cookie', async () => {
    const { res, cookie } = await signIn('ana@example.ORG');
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ email: 'ana@example.org', role: 'analyst' });
    expect(res.json().user).not.toHaveProperty('passwordHash');
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/' });
    const me = await server.app.inject({ url: '/api/session', cookies: { dragnet_session: cookie!.value } });
    expect(me.json().user.email).toBe('ana@example.org');
    const row = await server.store.db.selectFrom('users').select('passwordHash').executeTakeFirstOrThrow();
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('refuses a wrong password and an unknown e-mail alike', async () => {
    const wrong = await signIn('ana@example.org', 'not the password');
    const unknown = await signIn('nobody@example.org');
    expect(wrong.res.statusCode).toBe(401);
    expect(unknown.res.statusCode).toBe(401);
    expect(wrong.res.json().message).toBe(unknown.res.json().message);
    expect(wrong.cookie).toBeUndefined();
  });

  it('refuses an e-mail PostgreSQL cannot store with 400, not 500', async () => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: 'ana\u0000@example.org', password: PASSWORD },
    });
    expect(res.statusCode).toBe(400);
  });

  it('needs the session CSRF token for every change made with the cookie', async () => {
    const { cookie, csrf } = await signIn('ana@example.org');
    const cookies = { dragnet_session: cookie!.value };
    const payload = { kind: 'domain', value: 'csrf-test.example' };
    const without = await server.app.inject({ method: 'POST', url: '/api/exclusions', cookies, payload });
    expect(without.statusCode).toBe(403);
    expect(without.json().message).toMatch(/CSRF/);
    const forged = await server.app.inject({
      method: 'POST',
      url: '/api/exclusions',
      cookies,
      payload,
      headers: { 'x-csrf-token': `${csrf.slice(0, -1)}x` },
    });
    expect(forged.statusCode).toBe(403);
    const ok = await server.app.inject({
      method: 'POST',
      url: '/api/exclusions',
      cookies,
      payload,
      headers: { 'x-csrf-token': csrf },
    });
    expect(ok.statusCode).toBe(201);
    const decision = await server.store.db
      .selectFrom('linkDecisions')
      .select('author')
      .executeTakeFirstOrThrow();
    expect(decision.author).toBe('ana@example.org');
  });

  it('lets partners read operations but not reports or decisions; anonymous callers read nothing', async () => {
    const { cookie, csrf } = await signIn('pat@example.org');
    const cookies = { dragnet_session: cookie!.value };
    expect((await server.app.inject({ url: '/api/operations', cookies })).statusCode).toBe(200);
    const reports = await server.app.inject({ url: '/api/operations/op-0000000000/reports', cookies });
    expect(reports.statusCode).toBe(403);
    expect(reports.json().message).toMatch(/analyst/);
    const merge = await server.app.inject({
      method: 'POST',
      url: '/api/operations/merge',
      cookies,
      headers: { 'x-csrf-token': csrf },
      payload: { operationIds: ['op-0000000000', 'op-0000000001'] },
    });
    expect(merge.statusCode).toBe(403);
    expect((await server.app.inject({ url: '/api/operations' })).statusCode).toBe(401);
    const badToken = await server.app.inject({
      url: '/api/operations',
      headers: { authorization: 'Bearer nope' },
    });
    expect(badToken.statusCode).toBe(401);
  });

  it('signs out: the cookie no longer opens anything', async () => {
    const { cookie, csrf } = await signIn('ana@example.org');
    const cookies = { dragnet_session: cookie!.value };
    const out = await server.app.inject({
      method: 'DELETE',
      url: '/api/session',
      cookies,
      headers: { 'x-csrf-token': csrf },
    });
    expect(out.statusCode).toBe(204);
    expect((await server.app.inject({ url: '/api/session', cookies })).statusCode).toBe(401);
    expect((await server.app.inject({ url: '/api/operations', cookies })).statusCode).toBe(401);
  });

  it('slows down password guessing: the eleventh attempt in a minute is refused', async () => {
    const codes = [];
    for (let i = 0; i < 11; i++) codes.push((await signIn('guess@example.org', `guess ${i}`)).res.statusCode);
    expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
    expect(codes[10]).toBe(429);
  });
});

describe('dragnet user', () => {
  it('adds a user with a generated password that signs in, and refuses a duplicate', async () => {
    const env = { DRAGNET_DATA: mkdtempSync(path.join(tmpdir(), 'dragnet-user-')) };
    const add = await runCli(['user', 'add', 'Lee@Example.org', '--name', 'Lee', '--role', 'admin'], env);
    expect(add.code).toBe(0);
    const password = /password: (\S+)/.exec(add.stdout)?.[1];
    expect(password).toHaveLength(20);
    const again = await runCli(['user', 'add', 'lee@example.org', '--name', 'Lee'], env, 'x'.repeat(12));
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/exists already/);
    const short = await runCli(
      ['user', 'add', 'kim@example.org', '--name', 'Kim', '--password-stdin'],
      env,
      'short',
    );
    expect(short.code).toBe(1);
    expect(short.stderr).toMatch(/password/);
    const badRole = await runCli(['user', 'add', 'kim@example.org', '--name', 'Kim', '--role', 'king'], env);
    expect(badRole.code).toBe(2);
    const list = await runCli(['user', 'list'], env);
    expect(list.stdout).toMatch(/^lee@example\.org\tadmin\tLee$/m);
  });
});
