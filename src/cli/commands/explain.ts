import type { Command } from 'commander';
import { explainReports } from '../../operations/explain.js';
import { withStore } from '../context.js';

/** `dragnet explain A B`: why two reports are (or are not) in one operation. */
export function registerExplain(program: Command): void {
  program
    .command('explain')
    .description('explain why two reports are linked: the chain of shared values, with weights')
    .argument('<report-a>', 'a report id')
    .argument('<report-b>', 'another report id')
    .option('--json', 'print JSON')
    .action(async (a: string, b: string, opts: { json?: boolean }) => {
      await withStore(async (store) => {
        const answer = await explainReports(store.db, a, b);
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(answer)}\n`);
          return;
        }
        if (!answer.linked) {
          process.stdout.write(
            `not linked: ${a} is in ${answer.operations[0]}, ${b} in ${answer.operations[1]}\n`,
          );
          for (const s of answer.shared) process.stdout.write(`  shared ${s.kind} ${s.value}: ${s.why}\n`);
          return;
        }
        process.stdout.write(`both in operation ${answer.operationId}\n`);
        if (!answer.explanation) {
          process.stdout.write('  joined by an analyst decision, not by shared values\n');
          return;
        }
        for (const step of answer.explanation.steps) {
          const via = step.shared
            .map((s) => `${s.kind} ${s.value} (weight ${s.weight}, ${s.reportCount} reports)`)
            .join(' + ');
          process.stdout.write(
            `  ${step.from} → ${step.to}${step.weak ? ' [weak evidence together]' : ''}: ${via}\n`,
          );
        }
      });
    });
}
