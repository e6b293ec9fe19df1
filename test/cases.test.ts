import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../src/audit/log.js';
import { addUser } from '../src/auth/users.js';
import { checkManifest, type Manifest } from '../src/cases/package.js';
import { validateBundle } from '../src/cases/stix/validate.js';
import { processReports } from '../src/jobs/process-reports.js';
import { recluster } from '../src/operations/recluster.js';
import { simulate } from '../src/simulate/simulate.js';
import { BlobStore } from '../src/store/blobs.js';
import { saveCapture } from '../src/store/crawls.js';
import { storeReports } from '../src/store/reports.js';
import { fakeCapture } from './helpers/captures.js';
import { useTestServer } from './helpers/server.js';

const TOKEN = 'cases-token';
const admin = { authorization: `Bearer ${TOKEN}`, 'x-dragnet-user': 'ada@cases.test' };
const now = new Date('2025-12-31T00:00:00Z');
const PASSWORD = 'analyst password long enough';

/** Two victims who give their identity; only Margaret agrees to be contacted by the police. */
const named = (phone: string) => [
  {
    externalId: 'named-1',
    channel: 'popup' as const,
    callbackNumbers: [phone],
    narrative: `I am Margaret Whitfield (maggie.w@example.org). A popup told me to call ${phone}. I paid $900 in gift cards.`,
    victim: {
      country: 'US',
      name: 'Margaret Whitfield',
      email: 'maggie.w@example.org',
      phone: '+1 503 555 0187',
    },
    consent: { lawEnforcementContact: true },
  },
  {
    externalId: 'named-2',
    channel: 'popup' as const,
    callbackNumbers: [phone],
    narrative: `Harold Pinterjones here; they said call ${phone} and took $400.`,
    victim: { country: 'US', name: 'Harold Pinterjones', email: 'harold@example.org' },
    consent: { lawEnforcementContact: false },
  },
];

