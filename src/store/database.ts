import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { CamelCasePlugin, Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { DragnetError } from '../core/errors.js';
import { acquireDirLock, type DirLock } from './dir-lock.js';
import { migrationProvider } from './migrations/index.js';
import type { Database } from './schema.js';

/** Which PostgreSQL is behind the data layer. */
export type Engine = 'pglite' | 'postgres';

/** An open database: the same Kysely API on both engines. */
export interface Store {
  db: Kysely<Database>;
  engine: Engine;
  /** A pg pool usable by libraries that speak SQL directly (the job queue). */
  close(): Promise<void>;
}

export interface OpenOptions {
  dataDir: string;
  databaseUrl?: string | undefined;
  /** Apply pending migrations (default true). */
  migrate?: boolean;
  /** Pool size on a server (PGlite always has one connection). */
  poolSize?: number;
}

// bigint and numeric come back as strings on both engines by default; counts are parsed where read.
// timestamptz is parsed to Date by node-postgres on both engines.

/** Opens PGlite under dataDir, or the server at databaseUrl, and applies migrations. */
export async function openStore(options: OpenOptions): Promise<Store> {
  const store = options.databaseUrl
    ? openServer(options.databaseUrl, options.poolSize ?? 10)
    : await openEmbedded(options.dataDir);
  try {
    if (options.migrate !== false) await migrate(store.db);
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}

function openServer(url: string, poolSize: number): Store {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client that loses its server must not crash the process; the next query reports the error.
  pool.on('error', () => {});
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new CamelCasePlugin()],
  });
  return { db, engine: 'postgres', close: () => db.destroy() };
}

async function openEmbedded(dataDir: string): Promise<Store> {
  mkdirSync(dataDir, { recursive: true });
  const lock: DirLock = acquireDirLock(dataDir);
  let lite: PGlite;
  try {
    lite = new PGlite(path.join(dataDir, 'pglite'));
    await lite.waitReady;
  } catch (err) {
    lock.release();
    throw new DragnetError(`cannot open the embedded database in ${dataDir}: ${(err as Error).message}`);
  }
  const pool = new pg.Pool(createPgConfig(lite));
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new CamelCasePlugin()],
  });
  return {
    db,
    engine: 'pglite',
    close: async () => {
      await db.destroy();
      await lite.close();
      lock.release();
    },
  };
}

/** Applies every pending migration; safe to run any number of times, from several processes. */
export async function migrate(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw new DragnetError(`database migration failed: ${(error as Error).message}`);
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** True when the database answers a query. */
export async function ping(db: Kysely<Database>): Promise<boolean> {
  try {
    await sql`SELECT 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
