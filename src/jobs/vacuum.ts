import { sql } from 'kysely';
import type { Store } from '../store/database.js';

/** Something that logs. */
interface Log {
  info(o: object, msg: string): void;
  warn(o: object, msg: string): void;
}

/**
 * The embedded database runs no autovacuum (PGlite is one process, no background workers), so without
 * this its statistics go stale and counts cannot use index-only scans: at a million reports the triage
 * and operation lists' first pages took 390 and 216 ms instead of 102 and 52. A worker on PGlite vacuums
 * and analyses every `minutes` (first after two); PostgreSQL servers have autovacuum and are left alone.
 */
export function startVacuuming(
  store: Store,
  log: Log,
  minutes: number,
  firstAfterMs = 2 * 60_000,
): () => void {
  if (store.engine !== 'pglite' || minutes <= 0) return () => {};
  let running = false;
  const run = () => {
    if (running) return;
    running = true;
    const t = performance.now();
    sql`VACUUM (ANALYZE)`
      .execute(store.db)
      .then(() =>
        log.info({ seconds: Math.round(performance.now() - t) / 1000 }, 'vacuumed the embedded database'),
      )
      .catch((err: Error) => log.warn({ err: err.message }, 'vacuuming the embedded database failed'))
      .finally(() => {
        running = false;
      });
  };
  const first = setTimeout(run, firstAfterMs);
  const every = setInterval(run, minutes * 60_000);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
