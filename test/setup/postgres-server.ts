import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
const PORT = 54329;

/**
 * Starts a throwaway PostgreSQL 15 server for the test run (initdb + pg_ctl in a temp dir, unix socket
 * only, as the non-root `postgres` user when run as root) and stops it afterwards. Storage tests run on
 * it and on PGlite. Set DRAGNET_TEST_DATABASE_URL to use a server of your own instead.
 */
export default function setup(project: TestProject): () => void {
  if (process.env.DRAGNET_TEST_DATABASE_URL) {
    project.provide('postgresUrl', process.env.DRAGNET_TEST_DATABASE_URL);
    return () => {};
  }
  if (!existsSync(path.join(BIN, 'initdb'))) {
    throw new Error(
      `PostgreSQL 15 server binaries not found in ${BIN}: install them (apt-get install -y postgresql) or set DRAGNET_TEST_DATABASE_URL`,
    );
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'dragnet-pg-'));
  chmodSync(dir, 0o777);
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', path.join(BIN, cmd), ...args], { stdio: 'pipe' })
      : execFileSync(path.join(BIN, cmd), args, { stdio: 'pipe' });
  const dataDir = path.join(dir, 'cluster');
  run('initdb', ['-D', dataDir, '-U', 'dragnet', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  run('pg_ctl', [
    '-D',
    dataDir,
    '-w',
    '-l',
    path.join(dir, 'server.log'),
    '-o',
    `-k ${dir} -c listen_addresses='' -p ${PORT} -c fsync=off -c max_connections=200`,
    'start',
  ]);
  project.provide(
    'postgresUrl',
    `postgresql://dragnet@/postgres?host=${encodeURIComponent(dir)}&port=${PORT}`,
  );
  project.provide('postgresSocketDir', dir);
  return () => {
    try {
      run('pg_ctl', ['-D', dataDir, '-m', 'immediate', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
    postgresSocketDir: string;
  }
}
