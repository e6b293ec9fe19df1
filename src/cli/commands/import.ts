import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { fromStixBundle } from '../../cases/stix/import.js';
import { UsageError } from '../../core/errors.js';
import { IntakeService } from '../../intake/service.js';
import { JobQueue } from '../../store/queue.js';
import { auditCli, withStore } from '../context.js';

/** The largest bundle file read. */
const MAX_BUNDLE_BYTES = 200 * 1024 * 1024;

/** `dragnet import stix FILE`: another installation's (or OpenCTI's) STIX 2.1 bundle, as reports. */
export function registerImport(program: Command): void {
  const i = program.command('import').description('import shared intelligence');
  i.command('stix')
    .description(
      'import a STIX 2.1 bundle: each intrusion set becomes one report (idempotent), then linked as usual',
    )
    .argument('<file>', 'a bundle (JSON)')
    .action(async (file: string) => {
      const text = await readFile(file, 'utf8');
      if (text.length > MAX_BUNDLE_BYTES)
        throw new UsageError(`${file} is larger than ${MAX_BUNDLE_BYTES} bytes`);
      let bundle: unknown;
      try {
        bundle = JSON.parse(text);
      } catch (err) {
        throw new UsageError(`${file} is not JSON: ${(err as Error).message}`);
      }
      const { reports, skipped } = fromStixBundle(bundle);
      await withStore(async (store) => {
        const queue = await JobQueue.open(store.db);
        try {
          const intake = new IntakeService(store.db, queue);
          const outcomes = reports.length ? await intake.store(intake.validate(reports, true), 'cli') : [];
          const count = (s: string) => outcomes.filter((x) => x.status === s).length;
          await auditCli(store, 'import.stix', null, {
            file,
            created: count('created'),
            duplicates: count('duplicate'),
            skipped: skipped.length,
          });
          process.stdout.write(
            `${count('created')} report(s) stored, ${count('duplicate')} already there, ${count('conflict')} conflicting, ${skipped.length} object(s) skipped\n`,
          );
          for (const s of skipped.slice(0, 20)) process.stdout.write(`  skipped ${s.id}: ${s.reason}\n`);
        } finally {
          await queue.stop(true);
        }
      });
    });
}
