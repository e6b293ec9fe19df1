import type { Command } from 'commander';
import { registerMigrate } from './migrate.js';

/** Every CLI command, one registration function per file. */
export const commands: Array<(program: Command) => void> = [registerMigrate];
