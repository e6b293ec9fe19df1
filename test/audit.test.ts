import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, verifyAudit } from '../src/audit/log.js';
import type { Store } from '../src/store/database.js';
import { ENGINES, freshStore } from './helpers/engines.js';

describe.each(ENGINES)('audit log on %s', (engine) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ store, cleanup } = await freshStore(engine));
  });
  afterAll(async () => cleanup());

  it('chains rows written concurrently, refuses UPDATE and DELETE, and verify finds a tampered row', async () => {
    const db = store.db;
    expect(await verifyAudit(db)).toMatchObject({ ok: true, rows: 0 });
    // Writers racing each other still make one unbroken chain (the advisory lock orders them).
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        appendAudit(db, {
          actor: `analyst${i % 3}@example.org`,
          action: 'case.status',
          subject: `case:${i}`,
          detail: {
            from: 'draft',
            to: 'referred',
            nested: { z: 1, a: [1, 'two', null] },
            odd: 'nul\u0000here',
          },
        }),
      ),
    );
    const ok = await verifyAudit(db, 7);
    expect(ok).toMatchObject({ ok: true, rows: 20, broken: null });
    expect(ok.head.seq).toBe(20);

    await expect(sql`UPDATE audit_log SET actor = 'someone else' WHERE seq = 3`.execute(db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`DELETE FROM audit_log WHERE seq = 20`.execute(db)).rejects.toThrow(/append-only/);

    // Somebody with the database's own powers switches the trigger off and edits a row.
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`.execute(db);
    await sql`UPDATE audit_log SET detail = jsonb_set(detail, '{to}', '"closed"') WHERE seq = 5`.execute(db);
    expect(await verifyAudit(db)).toMatchObject({ ok: false, rows: 4, broken: { seq: 5 } });
    expect((await verifyAudit(db)).broken?.reason).toMatch(/changed/);

    // Recomputing that row's hash does not help: the next row still points at the old one.
    const { rowHash } = await import('../src/audit/chain.js');
    const five = await db.selectFrom('auditLog').selectAll().where('seq', '=', '5').executeTakeFirstOrThrow();
    const rehashed = rowHash({ ...five, seq: 5, at: five.at.toISOString() });
    await sql`UPDATE audit_log SET hash = ${rehashed} WHERE seq = 5`.execute(db);
    expect(await verifyAudit(db)).toMatchObject({ ok: false, broken: { seq: 6 } });

    // A deleted row is a gap.
    await sql`DELETE FROM audit_log WHERE seq = 2`.execute(db);
    expect(await verifyAudit(db)).toMatchObject({ ok: false, rows: 1, broken: { seq: 3 } });
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`.execute(db);
  });
});
