import type { Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import { evaluateWorld } from '../../operations/evaluate-world.js';
import { formatEvaluation, loadTruth } from '../../simulate/index.js';
import { withStore } from '../context.js';

/** `dragnet eval --truth truth.json`: scores the current database against a simulated world's truth. */
export function addWorldEval(evalCmd: Command): void {
  evalCmd
    .option(
      '--truth <file>',
      'the truth file written by dragnet simulate: score clustering, ranking and indicators',
    )
    .option('--json', 'print the evaluation as JSON')
    .action(async (opts: { truth?: string; json?: boolean }) => {
      if (!opts.truth)
        throw new UsageError(
          'say what to evaluate: --truth FILE (a simulated world) or a subcommand (extract)',
        );
      let truth: Awaited<ReturnType<typeof loadTruth>>;
      try {
        truth = await loadTruth(opts.truth);
      } catch (err) {
        throw new UsageError(`cannot read the truth file ${opts.truth}: ${(err as Error).message}`);
      }
      await withStore(async (store) => {
        const e = await evaluateWorld(store.db, truth);
        process.stdout.write(opts.json ? `${JSON.stringify(e)}\n` : `${formatEvaluation(e)}\n`);
      });
    });
}
