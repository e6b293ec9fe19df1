import type { Command } from 'commander';
import { listAudit, verifyAudit } from '../../audit/log.js';
import { withStore } from '../context.js';

/** `dragnet audit verify|list`: the hash-chained audit log. */
export function registerAudit(program: Command): void {
  const a = program.command('audit').description('the append-only, hash-chained audit log');
  a.command('verify')
    .description('check the whole chain; exits 1 at the first row changed, removed or out of place')
    .action(async () => {
      await withStore(async (store) => {
        const v = await verifyAudit(store.db);
        if (v.ok) {
          process.stdout.write(`audit log intact: ${v.rows} rows; head ${v.head.seq} ${v.head.hash}\n`);
          process.stdout.write(
            '(keep the head hash elsewhere to notice later if rows are cut from the end)\n',
          );
        } else {
          process.stdout.write(`audit log BROKEN at row ${v.broken!.seq}: ${v.broken!.reason}\n`);
          process.stdout.write(`rows 1–${v.head.seq} are intact (last good hash ${v.head.hash})\n`);
          process.exitCode = 1;
        }
      });
    });
  a.command('list')
    .description('the latest rows')
    .option('--limit <n>', 'rows', '50')
    .option('--subject <s>', 'only rows about this (e.g. case:12, key:…, operation:op-…)')
    .action(async (o: { limit: string; subject?: string }) => {
      await withStore(async (store) => {
        const rows = await listAudit(store.db, {
          limit: Math.min(Number(o.limit) || 50, 1000),
          subject: o.subject,
        });
        for (const r of rows)
          process.stdout.write(
            `${r.seq}\t${r.at}\t${r.actor ?? '-'}\t${r.action}\t${r.subject ?? ''}\t${JSON.stringify(r.detail)}\n`,
          );
      });
    });
}
