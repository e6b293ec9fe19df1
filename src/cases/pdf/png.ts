import { inflateSync } from 'node:zlib';
import { LIMITS } from './limits.js';

/** What a screenshot turned out to be: a PNG that pdfkit can embed safely, or why not. */
export type PngCheck = { ok: true; width: number; height: number } | { ok: false; reason: string };

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
// Samples per pixel by colour type; allowed bit depths.
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const DEPTHS: Record<number, number[]> = {
  0: [1, 2, 4, 8, 16],
  2: [8, 16],
  3: [1, 2, 4, 8],
  4: [8, 16],
  6: [8, 16],
};

/**
 * Checks a PNG fully before pdfkit sees it: pdfkit decodes images with an alpha channel in a callback,
 * where a corrupt stream would throw outside any try and bring the process down. So: signature, header,
 * a size bound (a decompression bomb), and the image data inflated to the length its header promises.
 */
export function checkPng(data: Buffer): PngCheck {
  if (data.length < 8 || !data.subarray(0, 8).equals(SIGNATURE))
    return { ok: false, reason: 'not a PNG image' };
  let offset = 8;
  let header: { width: number; height: number; depth: number; type: number; interlace: number } | null = null;
  const idat: Buffer[] = [];
  let palette = false;
  let ended = false;
  while (offset + 8 <= data.length && !ended) {
    const length = data.readUInt32BE(offset);
    const type = data.toString('latin1', offset + 4, offset + 8);
    const body = data.subarray(offset + 8, offset + 8 + length);
    if (body.length !== length || offset + 12 + length > data.length)
      return { ok: false, reason: 'truncated PNG' };
    if (type === 'IHDR' && length >= 13)
      header = {
        width: body.readUInt32BE(0),
        height: body.readUInt32BE(4),
        depth: body[8] ?? 0,
        type: body[9] ?? 0,
        interlace: body[12] ?? 0,
      };
    else if (type === 'IDAT') idat.push(body);
    else if (type === 'PLTE') palette = true;
    else if (type === 'IEND') ended = true;
    offset += 12 + length;
  }
  if (!header || !ended || idat.length === 0) return { ok: false, reason: 'incomplete PNG' };
  const { width, height, depth, type, interlace } = header;
  const channels = CHANNELS[type];
  // Interlaced images are refused: their rows cannot be checked as simply, and screenshots never are.
  if (!channels || !DEPTHS[type]?.includes(depth) || width === 0 || height === 0 || interlace !== 0)
    return { ok: false, reason: 'unsupported PNG format' };
  if (type === 3 && !palette) return { ok: false, reason: 'PNG without its palette' };
  if (width * height > LIMITS.imagePixels) return { ok: false, reason: 'image too large to embed' };
  const rowBytes = Math.ceil((width * channels * depth) / 8);
  const expected = height * (1 + rowBytes);
  let pixels: Buffer;
  try {
    pixels = inflateSync(Buffer.concat(idat), { maxOutputLength: expected + 1024 });
  } catch {
    return { ok: false, reason: 'corrupt PNG image data' };
  }
  if (pixels.length < expected) return { ok: false, reason: 'truncated PNG image data' };
  // Each row starts with its filter (0–4); png-js throws on any other, and it does so in a callback.
  for (let row = 0; row < height; row++)
    if ((pixels[row * (1 + rowBytes)] ?? 0) > 4) return { ok: false, reason: 'corrupt PNG image data' };
  return { ok: true, width, height };
}
