import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { UsageError, ValidationError } from '../../core/errors.js';
import { reportInputSchema } from '../../core/report-input.js';
import { fieldIssues } from '../../core/validate.js';
import { extractReport } from '../../extract/index.js';

interface ExtractCliOptions {
  country?: string;
  pretty?: boolean;
}

/** `dragnet extract [FILE|-]`: reads one report (plain narrative or a ReportInput JSON object) and prints what extraction finds. */
export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description(
      'read one report by machine and print indicators, amounts, brands, channel, language and triage as JSON',
    )
    .argument(
      '[file]',
      'a narrative as plain text, or a ReportInput JSON object; - or nothing reads standard input',
      '-',
    )
    .option('--country <CC>', "victim's country (ISO 3166-1 alpha-2): the default region for phone numbers")
    .option('--pretty', 'indent the JSON')
    .addHelpText(
      'after',
      '\nExample: echo "call 0800 098 8571, he used AnyDesk" | dragnet extract --country GB --pretty',
    )
    .action((file: string, opts: ExtractCliOptions) => {
      if (opts.country !== undefined && !/^[A-Za-z]{2}$/.test(opts.country))
        throw new UsageError('--country must be a two-letter ISO 3166-1 code such as GB');
      const text = readInput(file);
      const report = asReport(text);
      const country = opts.country?.toUpperCase();
      const result = extractReport(report, country ? { country } : {});
      process.stdout.write(`${JSON.stringify(result, null, opts.pretty ? 2 : undefined)}\n`);
    });
}

function readInput(file: string): string {
  try {
    return readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (err) {
    throw new UsageError(
      `cannot read ${file === '-' ? 'standard input' : file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
  }
}

/** A JSON object is a ReportInput (validated); anything else is the narrative itself. */
function asReport(text: string) {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      parsed = undefined;
    }
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      const r = reportInputSchema.safeParse(parsed);
      if (!r.success)
        throw new ValidationError('the input is JSON but not a valid ReportInput', fieldIssues(r.error));
      return r.data;
    }
  }
  if (trimmed.length === 0) throw new UsageError('nothing to read: the input is empty');
  return { narrative: text.isWellFormed() ? text : text.toWellFormed() };
}
