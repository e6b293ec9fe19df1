import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BusyError } from '../core/errors.js';

/** A held lock on a data directory. */
export interface DirLock {
  release(): void;
}

/**
 * The embedded database can be open in one process only. A lock file with the holder's pid turns a
 * second opener's corrupting write into a clear message; a lock left by a killed process is taken over.
 */
export function acquireDirLock(dataDir: string): DirLock {
  const file = path.join(dataDir, 'dragnet.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      return { release: () => rmSync(file, { force: true }) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number(readFileSync(file, 'utf8').trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
        throw new BusyError(
          `the embedded database in ${dataDir} is in use by process ${holder} (dragnet serve?). ` +
            'Stop that process, use another DRAGNET_DATA, or set DATABASE_URL to share a PostgreSQL server.',
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new BusyError(`could not lock ${file}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
