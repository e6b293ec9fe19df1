import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import { type CorpusCase, type EvalReport, scoreCorpus } from '../../extract/eval.js';
import { registerClassify } from './classify.js';
import { addWorldEval } from './eval-world.js';

/** The labelled corpus shipped in the repository (dist/cli/commands → repo root, or src/… under tsx). */
const DEFAULT_CORPUS = ['hand.json', 'generated.json'].map((f) =>
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures/extract', f),
);

interface EvalExtractOptions {
  corpus?: string[];
  json?: boolean;
  errors?: boolean;
  split?: string;
}

/** `dragnet eval extract`: scores extraction on the labelled corpus, precision and recall per indicator kind. */
export function registerEval(program: Command): void {
  const evalCmd = program.command('eval').description('measure a pipeline stage against labelled data');
  addWorldEval(evalCmd);
  registerClassify(program, evalCmd);
  evalCmd
    .command('extract')
    .description(
      'score extraction on the labelled corpus: precision and recall per indicator kind, dev and held-out',
    )
    .option(
      '--corpus <files...>',
      'corpus files (JSON: {cases: [...]}); default: test/fixtures/extract/*.json',
    )
    .option('--split <split>', 'only this split (dev or heldout)')
    .option('--json', 'print the report as JSON')
    .option('--errors', 'also list every false positive and false negative')
    .action((opts: EvalExtractOptions, command: Command) => {
      // `eval` has a --json of its own (the world evaluation), which commander gives the parent.
      opts.json ||= Boolean(command.optsWithGlobals().json);
      if (opts.split && opts.split !== 'dev' && opts.split !== 'heldout')
        throw new UsageError('--split must be dev or heldout');
      let cases = (opts.corpus ?? DEFAULT_CORPUS).flatMap(loadCases);
      if (opts.split) cases = cases.filter((c) => c.split === opts.split);
      const report = scoreCorpus(cases);
      if (opts.json) {
        process.stdout.write(
          `${JSON.stringify(opts.errors ? report : { ...report, errors: undefined }, null, 2)}\n`,
        );
      } else {
        process.stdout.write(renderReport(report, Boolean(opts.errors)));
      }
      if (report.scores.some((s) => s.ok === false)) process.exitCode = 1;
    });
}

function loadCases(file: string): CorpusCase[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new UsageError(`cannot read corpus ${file}: ${(err as Error).message}`);
  }
  const cases = (data as { cases?: unknown }).cases;
  if (!Array.isArray(cases)) throw new UsageError(`${file} has no "cases" array`);
  return cases as CorpusCase[];
}

function renderReport(r: EvalReport, withErrors: boolean): string {
  const head = ['kind', 'split', 'tp', 'fp', 'fn', 'precision', 'recall', 'target', 'ok'];
  const rows = r.scores.map((s) => [
    s.kind,
    s.split,
    String(s.tp),
    String(s.fp),
    String(s.fn),
    s.precision.toFixed(3),
    s.recall.toFixed(3),
    s.target ? `P>=${s.target.precision} R>=${s.target.recall}` : '',
    s.ok === undefined ? '' : s.ok ? 'yes' : 'NO',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  const out = [
    `extraction on ${r.cases.dev} dev + ${r.cases.heldout} held-out reports`,
    '',
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
  ];
  if (withErrors) {
    out.push('', 'errors:');
    for (const e of r.errors)
      out.push(`  ${e.split.padEnd(7)} ${e.id.padEnd(10)} ${e.type} ${e.kind.padEnd(16)} ${e.value}`);
  }
  return `${out.join('\n')}\n`;
}
