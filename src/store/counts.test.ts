import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshStore } from '../../test/helpers/engines.js';
import { COUNT_CAP, cappedCount } from './counts.js';
import type { Store } from './database.js';

describe('capped counts', () => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ store, cleanup } = await freshStore('pglite'));
  });
  afterAll(() => cleanup());

  it('counts exactly up to the cap, and says when there are more', async () => {
    expect(await cappedCount(store.db, sql`SELECT * FROM generate_series(1, 5)`)).toEqual({
      total: 5,
      totalCapped: false,
    });
    expect(await cappedCount(store.db, sql`SELECT * FROM generate_series(1, ${COUNT_CAP})`)).toEqual({
      total: COUNT_CAP,
      totalCapped: false,
    });
    expect(await cappedCount(store.db, sql`SELECT * FROM generate_series(1, ${COUNT_CAP + 1})`)).toEqual({
      total: COUNT_CAP,
      totalCapped: true,
    });
  });
});