describe('cases and referral packages', () => {
  let ops: Array<{ id: string; reportCount: number }> = [];
  let screenshot = '';
  const server = useTestServer('pglite', TOKEN, {
    timeout: 180_000,
    prepare: async ({ store, queue, dataDir }) => {
      const inputs = [
        ...simulate({ reports: 600, seed: 21, start: '2025-01-01', days: 365, operations: 6 }).reports(),
      ].map((g) => g.report);
      const ids = (await storeReports(store.db, queue, inputs, now, 'cli')).map(
        (o) => (o as { id: string }).id,
      );
      await processReports(store.db, ids, now, { link: false });
      await recluster(store.db, now);
      const top = await store.db
        .selectFrom('operations')
        .select(['id'])
        .orderBy('reportCount', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow();
      const phone = await store.db
        .selectFrom('operationIndicators')
        .select('value')
        .where('operationId', '=', top.id)
        .where('kind', '=', 'phone')
        .orderBy('reportCount', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow();
      const extra = (await storeReports(store.db, queue, named(phone.value), now, 'api')).map(
        (o) => (o as { id: string }).id,
      );
      await processReports(store.db, extra, now, { link: true });
      // A crawled popup of the top operation, with its screenshot in the blob store.
      const png = await sharp({ create: { width: 64, height: 40, channels: 3, background: '#0050ef' } })
        .png()
        .toBuffer();
      screenshot = (await new BlobStore(dataDir, store.db).put(png, 'image/png')).sha256;
      const capture = fakeCapture('https://win-alert.example.net/', [phone.value], [], now);
      capture.blobs.screenshotBefore = screenshot;
      const captureId = await saveCapture(store.db, capture, [], { origin: 'cli' });
      await store.db
        .updateTable('crawlCaptures')
        .set({ operationId: top.id })
        .where('id', '=', captureId)
        .execute();
      await recluster(store.db, now);
      ops = await store.db
        .selectFrom('operations')
        .select(['id', 'reportCount'])
        .orderBy('reportCount', 'desc')
        .limit(2)
        .execute();
    },
  });

  const call = (method: string, url: string, payload?: unknown, headers: Record<string, string> = admin) =>
    server.app.inject({
      method: method as 'GET',
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  async function analystHeaders() {
    await addUser(server.store.db, {
      email: 'ana@cases.test',
      name: 'Ana',
      role: 'analyst',
      password: PASSWORD,
    });
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: 'ana@cases.test', password: PASSWORD },
    });
    return {
      cookie: `dragnet_session=${res.cookies.find((c) => c.name === 'dragnet_session')!.value}`,
      'x-csrf-token': res.json().csrfToken as string,
    };
  }

  it('builds a sweep of two operations through to a referral package whose every file matches its manifest', async () => {
    const analyst = await analystHeaders();
    // A case is opened as a draft with two operations (a sweep), then moved on with its history kept.
    const created = await call(
      'POST',
      '/api/cases',
      {
        title: 'Popup call centres, winter sweep',
        agency: 'FBI IC3',
        jurisdictions: ['us', 'CA'],
        operationIds: ops.map((o) => o.id),
      },
      analyst,
    );
    expect(created.statusCode, created.body).toBe(201);
    const c = created.json();
    expect(c.reference).toMatch(/^DRG-\d{4}-\d{4,}$/);
    expect(c.jurisdictions).toEqual(['US', 'CA']);
    expect(c.operations.map((o: { current: string }) => o.current).sort()).toEqual(
      ops.map((o) => o.id).sort(),
    );
    for (const entry of [
      { kind: 'note', body: 'Same merchant account in both operations.' },
      { kind: 'task', body: 'Ask the telco for subscriber records', dueAt: '2026-01-15' },
      { kind: 'action', subtype: 'takedown_telco', target: 'Example Telecom abuse desk' },
      { kind: 'outcome', subtype: 'arrest', quantity: 3, occurredAt: '2026-02-01T09:00:00Z' },
    ]) {
      const res = await call('POST', `/api/cases/${c.id}/entries`, entry, analyst);
      expect(res.statusCode, res.body).toBe(201);
    }
    const detail = (await call('GET', `/api/cases/${c.id}`, undefined, analyst)).json();
    const task = detail.entries.find((e: { kind: string }) => e.kind === 'task');
    const action = detail.entries.find((e: { kind: string }) => e.kind === 'action');
    expect(action.state).toBe('planned');
    expect(
      (await call('PATCH', `/api/cases/${c.id}/entries/${task.id}`, { state: 'done' }, analyst)).json().state,
    ).toBe('done');
    expect(
      (await call('PATCH', `/api/cases/${c.id}/entries/${action.id}`, { state: 'sent' }, analyst)).json()
        .state,
    ).toBe('sent');
    expect(
      (await call('PATCH', `/api/cases/${c.id}/entries/${task.id}`, { state: 'sent' }, analyst)).statusCode,
    ).toBe(409);
    const moved = (await call('PATCH', `/api/cases/${c.id}`, { status: 'referred' }, analyst)).json();
    expect(moved.status).toBe('referred');
    expect(
      moved.entries.filter((e: { kind: string }) => e.kind === 'status').map((e: { body: string }) => e.body),
    ).toEqual(['Case opened', 'draft → referred']);
    expect((await call('PATCH', `/api/cases/${c.id}`, { status: 'arrested' }, analyst)).statusCode).toBe(400);

    // Victims: contact details only for those who agreed to be contacted.
    const victims = (await call('GET', `/api/cases/${c.id}/victims?limit=200`, undefined, analyst)).json();
    expect(victims.total).toBe(ops[0]!.reportCount + ops[1]!.reportCount);
    const margaret = victims.victims.find((v: { externalId: string }) => v.externalId === 'named-1');
    const harold = victims.victims.find((v: { externalId: string }) => v.externalId === 'named-2');
    expect(margaret.contact).toEqual({
      name: 'Margaret Whitfield',
      email: 'maggie.w@example.org',
      phone: '+1 503 555 0187',
    });
    expect(harold.contact).toBeNull();
    expect(harold.narrative).not.toContain('Pinterjones');
    // Harold's declaration with his consent now given opens his contact details; a refusal closes them again.
    const declared = await call(
      'PUT',
      `/api/cases/${c.id}/victims/${harold.reportId}`,
      { declaration: 'I called them.', consent: 'given' },
      analyst,
    );
    expect(declared.statusCode, declared.body).toBe(204);
    const after = (await call('GET', `/api/cases/${c.id}/victims?limit=200`, undefined, analyst)).json();
    expect(after.victims.find((v: { externalId: string }) => v.externalId === 'named-2').contact.name).toBe(
      'Harold Pinterjones',
    );
    await call('PUT', `/api/cases/${c.id}/victims/${harold.reportId}`, { consent: 'withdrawn' }, analyst);

    // A package with victims' personal data needs an admin; without, any analyst.
    expect(
      (
        await call(
          'POST',
          `/api/cases/${c.id}/referrals`,
          { recipient: 'FBI IC3', personalData: true },
          analyst,
        )
      ).statusCode,
    ).toBe(403);
    const built = await call('POST', `/api/cases/${c.id}/referrals`, { recipient: 'FBI IC3' }, analyst);
    expect(built.statusCode, built.body).toBe(201);
    const referral = built.json();
    const zip = await call('GET', `/api/referrals/${referral.id}/package`, undefined, analyst);
    expect(zip.headers['content-type']).toBe('application/zip');
    const files = unzipSync(new Uint8Array(zip.rawPayload));
    const manifest = JSON.parse(Buffer.from(files['manifest.json']!).toString()) as Manifest;
    const packaged = Object.entries(files).map(([name, bytes]) => ({ name, bytes, mediaType: '' }));
    expect(checkManifest(packaged, manifest)).toEqual([]);
    expect(manifest.files.map((f) => f.name)).toEqual(
      expect.arrayContaining([
        'dossier.pdf',
        'stix-bundle.json',
        'misp-event.json',
        'operations.csv',
        'indicators.csv',
        'evidence.csv',
        'victims.csv',
        'losses-by-country.csv',
        'timeline.csv',
        'captures.csv',
        `screenshots/${screenshot}.png`,
      ]),
    );
    // A changed byte is caught by the manifest.
    const tampered = packaged.map((f) =>
      f.name === 'victims.csv' ? { ...f, bytes: new Uint8Array([...f.bytes, 10]) } : f,
    );
    expect(checkManifest(tampered, manifest)).toEqual(['victims.csv does not match its SHA-256']);

    // The dossier: the case, both operations, the crawled page's hash, no victim's identity.
    const dir = mkdtempSync(path.join(tmpdir(), 'dragnet-referral-'));
    writeFileSync(path.join(dir, 'dossier.pdf'), files['dossier.pdf']!);
    const text = execFileSync('pdftotext', ['-layout', path.join(dir, 'dossier.pdf'), '-'], {
      encoding: 'utf8',
    });
    for (const expected of [
      c.reference,
      'Popup call centres, winter sweep',
      ...ops.map((o) => o.id),
      screenshot.slice(0, 16),
    ])
      expect(text.replace(/\s+/g, ' ')).toContain(expected);
    expect(text).not.toMatch(/Margaret|Whitfield|maggie|Pinterjones|503 555/);
    expect(text).toMatch(/redacted/i);

    // The same facts as STIX (valid against the official schemas) and as tables.
    const bundle = JSON.parse(Buffer.from(files['stix-bundle.json']!).toString());
    expect(validateBundle(bundle).errors).toEqual([]);
    const table = (name: string) =>
      parse(Buffer.from(files[name]!).toString(), { columns: true }) as Array<Record<string, string>>;
    const victimRows = table('victims.csv');
    expect(victimRows).toHaveLength(victims.total);
    expect(victimRows.every((v) => v.name === '' && v.email === '' && v.phone === '')).toBe(true);
    expect(
      table('operations.csv')
        .map((o) => o.operation_id)
        .sort(),
    ).toEqual(ops.map((o) => o.id).sort());
    // The evidence chain joins every report of each operation to it, step by step through shared values.
    const evidence = table('evidence.csv');
    for (const op of ops) {
      const joined = new Set(
        evidence.filter((e) => e.operation_id === op.id).flatMap((e) => [e.report, e.linked_to]),
      );
      expect(joined.size).toBe(op.reportCount);
    }
    expect(table('captures.csv')[0]!.screenshot_sha256).toBe(screenshot);

    // An admin's package for an authorised recipient carries the identity of victims who consented, only.
    const withData = await call('POST', `/api/cases/${c.id}/referrals`, {
      recipient: 'FBI IC3 (authorised)',
      personalData: true,
    });
    expect(withData.statusCode, withData.body).toBe(201);
    const csv = await call(
      'GET',
      `/api/referrals/${withData.json().id}/files/victims.csv`,
      undefined,
      analyst,
    );
    expect(csv.body).toContain('Margaret Whitfield');
    expect(csv.body).not.toContain('Pinterjones');
    const pdf = await call('GET', `/api/referrals/${referral.id}/files/dossier.pdf`, undefined, analyst);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(
      (await call('GET', `/api/referrals/${referral.id}/files/..%2Fmanifest.json`, undefined, analyst))
        .statusCode,
    ).toBe(400);

    // Every change, package and read of a package is in the audit log, chained and intact.
    const audit = (await call('GET', '/api/audit?limit=200')).json().entries as Array<{
      action: string;
      actor: string;
    }>;
    const actions = audit.map((a) => `${a.actor} ${a.action}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        'ana@cases.test POST /api/cases',
        'ana@cases.test PATCH /api/cases/:id',
        'ana@cases.test PUT /api/cases/:id/victims/:reportId',
        'ana@cases.test referral.create',
        'ana@cases.test referral.download',
        'ana@cases.test referral.view',
        'ada@cases.test referral.create',
      ]),
    );
    // The rows about this case, found by its typed subject.
    const aboutCase = (await call('GET', `/api/audit?subject=case:${c.id}`)).json().entries as Array<{
      action: string;
    }>;
    expect(aboutCase.map((a) => a.action)).toEqual(
      expect.arrayContaining(['POST /api/cases/:id/entries', 'PATCH /api/cases/:id', 'referral.create']),
    );
    expect(await verifyAudit(server.store.db)).toMatchObject({ ok: true });
  });

  it('follows an operation that a merge took away to the operation now holding its reports', async () => {
    const made = (
      await call('POST', '/api/cases', { title: 'Follow me', operationIds: [ops[1]!.id] })
    ).json();
    const merged = await call('POST', '/api/operations/merge', {
      operationIds: ops.map((o) => o.id),
      reason: 'same call centre',
    });
    expect(merged.statusCode, merged.body).toBe(201);
    const survivors = await server.store.db
      .selectFrom('operations')
      .select('id')
      .where(
        'id',
        'in',
        ops.map((o) => o.id),
      )
      .execute();
    expect(survivors).toHaveLength(1);
    // The larger operation keeps its id: the case's operation is gone under its own.
    expect(survivors[0]!.id).toBe(ops[0]!.id);
    const after = (await call('GET', `/api/cases/${made.id}`)).json();
    expect(after.operations).toEqual([
      expect.objectContaining({ id: ops[1]!.id, current: survivors[0]!.id }),
    ]);
    expect(after.operations[0].reportCount).toBe(ops[0]!.reportCount + ops[1]!.reportCount);
  });
});
