import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { type OpenOptions, openStore, type Store } from '../../src/store/database.js';

/** The two engines every storage test runs on. */
export const ENGINES = ['pglite', 'postgres'] as const;
export type TestEngine = (typeof ENGINES)[number];

/** A fresh, empty database on the chosen engine: a new PGlite directory or a new database on the test server. */
export async function freshStoreOptions(
  engine: TestEngine,
): Promise<OpenOptions & { cleanup(): Promise<void> }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dragnet-test-'));
  if (engine === 'pglite') {
    return { dataDir, cleanup: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const adminUrl = inject('postgresUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl.replace('postgresql://dragnet@/', 'postgresql://dragnet@localhost/'));
  url.pathname = `/${name}`;
  const databaseUrl = url.toString().replace('@localhost/', '@/');
  return {
    dataDir,
    databaseUrl,
    cleanup: async () => {
      rmSync(dataDir, { recursive: true, force: true });
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

/** Opens a fresh store on the engine; call `cleanup` after `close`. */
export async function freshStore(
  engine: TestEngine,
): Promise<{ store: Store; dataDir: string; cleanup(): Promise<void> }> {
  const options = await freshStoreOptions(engine);
  const store = await openStore(options);
  return {
    store,
    dataDir: options.dataDir,
    cleanup: async () => {
      await store.close();
      await options.cleanup();
    },
  };
}
