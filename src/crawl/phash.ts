import { createRequire } from 'node:module';

// sharp-phash is CommonJS and its types declare an ES default export that Node does not give: require it.
const phash: (image: Buffer) => Promise<string> = createRequire(import.meta.url)('sharp-phash');

/** 64-bit DCT perceptual hash of an image, as 16 lower-case hex digits (near-duplicate pages differ by a few bits). */
export async function perceptualHash(png: Buffer): Promise<string> {
  const bits = await phash(png);
  if (!/^[01]{64}$/.test(bits)) throw new Error(`perceptual hash: expected 64 bits, got ${bits.length}`);
  let hex = '';
  for (let i = 0; i < 64; i += 4) hex += Number.parseInt(bits.slice(i, i + 4), 2).toString(16);
  return hex;
}

/** Number of differing bits between two hex hashes of the same length. */
export function hammingDistance(a: string, b: string): number {
  if (a.length !== b.length || !/^[0-9a-f]*$/i.test(a) || !/^[0-9a-f]*$/i.test(b))
    throw new Error('hamming distance: two hex strings of the same length are needed');
  let bits = 0;
  for (let i = 0; i < a.length; i++) {
    let x = Number.parseInt(a[i] ?? '0', 16) ^ Number.parseInt(b[i] ?? '0', 16);
    for (; x > 0; x >>= 1) bits += x & 1;
  }
  return bits;
}
