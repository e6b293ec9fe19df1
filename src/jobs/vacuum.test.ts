import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshStore } from '../../test/helpers/engines.js';
import type { Store } from '../store/database.js';
import { startVacuuming } from './vacuum.js';

describe('vacuuming the embedded database', () => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ store, cleanup } = await freshStore('pglite'));
  });
  afterAll(() => cleanup());

  it('vacuums and analyses PGlite on its schedule, and can be stopped', async () => {
    const said: string[] = [];
    const log = {
      info: (_o: object, m: string) => said.push(m),
      warn: (_o: object, m: string) => said.push(m),
    };
    const stop = startVacuuming(store, log, 30, 10);
    for (let i = 0; i < 100 && said.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    stop();
    expect(said).toEqual(['vacuumed the embedded database']);
  });

  it('leaves PostgreSQL servers to their autovacuum, and does nothing when switched off', async () => {
    const said: string[] = [];
    const log = {
      info: (_o: object, m: string) => said.push(m),
      warn: (_o: object, m: string) => said.push(m),
    };
    const stops = [
      startVacuuming({ ...store, engine: 'postgres' }, log, 30, 0),
      startVacuuming(store, log, 0, 0),
    ];
    await new Promise((r) => setTimeout(r, 300));
    for (const stop of stops) stop();
    expect(said).toEqual([]);
  });
});
