import type { FieldIssue } from '../core/errors.js';
import type { ReportInput } from '../core/report-input.js';
import { parseReportInput } from './parse.js';
import type { SourceRecord } from './readers/record.js';
import type { IntakeService } from './service.js';

/** A record that was not stored, with where it was and why. */
export interface Reject {
  file: string;
  line: number;
  reason: string;
  issues?: FieldIssue[];
  existingId?: string;
}

/** Counts at the end of an import. */
export interface ImportSummary {
  read: number;
  stored: number;
  duplicates: number;
  rejected: number;
}

export interface ImportOptions {
  file: string;
  batchSize: number;
  onReject(reject: Reject): void | Promise<void>;
  /** Called after each batch is committed, with the input offset reached. */
  onCommitted?(summary: ImportSummary, offset: number): void;
}

/**
 * Validates records as they stream in and stores them in batches (one transaction each: reports and
 * their jobs). Invalid records and conflicts go to `onReject`; the rest are stored or found as duplicates.
 */
export async function importRecords(
  intake: IntakeService,
  records: AsyncIterable<SourceRecord>,
  options: ImportOptions,
  summary: ImportSummary = { read: 0, stored: 0, duplicates: 0, rejected: 0 },
): Promise<ImportSummary> {
  let batch: ReportInput[] = [];
  let lines: number[] = [];
  let offset = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const outcomes = await intake.store(batch, 'cli');
    for (const [i, o] of outcomes.entries()) {
      if (o.status === 'created') summary.stored++;
      else if (o.status === 'duplicate') summary.duplicates++;
      else {
        summary.rejected++;
        await options.onReject({
          file: options.file,
          line: lines[i]!,
          reason: o.message,
          existingId: o.existingId,
        });
      }
    }
    batch = [];
    lines = [];
    options.onCommitted?.(summary, offset);
  };
  for await (const record of records) {
    summary.read++;
    offset = record.offset;
    if (record.error !== undefined) {
      summary.rejected++;
      await options.onReject({ file: options.file, line: record.line, reason: record.error });
      continue;
    }
    const parsed = parseReportInput(record.value);
    if (!parsed.ok) {
      summary.rejected++;
      await options.onReject({
        file: options.file,
        line: record.line,
        reason: parsed.issues.map((x) => `${x.path}: ${x.message}`).join('; '),
        issues: parsed.issues,
      });
      continue;
    }
    batch.push(parsed.value);
    lines.push(record.line);
    if (batch.length >= options.batchSize) await flush();
  }
  await flush();
  return summary;
}
