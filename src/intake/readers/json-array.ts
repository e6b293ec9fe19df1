import { LIMITS } from '../../core/report-input.js';
import { jsonRecord, type SourceRecord } from './record.js';

enum Ch {
  Newline = 0x0a,
  Quote = 0x22,
  Backslash = 0x5c,
  Comma = 0x2c,
  OpenBracket = 0x5b,
  CloseBracket = 0x5d,
  OpenBrace = 0x7b,
  CloseBrace = 0x7d,
  Space = 0x20,
  Tab = 0x09,
  Return = 0x0d,
}

/**
 * Reads the elements of one top-level JSON array without loading the file: a scanner finds each
 * element's bytes (tracking strings and nesting), and only that element is parsed. An element larger
 * than the record limit is skipped, not buffered. Written by hand because the streaming JSON libraries
 * give no line numbers and do not bound an element's size on hostile input.
 */
export async function* readJsonArray(
  input: AsyncIterable<Buffer>,
  maxBytes: number = LIMITS.recordBytes,
): AsyncGenerator<SourceRecord> {
  let depth = 0; // 0: before the array, 1: inside it between elements, >1: inside an element
  let inString = false;
  let escaped = false;
  let parts: Buffer[] = [];
  let partBytes = 0;
  let oversize = false;
  let inElement = false;
  let elementLine = 0;
  let line = 1;
  let offset = 0;
  let closed = false;
  let scalarElement = false;

  for await (const chunk of input) {
    let elementStart = inElement ? 0 : -1;
    const flush = (end: number) => {
      if (elementStart < 0 || oversize) return;
      if (partBytes + (end - elementStart) > maxBytes) {
        oversize = true;
        parts = [];
        return;
      }
      parts.push(chunk.subarray(elementStart, end));
      partBytes += end - elementStart;
    };
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (c === Ch.Newline) line++;
      if (closed) {
        if (c !== Ch.Space && c !== Ch.Tab && c !== Ch.Return && c !== Ch.Newline) {
          yield { line, error: 'unexpected data after the end of the top-level array', offset: offset + i };
          return;
        }
        continue;
      }
      if (inString) {
        if (escaped) escaped = false;
        else if (c === Ch.Backslash) escaped = true;
        else if (c === Ch.Quote) inString = false;
        continue;
      }
      if (depth === 0) {
        if (c === Ch.OpenBracket) depth = 1;
        else if (c !== Ch.Space && c !== Ch.Tab && c !== Ch.Return && c !== Ch.Newline) {
          yield { line, error: 'a JSON import file must be one array of report objects', offset: offset + i };
          return;
        }
        continue;
      }
      const endsScalar = scalarElement && depth === 1 && (c === Ch.Comma || c === Ch.CloseBracket);
      if (endsScalar) {
        flush(i);
        yield finishElement();
        elementStart = -1;
      }
      if (depth === 1 && !inElement) {
        if (c === Ch.CloseBracket) {
          closed = true;
          continue;
        }
        if (c === Ch.Comma || c === Ch.Space || c === Ch.Tab || c === Ch.Return || c === Ch.Newline) continue;
        inElement = true;
        elementLine = line;
        elementStart = i;
        scalarElement = c !== Ch.OpenBrace && c !== Ch.OpenBracket;
        if (scalarElement) {
          if (c === Ch.Quote) inString = true;
          continue;
        }
      }
      if (c === Ch.Quote) inString = true;
      else if (c === Ch.OpenBrace || c === Ch.OpenBracket) depth++;
      else if (c === Ch.CloseBrace || c === Ch.CloseBracket) {
        depth--;
        if (depth === 1 && !scalarElement) {
          flush(i + 1);
          yield finishElement();
          elementStart = -1;
        } else if (depth === 0) closed = true;
      }
    }
    flush(chunk.length);
    offset += chunk.length;
  }
  if (inElement) yield { line: elementLine, error: 'the file ends inside a record (truncated?)', offset };
  else if (!closed) yield { line, error: 'the file ends before the top-level array is closed', offset };

  function finishElement(): SourceRecord {
    const record = oversize
      ? { line: elementLine, error: `record is larger than ${maxBytes} bytes; skipped`, offset }
      : jsonRecord(Buffer.concat(parts).toString('utf8'), elementLine, offset);
    parts = [];
    partBytes = 0;
    oversize = false;
    inElement = false;
    scalarElement = false;
    return record;
  }
}
