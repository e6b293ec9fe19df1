import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateBundle } from '../../src/cases/stix/validate.js';
import { openStore } from '../../src/store/database.js';
import { runCli } from '../helpers/cli.js';
import { freshStoreOptions } from '../helpers/engines.js';

const work = mkdtempSync(path.join(tmpdir(), 'dragnet-cases-cli-'));

describe('dragnet case, referral, export, import and audit', () => {
  let env: Record<string, string | undefined>;
  let other: Record<string, string | undefined>;
  const cleanups: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    for (const target of ['first', 'second']) {
      const o = await freshStoreOptions('pglite');
      cleanups.push(o.cleanup);
      const e = { DRAGNET_DATA: o.dataDir, DATABASE_URL: '', DRAGNET_NAME: `Dragnet ${target}` };
      if (target === 'first') env = e;
      else other = e;
    }
    const world = path.join(work, 'world.ndjson');
    for (const args of [
      ['simulate', '--reports', '400', '--seed', '8', '--out', world],
      ['ingest', world],
      ['reprocess'],
      ['link', '--full'],
    ]) {
      const r = await runCli(args, env);
      expect(r.code, r.stderr).toBe(0);
    }
  }, 180_000);
  afterAll(async () => {
    for (const c of cleanups) await c();
  });

  it('opens a case, writes its referral package, shares it as STIX that another installation imports, and audits it all', async () => {
    const ops = await runCli(
      ['operations', '--format', 'ndjson', '--out', path.join(work, 'ops.ndjson')],
      env,
    );
    expect(ops.code, ops.stderr).toBe(0);
    const top = readFileSync(path.join(work, 'ops.ndjson'), 'utf8')
      .trim()
      .split('\n')
      .slice(0, 2)
      .map((l) => JSON.parse(l).id as string);
    const created = await runCli(
      [
        'case',
        'create',
        '--title',
        'CLI sweep',
        '--agency',
        'Action Fraud',
        '--jurisdiction',
        'GB',
        ...top.flatMap((id) => ['--operation', id]),
      ],
      env,
    );
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/DRG-\d{4}-0001 \(id 1\)/);
    const moved = await runCli(['case', 'status', '1', 'referred'], env);
    expect(moved.stdout).toContain('draft → referred');
    expect((await runCli(['case', 'status', '1', 'sentenced'], env)).code).not.toBe(0);

    const out = path.join(work, 'package');
    const referral = await runCli(['referral', '1', '--out', out], env);
    expect(referral.code, referral.stderr).toBe(0);
    expect(referral.stdout).toContain('for Action Fraud');
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    expect(manifest.case.reference).toBe(
      'DRG-2026-0001'.replace('2026', String(new Date().getUTCFullYear())),
    );
    expect(manifest.operations.sort()).toEqual([...top].sort());
    expect(readFileSync(path.join(out, 'dossier.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    for (const f of manifest.files) expect(referral.stdout).toContain(`${f.sha256}  ${f.name}`);

    const bundleFile = path.join(work, 'shared.json');
    const exported = await runCli(
      ['export', 'stix', '--operation', top[0]!, '--tlp', 'red', '--out', bundleFile],
      env,
    );
    expect(exported.code, exported.stderr).toBe(0);
    const bundle = JSON.parse(readFileSync(bundleFile, 'utf8'));
    expect(validateBundle(bundle).errors).toEqual([]);
    // Operations are AMBER unless marked: a GREEN export leaves this one out and says so.
    const green = await runCli(['export', 'stix', '--operation', top[0]!, '--tlp', 'green'], env);
    expect(green.stderr).toContain('left out 1 operation');
    expect(JSON.parse(green.stdout).objects.some((o: { type: string }) => o.type === 'intrusion-set')).toBe(
      false,
    );

    const imported = await runCli(['import', 'stix', bundleFile], other!);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/^1 report\(s\) stored, 0 already there/);
    expect((await runCli(['import', 'stix', bundleFile], other!)).stdout).toMatch(
      /^0 report\(s\) stored, 1 already there/,
    );

    const verified = await runCli(['audit', 'verify'], env);
    expect(verified.code, verified.stdout).toBe(0);
    expect(verified.stdout).toMatch(/audit log intact: [5-9] rows/);
    const listed = await runCli(['audit', 'list'], env);
    for (const action of ['case.create', 'case.status', 'referral.create', 'export.stix'])
      expect(listed.stdout).toContain(action);

    // Someone with the database's own powers edits a row: verify names it and fails.
    const store = await openStore({ dataDir: env.DRAGNET_DATA! });
    try {
      await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`.execute(store.db);
      await sql`UPDATE audit_log SET actor = 'nobody' WHERE seq = 2`.execute(store.db);
    } finally {
      await store.close();
    }
    const broken = await runCli(['audit', 'verify'], env);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('audit log BROKEN at row 2: row 2 was changed after it was written');
  }, 240_000);
});
