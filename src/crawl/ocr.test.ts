import { existsSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOcr, OCR_LANG_PATH, type Ocr } from './ocr.js';

const digits = (s: string) => s.replace(/\D/g, '');
const text = (x: number, y: number, size: number, fill: string, s: string, weight = 'normal') =>
  `<text x="${x}" y="${y}" font-family="DejaVu Sans" font-size="${size}" font-weight="${weight}" fill="${fill}">${s}</text>`;
const render = (width: number, height: number, body: string) =>
  sharp(
    Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${body}</svg>`),
  )
    .png()
    .toBuffer();

// A 1280×800 screenshot of a fake Defender page: white text on blue, a dark header on a white bar, blue
// text in a white box, a 13 px line; each region has its own polarity.
const DEFENDER_PAGE = `<rect width="1280" height="800" fill="#0078d7"/>
<rect width="1280" height="48" fill="#ffffff"/>${text(20, 32, 18, '#333333', 'Windows Defender Security Center')}
${text(80, 160, 34, '#ffffff', 'Your computer has been blocked', 'bold')}
${text(80, 230, 20, '#ffffff', 'Error # 268D3 - Do not restart your computer.')}
${text(80, 300, 26, '#ffffff', 'Call Microsoft Support +1 844 329 0175 (Toll Free)')}
${text(80, 360, 13, '#ffffff', 'Windows Support: 1-888-201-7795')}
<rect x="80" y="420" width="300" height="60" fill="#ffffff"/>${text(100, 460, 22, '#0078d7', 'Call (833) 614-2287')}`;

describe('createOcr', () => {
  let ocr: Ocr;
  beforeAll(async () => {
    ocr = await createOcr();
  }, 60_000);
  afterAll(async () => {
    await ocr?.close();
  });

  it('reads the model from the installed package, a local file (never the CDN)', () => {
    expect(path.isAbsolute(OCR_LANG_PATH)).toBe(true);
    expect(existsSync(path.join(OCR_LANG_PATH, 'eng.traineddata.gz'))).toBe(true);
  });

  it('reads white text on Windows blue', async () => {
    const png = await render(
      900,
      120,
      `<rect width="900" height="120" fill="#0078d7"/>${text(30, 70, 30, '#ffffff', 'Call Microsoft Support +1 844 329 0175')}`,
    );
    expect(digits(await ocr.recognize(png))).toContain('18443290175');
  }, 30_000);

  it('reads black text on white', async () => {
    const png = await render(
      900,
      120,
      `<rect width="900" height="120" fill="#ffffff"/>${text(30, 70, 28, '#000000', 'Apple Support: 1-877-456-1230 (toll free)')}`,
    );
    expect(digits(await ocr.recognize(png))).toContain('18774561230');
  }, 30_000);

  it('reads every number of a full screenshot whose regions differ in polarity, each line once', async () => {
    const png = await render(1280, 800, DEFENDER_PAGE);
    const started = performance.now();
    const read = await ocr.recognize(png);
    const ms = performance.now() - started;
    console.info(`OCR of a 1280×800 screenshot: ${Math.round(ms)} ms`);
    for (const n of ['18443290175', '18882017795', '8336142287']) expect(digits(read)).toContain(n);
    const lines = read.split('\n');
    expect(lines.length).toBe(new Set(lines).size);
    expect(read).toMatch(/blocked/i);
  }, 60_000);

  it('reads a number on a dark gradient and small text on a light page', async () => {
    const png = await render(
      1280,
      800,
      `<defs><linearGradient id="g" x1="0" x2="1"><stop offset="0" stop-color="#111"/><stop offset="1" stop-color="#6a0dad"/></linearGradient></defs>
<rect width="1280" height="400" fill="url(#g)"/>${text(200, 200, 28, '#ffffff', 'Norton Helpdesk 888.414.0091', 'bold')}
<rect y="400" width="1280" height="400" fill="#f2f2f2"/>${text(40, 500, 11, '#222222', 'If you need help, call our certified technicians at 1-844-777-1234 now.')}`,
    );
    const read = digits(await ocr.recognize(png));
    expect(read).toContain('8884140091');
    expect(read).toContain('18447771234');
  }, 60_000);

  it('gives empty text for a blank screenshot', async () => {
    const png = await render(1280, 800, '<rect width="1280" height="800" fill="#ffffff"/>');
    expect(await ocr.recognize(png)).toBe('');
  }, 30_000);
});
