import { LIMITS } from '../../core/report-input.js';
import { jsonRecord, type SourceRecord } from './record.js';

const NEWLINE = 0x0a;

/**
 * Reads newline-delimited JSON, one record per line, never holding more than one line in memory.
 * A line longer than the record limit is skipped to its end and reported, not buffered.
 */
export async function* readNdjson(
  input: AsyncIterable<Buffer>,
  maxBytes: number = LIMITS.recordBytes,
): AsyncGenerator<SourceRecord> {
  let parts: Buffer[] = [];
  let partBytes = 0;
  let oversize = false;
  let line = 1;
  let offset = 0;
  for await (const chunk of input) {
    let start = 0;
    while (start < chunk.length) {
      const nl = chunk.indexOf(NEWLINE, start);
      const end = nl === -1 ? chunk.length : nl;
      if (!oversize) {
        if (partBytes + (end - start) > maxBytes) {
          oversize = true;
          parts = [];
        } else {
          parts.push(chunk.subarray(start, end));
          partBytes += end - start;
        }
      }
      if (nl === -1) break;
      offset += end - start + 1;
      const record = finishLine(parts, oversize, line, offset, maxBytes);
      if (record) yield record;
      parts = [];
      partBytes = 0;
      oversize = false;
      line++;
      start = nl + 1;
    }
    if (start >= chunk.length) continue;
    offset += chunk.length - start;
  }
  const last = finishLine(parts, oversize, line, offset, maxBytes);
  if (last) yield last;
}

function finishLine(
  parts: Buffer[],
  oversize: boolean,
  line: number,
  offset: number,
  maxBytes: number,
): SourceRecord | null {
  if (oversize) return { line, error: `line is longer than ${maxBytes} bytes; record skipped`, offset };
  const text = (
    parts.length === 1 ? parts[0]!.toString('utf8') : Buffer.concat(parts).toString('utf8')
  ).trim();
  if (text.length === 0) return null;
  return jsonRecord(text, line, offset);
}
