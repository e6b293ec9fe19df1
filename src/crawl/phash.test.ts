import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { hammingDistance, perceptualHash } from './phash.js';

const svg = (body: string) =>
  sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="1280" height="800">${body}</svg>`))
    .png()
    .toBuffer();
const label = (x: number, y: number, size: number, fill: string, s: string) =>
  `<text x="${x}" y="${y}" font-family="DejaVu Sans" font-size="${size}" fill="${fill}">${s}</text>`;

const DEFENDER = `<rect width="1280" height="800" fill="#0078d7"/><rect width="1280" height="60" fill="#ffffff"/>
${label(80, 200, 40, '#ffffff', 'Your computer has been blocked')}
${label(80, 300, 28, '#ffffff', 'Call Microsoft Support +1 844 329 0175')}
<rect x="900" y="560" width="300" height="160" fill="#ffffff"/>`;
const BSOD = `<rect width="1280" height="800" fill="#0a2a9a"/>${label(60, 200, 120, '#ffffff', ':(')}
${label(60, 360, 26, '#ffffff', 'Your PC ran into a problem and needs to restart.')}`;
const BLOG = `<rect width="1280" height="800" fill="#ffffff"/><rect x="0" y="0" width="320" height="800" fill="#20262e"/>
<rect x="400" y="80" width="800" height="300" fill="#c8a27a"/>${label(400, 460, 30, '#111111', 'Ten tips for spring gardening')}`;

describe('perceptualHash', () => {
  it('gives 16 hex digits, the same for the same image', async () => {
    const png = await svg(DEFENDER);
    const h = await perceptualHash(png);
    expect(h).toMatch(/^[0-9a-f]{16}$/);
    expect(await perceptualHash(png)).toBe(h);
  });

  it('keeps a recoloured, resized or re-encoded copy of a page within 6 bits', async () => {
    const png = await svg(DEFENDER);
    const h = await perceptualHash(png);
    const variants = [
      await sharp(png).modulate({ brightness: 1.08, saturation: 0.9, hue: 8 }).png().toBuffer(),
      await sharp(png).resize(1024, 640).png().toBuffer(),
      await sharp(png).jpeg({ quality: 60 }).toBuffer(),
      // The same kit, another number: the text changed a little.
      await svg(DEFENDER.replace('+1 844 329 0175', '+1 888 201 7795')),
    ];
    for (const v of variants) expect(hammingDistance(h, await perceptualHash(v))).toBeLessThanOrEqual(6);
  });

  it('puts unrelated pages far apart (more than 20 bits)', async () => {
    const [defender, bsod, blog] = await Promise.all([svg(DEFENDER), svg(BSOD), svg(BLOG)]).then((pngs) =>
      Promise.all(pngs.map(perceptualHash)),
    );
    expect(hammingDistance(defender!, blog!)).toBeGreaterThan(20);
    expect(hammingDistance(bsod!, blog!)).toBeGreaterThan(20);
    expect(hammingDistance(defender!, bsod!)).toBeGreaterThan(20);
  });

  it('rejects what is not an image', async () => {
    await expect(perceptualHash(Buffer.from('<html>not an image</html>'))).rejects.toThrow();
  });
});

describe('hammingDistance', () => {
  it('counts differing bits', () => {
    expect(hammingDistance('0000000000000000', '0000000000000000')).toBe(0);
    expect(hammingDistance('0000000000000000', 'ffffffffffffffff')).toBe(64);
    expect(hammingDistance('8000000000000001', '0000000000000000')).toBe(2);
    expect(hammingDistance('00000000000000A0', '00000000000000a3')).toBe(2);
  });

  it('refuses hashes of different lengths or that are not hex', () => {
    expect(() => hammingDistance('00', '000')).toThrow();
    expect(() => hammingDistance('zz', '00')).toThrow();
  });
});
