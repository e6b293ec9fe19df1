import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { LIMITS } from '../../core/report-input.js';
import { mapHeader, rowToRecord } from './csv-columns.js';
import type { SourceRecord } from './record.js';

interface CsvInfo {
  lines: number;
  empty_lines: number;
  bytes: number;
}

interface CsvInfo {
  lines: number;
  empty_lines: number;
  bytes: number;
}

/**
 * Reads a CSV file with a header row (README, "CSV import"), streaming. Rows with the wrong number of
 * cells become rejects; a record over the size limit stops the file, since the parser cannot resync.
 */
export async function* readCsv(
  input: AsyncIterable<Buffer>,
  maxBytes: number = LIMITS.recordBytes,
): AsyncGenerator<SourceRecord> {
  const parser = Readable.from(input).pipe(
    parse({
      bom: true,
      relax_column_count: true,
      max_record_size: maxBytes,
      info: true,
      skip_empty_lines: true,
    }),
  );
  let columns: ReturnType<typeof mapHeader> | undefined;
  // csv-parse tells the line a record ends on; a quoted cell can span lines, so the start is derived
  // from where the previous record ended and the blank lines skipped since.
  let prevEnd = 0;
  let prevEmpty = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: CsvInfo }>) {
      const line = prevEnd + 1 + (info.empty_lines - prevEmpty);
      prevEnd = info.lines;
      prevEmpty = info.empty_lines;
      if (!columns) {
        columns = mapHeader(record);
        continue;
      }
      if (record.length !== columns.length) {
        yield {
          line,
          error: `row has ${record.length} cells; the header has ${columns.length}`,
          offset: info.bytes,
        };
        continue;
      }
      yield { line, value: rowToRecord(columns, record), offset: info.bytes };
    }
  } catch (err) {
    const e = err as Error & { code?: string; lines?: number };
    if (e.code?.startsWith('CSV_')) {
      yield { line: e.lines ?? 0, error: `CSV cannot be read past this point: ${e.message}`, offset: 0 };
      return;
    }
    throw err;
  }
}
