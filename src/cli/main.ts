import { Command, CommanderError } from 'commander';
import { DragnetError, ValidationError } from '../core/errors.js';
import { commands } from './commands/index.js';

/** Exit codes every command keeps: 0 ok, 1 failure, 2 usage. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

/** Builds the `dragnet` program with every command registered. */
export function buildProgram(): Command {
  const program = new Command('dragnet')
    .description('Dragnet: intake, extraction, linking and cases against tech support scams.')
    .version(process.env.npm_package_version ?? '0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  for (const register of commands) register(program);
  for (const cmd of program.commands) cmd.exitOverride().showHelpAfterError('(run with --help for usage)');
  return program;
}

/** Runs the CLI and returns the exit code instead of exiting, so tests and the bin share it. */
export async function run(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (
        err.code === 'commander.helpDisplayed' ||
        err.code === 'commander.version' ||
        err.code === 'commander.help'
      )
        return EXIT.ok;
      return EXIT.usage;
    }
    if (err instanceof DragnetError) {
      process.stderr.write(`dragnet: ${err.message}\n`);
      if (err instanceof ValidationError)
        for (const i of err.issues) process.stderr.write(`  ${i.path}: ${i.message}\n`);
      return err.exitCode;
    }
    process.stderr.write(
      `dragnet: unexpected failure: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    return EXIT.failure;
  }
}
