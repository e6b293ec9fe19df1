import { UsageError } from '../../core/errors.js';
import { readCsv } from './csv.js';
import { readJsonArray } from './json-array.js';
import { readNdjson } from './ndjson.js';
import type { SourceRecord } from './record.js';

/** Import file formats `dragnet ingest` reads. */
export const FORMATS = ['ndjson', 'json', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

/** The format of a file from its name, or undefined when the name does not tell. */
export function formatFromName(name: string): Format | undefined {
  const lower = name.toLowerCase();
  if (/\.(ndjson|jsonl)$/.test(lower)) return 'ndjson';
  if (lower.endsWith('.json')) return 'json';
  if (/\.(csv|tsv)$/.test(lower)) return 'csv';
  return undefined;
}

/** The format from the first non-blank byte of the content: `[` an array, `{` NDJSON, anything else CSV. */
export function sniffFormat(head: Buffer): Format {
  const text = head
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (text.startsWith('[')) return 'json';
  if (text.startsWith('{')) return 'ndjson';
  return 'csv';
}

/** Streams the records of an import in the given format. */
export function readRecords(format: Format, input: AsyncIterable<Buffer>): AsyncGenerator<SourceRecord> {
  switch (format) {
    case 'ndjson':
      return readNdjson(input);
    case 'json':
      return readJsonArray(input);
    case 'csv':
      return readCsv(input);
    default:
      throw new UsageError(`unknown format ${String(format)}; use one of ${FORMATS.join(', ')}`);
  }
}
