import { describe, expect, it } from 'vitest';
import { UsageError } from '../../core/errors.js';
import { readCsv } from './csv.js';
import { readJsonArray } from './json-array.js';
import { readNdjson } from './ndjson.js';
import type { SourceRecord } from './record.js';

/** Feeds text in small chunks, so records straddle chunk boundaries as they do in real files. */
async function* chunked(text: string, size = 7): AsyncGenerator<Buffer> {
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function all(gen: AsyncGenerator<SourceRecord>) {
  const out: SourceRecord[] = [];
  for await (const r of gen) out.push(r);
  return out.map(({ line, value, error }) => (error ? { line, error } : { line, value }));
}

describe('NDJSON reader', () => {
  it('yields one record per line with its line number, skipping blank lines', async () => {
    const recs = await all(readNdjson(chunked('{"a":1}\n\n{"b":"é"}\r\n{"c":3}')));
    expect(recs).toEqual([
      { line: 1, value: { a: 1 } },
      { line: 3, value: { b: 'é' } },
      { line: 4, value: { c: 3 } },
    ]);
  });

  it('reports malformed lines and carries on', async () => {
    const recs = await all(readNdjson(chunked('{"a":1}\n{oops\n{"b":2}\n')));
    expect(recs[1]).toMatchObject({ line: 2, error: expect.stringMatching(/malformed JSON/) });
    expect(recs[2]).toEqual({ line: 3, value: { b: 2 } });
  });

  it('skips a line over the size limit without buffering it', async () => {
    const long = `{"n":"${'x'.repeat(500)}"}`;
    const recs = await all(readNdjson(chunked(`{"a":1}\n${long}\n{"b":2}`), 100));
    expect(recs).toEqual([
      { line: 1, value: { a: 1 } },
      { line: 2, error: 'line is longer than 100 bytes; record skipped' },
      { line: 3, value: { b: 2 } },
    ]);
  });
});

describe('JSON array reader', () => {
  it('streams elements with the line each starts on, whatever the nesting and strings', async () => {
    const text = '[\n {"a": "x]}\\"{["},\n {"b": [1, {"c": 2}]}, 5,\n "s"\n]\n';
    const recs = await all(readJsonArray(chunked(text, 3)));
    expect(recs).toEqual([
      { line: 2, value: { a: 'x]}"{[' } },
      { line: 3, value: { b: [1, { c: 2 }] } },
      { line: 3, value: 5 },
      { line: 4, value: 's' },
    ]);
  });

  it('refuses a file that is not an array, and reports truncation', async () => {
    expect(await all(readJsonArray(chunked('{"a":1}')))).toEqual([
      { line: 1, error: 'a JSON import file must be one array of report objects' },
    ]);
    const truncated = await all(readJsonArray(chunked('[{"a":1},\n{"b":')));
    expect(truncated).toEqual([
      { line: 1, value: { a: 1 } },
      { line: 2, error: 'the file ends inside a record (truncated?)' },
    ]);
  });

  it('skips an element over the size limit', async () => {
    const recs = await all(readJsonArray(chunked(`[{"a":1},{"n":"${'y'.repeat(300)}"},{"b":2}]`), 100));
    expect(recs.map((r) => r.error ?? r.value)).toEqual([
      { a: 1 },
      'record is larger than 100 bytes; skipped',
      { b: 2 },
    ]);
  });
});

describe('CSV reader', () => {
  it('maps documented columns, multi-value cells and aligned payments', async () => {
    const csv =
      'External ID,victim_country,callbackNumbers,payments.method,payments.amount,payments.currency,consent.partnerSharing,narrative\n' +
      'r1,gb,"+44 20 7946 0000 | 0800 123 4567",gift_card|bank_transfer,"500|1,200.50",GBP|GBP,yes,"He said ""Microsoft""\nthen hung up"\n';
    const recs = await all(readCsv(chunked(csv)));
    expect(recs).toEqual([
      {
        line: 2,
        value: {
          externalId: 'r1',
          victim: { country: 'gb' },
          callbackNumbers: ['+44 20 7946 0000', '0800 123 4567'],
          payments: [
            { method: 'gift_card', amount: 500, currency: 'GBP' },
            { method: 'bank_transfer', amount: 1200.5, currency: 'GBP' },
          ],
          consent: { partnerSharing: true },
          narrative: 'He said "Microsoft"\nthen hung up',
        },
      },
    ]);
  });

  it('refuses unknown columns by name', async () => {
    await expect(all(readCsv(chunked('narrative,colour\nx,red\n')))).rejects.toThrow(UsageError);
    await expect(all(readCsv(chunked('narrative,colour\nx,red\n')))).rejects.toThrow(/"colour"/);
  });

  it('reports rows with the wrong number of cells with their line', async () => {
    const recs = await all(readCsv(chunked('narrative,urls\na,b\nc\nd,e\n')));
    expect(recs[1]).toEqual({ line: 3, error: 'row has 1 cells; the header has 2' });
    expect(recs[2]).toEqual({ line: 4, value: { narrative: 'd', urls: ['e'] } });
  });
});
