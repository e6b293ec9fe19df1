import { describe, expect, it } from 'vitest';
import { jsonStream } from './json-stream.js';

async function chunksOf(value: unknown): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for await (const chunk of jsonStream(value)) out.push(chunk as Buffer);
  return out;
}

describe('a streamed JSON answer', () => {
  it('is byte for byte what JSON.stringify gives, for the shapes exports are made of', async () => {
    const values: unknown[] = [
      { type: 'bundle', id: 'bundle--1', objects: [] },
      {
        Event: {
          info: 'ジョン — "quoted" \\ \u2028 \ud800',
          Attribute: [{ value: 1.5, to_ids: true, comment: null, skipped: undefined }],
          Object: [[1, undefined, () => 1], { nested: { deeper: { deepest: [undefined, { a: 1 }] } } }],
          when: new Date(0),
        },
      },
      [],
      'just a string',
      42,
      null,
    ];
    for (const value of values)
      expect(Buffer.concat(await chunksOf(value)).toString('utf8')).toBe(JSON.stringify(value));
  });

  it('never holds the whole text: a 15 MB bundle comes in chunks of about 64 KB', async () => {
    const objects = Array.from({ length: 60_000 }, (_, i) => ({
      type: 'relationship',
      id: `relationship--${i}`,
      description: 'x'.repeat(200),
    }));
    const bundle = { type: 'bundle', id: 'bundle--big', objects };
    const chunks = await chunksOf(bundle);
    const text = Buffer.concat(chunks).toString('utf8');
    expect(text.length).toBeGreaterThan(15_000_000);
    expect(text).toBe(JSON.stringify(bundle));
    expect(chunks.length).toBeGreaterThan(200);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(64 * 1024 + 1024);
  });
});
