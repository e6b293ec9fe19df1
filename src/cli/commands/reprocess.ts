import type { Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import { reprocessAll } from '../../jobs/process-reports.js';
import { recluster } from '../../operations/recluster.js';
import { auditCli, withStore } from '../context.js';

/** `dragnet reprocess`: reads every stored report by machine again (after an upgrade of the extractor). */
export function registerReprocess(program: Command): void {
  program
    .command('reprocess')
    .description('extract and triage stored reports again (e.g. after an upgrade), then recluster them')
    .option('--stale', 'only reports never processed or processed by an older version')
    .option('--batch-size <n>', 'reports per transaction', '500')
    .action(async (opts: { stale?: boolean; batchSize: string }) => {
      const batchSize = Number(opts.batchSize);
      if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 5000)
        throw new UsageError('--batch-size must be a whole number from 1 to 5000');
      await withStore(async (store) => {
        const started = Date.now();
        const n = await reprocessAll(store.db, {
          staleOnly: opts.stale === true,
          batchSize,
          now: () => new Date(),
          // One full recluster afterwards links better and faster than report-by-report linking.
          link: false,
          onProgress: (done) => {
            if (process.stderr.isTTY) process.stderr.write(`\rreprocessed ${done}`);
          },
        });
        if (process.stderr.isTTY) process.stderr.write('\n');
        const stats = n > 0 ? await recluster(store.db, new Date()) : undefined;
        await auditCli(store, 'reports.reprocess', null, { reports: n, staleOnly: opts.stale === true });
        process.stdout.write(
          `reprocessed ${n} reports in ${((Date.now() - started) / 1000).toFixed(1)} s` +
            (stats ? `; ${stats.reports} reports in ${stats.operations} operations` : '') +
            '\n',
        );
      });
    });
}
