import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** A throwaway PostgreSQL server in a temp dir, on a unix socket only. */
export interface PgServer {
  url: string;
  socketDir: string;
  stop(): void;
}

/**
 * Starts PostgreSQL 15 with initdb + pg_ctl (as the non-root `postgres` user when run as root), for
 * tests and benchmarks. Throws with what to install when the server binaries are missing.
 */
export function startPgServer(port: number): PgServer {
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
    `-k ${dir} -c listen_addresses='' -p ${port} -c max_connections=200`,
    'start',
  ]);
  return {
    url: `postgresql://dragnet@/postgres?host=${encodeURIComponent(dir)}&port=${port}`,
    socketDir: dir,
    stop: () => {
      try {
        run('pg_ctl', ['-D', dataDir, '-m', 'immediate', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
