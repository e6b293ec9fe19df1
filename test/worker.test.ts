import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/core/config.js';
import { type Running, startDragnet } from '../src/server/start.js';
import { ENGINES, freshStoreOptions } from './helpers/engines.js';

describe.each(ENGINES)('the worker role on %s', (engine) => {
  let running: Running;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const o = await freshStoreOptions(engine);
    cleanup = o.cleanup;
    const config = { ...loadConfig({ LOG_LEVEL: 'silent' }), dataDir: o.dataDir, databaseUrl: o.databaseUrl };
    running = await startDragnet({ port: 0, host: '127.0.0.1', roles: ['web', 'worker'], config });
  });
  afterAll(async () => {
    await running.stop();
    await cleanup();
  });

  it('processes every report submitted over HTTP through the job queue', async () => {
    const reports = Array.from({ length: 120 }, (_, i) => ({
      narrative: `Apple iCloud locked popup said to call 1-888-555-${String(2000 + i)} for support (case ${i})`,
      victim: { country: 'US' },
    }));
    const res = await fetch(`${running.address}/api/reports/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reports }),
    });
    expect(res.status).toBe(201);
    const db = running.ctx.store.db;
    const deadline = Date.now() + 30_000;
    let processed = 0;
    while (Date.now() < deadline) {
      const r = await db
        .selectFrom('reportStatus')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      processed = Number(r.n);
      if (processed === 120) break;
      await new Promise((ok) => setTimeout(ok, 200));
    }
    expect(processed).toBe(120);
    expect(await running.ctx.queue.pendingProcessing()).toBe(0);
    // Every report was read by machine: its callback number is an indicator with offsets.
    const phones = await db
      .selectFrom('reportIndicators')
      .select(['value', 'startPos', 'endPos'])
      .where('kind', '=', 'phone')
      .execute();
    expect(phones).toHaveLength(120);
    expect(phones.map((p) => p.value)).toContain('+18885552000');
    expect(phones.every((p) => p.startPos !== null && p.endPos! > p.startPos!)).toBe(true);
    const extracted = await db.selectFrom('reportExtractions').select(['brands']).execute();
    expect(extracted).toHaveLength(120);
    expect(extracted[0]!.brands).toContain('Apple');
  });

  it('reports ready, with its engine and roles', async () => {
    const ready = await fetch(`${running.address}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', database: 'ok', engine });
  });
});
