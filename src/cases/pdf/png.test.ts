import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { checkPng } from './png.js';

/** A PNG of chunks written by hand, to break one thing at a time. */
function png(width: number, height: number, rows: Buffer, colourType = 6): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    return Buffer.concat([length, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = colourType;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('checkPng', () => {
  it('accepts a screenshot PNG and reads its size', async () => {
    const image = await sharp({ create: { width: 40, height: 30, channels: 4, background: '#336699' } })
      .png()
      .toBuffer();
    expect(checkPng(image)).toEqual({ ok: true, width: 40, height: 30 });
    expect(checkPng(png(2, 2, Buffer.alloc(2 * (1 + 8))))).toEqual({ ok: true, width: 2, height: 2 });
  });

  it('refuses what pdfkit would choke on in a callback, where it cannot be caught', async () => {
    const jpeg = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } })
      .jpeg()
      .toBuffer();
    expect(checkPng(jpeg)).toEqual({ ok: false, reason: 'not a PNG image' });
    expect(checkPng(png(2, 2, Buffer.alloc(9)))).toEqual({ ok: false, reason: 'truncated PNG image data' });
    const badFilter = Buffer.alloc(18);
    badFilter[9] = 7;
    expect(checkPng(png(2, 2, badFilter))).toEqual({ ok: false, reason: 'corrupt PNG image data' });
    const corrupt = png(2, 2, Buffer.alloc(18));
    corrupt.fill(0xff, 45, 52);
    expect(checkPng(corrupt).ok).toBe(false);
    expect(checkPng(png(2, 2, Buffer.alloc(18)).subarray(0, 48))).toEqual({
      ok: false,
      reason: 'truncated PNG',
    });
  });

  it('refuses an image too large to decode (a decompression bomb)', () => {
    expect(checkPng(png(100_000, 100_000, Buffer.alloc(1)))).toEqual({
      ok: false,
      reason: 'image too large to embed',
    });
  });
});
