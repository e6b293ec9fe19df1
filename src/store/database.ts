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
  // A client that loses its server (a restart, a failover) must not crash the process. pg emits 'error'
  // on the pool for idle clients and on the client itself for those in use, whose query in flight fails
  // with the same error (the caller hears it); the pool drops the broken client when it is released.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
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

/** SQLSTATEs of a server that went away: connection exceptions (class 08), shutdown, not accepting yet. */
const UNAVAILABLE_STATES = /^(08...|57P0[123])$/;
/** Socket errors of a connection to the server (refused, reset, broken, unreachable). */
const SOCKET_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);
/** What node-postgres says when a connection dies under a client, or a client that lost one is used. */
const LOST_CONNECTION =
  /^(Connection terminated( unexpectedly)?|Client has encountered a connection error and is not queryable)$/;

/**
 * True when an error says the database server cannot be reached (stopped, restarting, connection
 * lost) rather than that a query was wrong: the same request may succeed once the server is back.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const e = err as Error & { code?: unknown; syscall?: unknown };
  if (typeof e.code === 'string' && UNAVAILABLE_STATES.test(e.code)) return true;
  if (typeof e.syscall === 'string' && typeof e.code === 'string') {
    // ENOENT on connect: the server's unix socket is gone.
    if (SOCKET_ERRNOS.has(e.code) || (e.syscall === 'connect' && e.code === 'ENOENT')) return true;
  }
  return LOST_CONNECTION.test(e.message);
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
