import type { Command } from 'commander';
import { withStore } from '../context.js';

/** `dragnet migrate`: applies pending database migrations (also done automatically at every start). */
export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations (every command also does this at start)')
    .action(async () => {
      await withStore(async (store) => {
        process.stdout.write(`database (${store.engine}) is up to date\n`);
      });
    });
}
