import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';

const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** A PostgreSQL 15 cluster whose data outlive the run: stopped cleanly, started again next time. */
export interface PgCluster {
  url: string;
  /** Stops the server (a clean shutdown: the next start needs no recovery) and keeps its data. */
  stop(): void;
}

/**
 * Starts (creating it first when `dir` holds none) a PostgreSQL 15 cluster in `dir`, on a unix socket only,
 * as test/helpers/pg-server.ts does for throwaway servers (the `postgres` user when run as root). For
 * benchmark stores that take long to build: they are kept between runs, with the server stopped. A server
 * left running by an interrupted run is reused; `fresh` stops it and starts over with an empty cluster.
 */
export function startPgCluster(dir: string, port: number, options: { fresh?: boolean } = {}): PgCluster {
  if (!existsSync(path.join(BIN, 'initdb')))
    throw new Error(
      `PostgreSQL 15 server binaries not found in ${BIN}: install them (apt-get install -y postgresql)`,
    );
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o777); // the socket and the cluster are the postgres user's
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', path.join(BIN, cmd), ...args], { stdio: 'pipe' })
      : execFileSync(path.join(BIN, cmd), args, { stdio: 'pipe' });
  const dataDir = path.join(dir, 'cluster');
  const running = () => {
    try {
      run('pg_ctl', ['-D', dataDir, 'status']);
      return true;
    } catch {
      return false; // exit 3: not running (or no cluster)
    }
  };
  const stop = () => {
    if (running()) run('pg_ctl', ['-D', dataDir, '-w', '-t', '600', '-m', 'fast', 'stop']);
  };
  if (options.fresh) {
    stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (!existsSync(path.join(dataDir, 'PG_VERSION')))
    run('initdb', ['-D', dataDir, '-U', 'dragnet', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  if (!running())
    run('pg_ctl', [
      '-D',
      dataDir,
      '-w',
      '-t',
      '600', // a cluster stopped uncleanly replays its WAL first
      '-l',
      path.join(dir, 'server.log'),
      '-o',
      `-k ${dir} -c listen_addresses='' -p ${port} -c max_connections=200`,
      'start',
    ]);
  return {
    url: `postgresql://dragnet@/postgres?host=${encodeURIComponent(dir)}&port=${port}`,
    stop,
  };
}
