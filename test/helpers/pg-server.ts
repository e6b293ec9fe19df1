import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** A throwaway PostgreSQL server in a temp dir, on a unix socket only. */
export interface PgServer {
  url: string;
  socketDir: string;
  stop(): void;
  /**
   * Stops the server and keeps its data (`fast`: sessions are terminated, as at a planned restart;
   * `immediate`: no shutdown at all, as at a crash, recovered from the WAL at the next start).
   */
  halt(mode: 'fast' | 'immediate'): Promise<void>;
  /** Starts the halted server again on its data. */
  resume(): Promise<void>;
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
  // The same commands without blocking the event loop: a test's clients keep talking meanwhile.
  const runAsync = async (cmd: string, args: string[]) => {
    const [file, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', path.join(BIN, cmd), ...args]]
      : [path.join(BIN, cmd), args];
    await promisify(execFile)(file, argv);
  };
  const dataDir = path.join(dir, 'cluster');
  run('initdb', ['-D', dataDir, '-U', 'dragnet', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  const startArgs = [
    '-D',
    dataDir,
    '-w',
    '-l',
    path.join(dir, 'server.log'),
    '-o',
    `-k ${dir} -c listen_addresses='' -p ${port} -c max_connections=200`,
    'start',
  ];
  run('pg_ctl', startArgs);
  return {
    halt: (mode) => runAsync('pg_ctl', ['-D', dataDir, '-w', '-m', mode, 'stop']),
    resume: () => runAsync('pg_ctl', startArgs),
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
