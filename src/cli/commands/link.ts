import type { Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import { recluster } from '../../operations/recluster.js';
import { auditCli, withStore } from '../context.js';

/** `dragnet link --full`: reclusters every report into operations, honouring analysts' decisions. */
export function registerLink(program: Command): void {
  program
    .command('link')
    .description('recluster all reports into operations (incremental linking runs on its own in workers)')
    .option('--full', 'recluster everything from scratch (required: the only mode the CLI offers)')
    .option('--json', 'print the run figures as JSON')
    .option('--as-of <date>', 'compute priorities as of this date (ISO), e.g. the end of a simulated world')
    .action(async (opts: { full?: boolean; json?: boolean; asOf?: string }) => {
      const asOf = opts.asOf === undefined ? new Date() : new Date(opts.asOf);
      if (Number.isNaN(asOf.getTime())) throw new UsageError(`--as-of is not a date: ${opts.asOf}`);
      if (!opts.full)
        throw new UsageError(
          'say --full: new reports are linked incrementally by workers; --full reclusters all',
        );
      await withStore(async (store) => {
        const stats = await recluster(store.db, new Date(), undefined, asOf);
        await auditCli(store, 'link.full', null, { reports: stats.reports, operations: stats.operations });
        if (opts.json) process.stdout.write(`${JSON.stringify(stats)}\n`);
        else
          process.stdout.write(
            `${stats.reports} reports in ${stats.operations} operations; ${stats.reassigned} reassigned, ` +
              `${stats.keptApart} bridges kept apart, ${stats.hubs} hubs ignored ` +
              `(load ${stats.seconds.load} s, cluster ${stats.seconds.cluster} s, write ${stats.seconds.write} s, ` +
              `summaries ${stats.seconds.summaries} s)\n`,
          );
      });
    });
}
