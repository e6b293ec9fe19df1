import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { pngBomb } from '../../test/helpers/images.js';
import { UploadRefusedError } from './errors.js';
import { acceptEvidence, cleanFilename, MAX_EMAIL_BYTES, MAX_FILENAME } from './evidence.js';

/** A screenshot-like picture: a red warning box on white. */
async function picture(format: 'png' | 'jpeg' | 'webp' | 'gif' | 'tiff', width = 320, height = 200) {
  const box = await sharp({
    create: { width: 120, height: 60, channels: 3, background: { r: 200, g: 20, b: 20 } },
  })
    .png()
    .toBuffer();
  return sharp({ create: { width, height, channels: 3, background: '#ffffff' } })
    .composite([{ input: box, top: 20, left: 30 }])
    .toFormat(format)
    .toBuffer();
}

/** A phone photo: a JPEG whose EXIF names the camera and where it was taken (GPS). */
function photoWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 640, height: 480, channels: 3, background: '#336699' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'Pocket 12', Artist: 'Jane Victim' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '48/1 51/1 2400/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '2/1 21/1 0/1',
      },
    })
    .toBuffer();
}

const EMAIL = [
  'Received: from mail.example.net by mx.example.org; Tue, 3 Mar 2026 10:00:00 +0000',
  'From: "Microsoft Support" <alerts@micros0ft-secure-billing.com>',
  'To: victim@example.org',
  'Subject: Your subscription renewal of $399.99',
  'Date: Tue, 3 Mar 2026 10:00:00 +0000',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'If you did not authorise this renewal call our helpline at +1 (844) 207-3311 — l’équipe de sécurité.',
  '',
].join('\r\n');

async function refusal(p: Promise<unknown>): Promise<UploadRefusedError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UploadRefusedError);
  return err as UploadRefusedError;
}

describe('evidence uploads', () => {
  it('re-encodes a PNG screenshot as PNG, keeping what it shows', async () => {
    const input = await picture('png');
    const out = await acceptEvidence(input, { filename: 'popup.png', mediaType: 'image/png' });
    expect(out.mediaType).toBe('image/png');
    const meta = await sharp(out.bytes).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 320, 200]);
    const { data } = await sharp(out.bytes).raw().toBuffer({ resolveWithObject: true });
    // The pixel at (50, 30) is inside the red box.
    const at = (30 * 320 + 50) * meta.channels!;
    expect([data[at], data[at + 1], data[at + 2]]).toEqual([200, 20, 20]);
  });

  it('re-encodes a phone photo as JPEG without its EXIF: no GPS position, no camera, no name', async () => {
    const input = await photoWithGps();
    const before = await sharp(input).metadata();
    // The GPS IFD pointer (tag 0x8825, little-endian here) and the photographer are in the original.
    expect(before.exif?.includes(Buffer.from([0x25, 0x88]))).toBe(true);
    expect(before.exif?.toString('latin1')).toContain('Jane Victim');
    const out = await acceptEvidence(input, { filename: 'IMG_0042.JPG', mediaType: 'image/jpeg' });
    expect(out.mediaType).toBe('image/jpeg');
    const after = await sharp(out.bytes).metadata();
    expect(after.format).toBe('jpeg');
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.iptc).toBeUndefined();
    expect(out.bytes.toString('latin1')).not.toContain('Jane Victim');
    expect(out.bytes.toString('latin1')).not.toContain('PhoneMaker');
  });

  it('accepts WebP, GIF and TIFF by their bytes, stored as PNG', async () => {
    for (const format of ['webp', 'gif', 'tiff'] as const) {
      const out = await acceptEvidence(await picture(format), { filename: 'shot' });
      expect(out.mediaType).toBe('image/png');
      expect((await sharp(out.bytes).metadata()).format).toBe('png');
    }
  });

  it('decides by the bytes: a JPEG named .png is a JPEG, text named .png is refused (415)', async () => {
    const jpeg = await acceptEvidence(await picture('jpeg'), { filename: 'x.png', mediaType: 'image/png' });
    expect(jpeg.mediaType).toBe('image/jpeg');
    const fake = await refusal(
      acceptEvidence(Buffer.from('<script>alert(1)</script> not a picture'), {
        filename: 'screenshot.png',
        mediaType: 'image/png',
      }),
    );
    expect([fake.status, fake.code]).toEqual([415, 'unsupported_file']);
  });

  it('refuses what is neither a picture nor an e-mail: SVG, PDF, executables, binary noise', async () => {
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg"><image href="file:///etc/passwd"/></svg>',
    );
    const pdf = Buffer.from('%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj', 'latin1');
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
    for (const [bytes, filename] of [
      [svg, 'a.svg'],
      [pdf, 'a.pdf'],
      [exe, 'a.exe'],
      [exe, 'a.eml'],
    ] as const) {
      const err = await refusal(acceptEvidence(bytes, { filename }));
      expect([filename, err.status, err.code]).toEqual([filename, 415, 'unsupported_file']);
    }
  });

  it('refuses a damaged picture clearly', async () => {
    const png = await picture('png');
    const err = await refusal(acceptEvidence(png.subarray(0, 60), { filename: 'cut.png' }));
    expect([err.status, err.code]).toEqual([415, 'unreadable_image']);
  });

  it('refuses a decompression bomb from its header, fast, without decoding it', async () => {
    const bomb = pngBomb(100_000, 100_000);
    expect(bomb.length).toBeLessThan(20_000);
    const started = performance.now();
    const err = await refusal(acceptEvidence(bomb, { filename: 'bomb.png' }));
    expect([err.status, err.code]).toEqual([413, 'image_too_large']);
    expect(err.message).toContain('100000 × 100000');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('keeps an e-mail byte for byte, as message/rfc822 (headers) or text/plain', async () => {
    const eml = Buffer.from(EMAIL, 'utf8');
    const out = await acceptEvidence(eml, { filename: 'renewal.eml', mediaType: 'application/octet-stream' });
    expect(out.mediaType).toBe('message/rfc822');
    expect(out.bytes.equals(eml)).toBe(true);
    // A message is recognised by its headers whatever it is called; plain text needs a text name or type.
    expect((await acceptEvidence(eml, { filename: 'message' })).mediaType).toBe('message/rfc822');
    const pasted = Buffer.from('They said call 1-844-207-3311 now or lose your files.');
    expect((await acceptEvidence(pasted, { filename: 'pasted.txt' })).mediaType).toBe('text/plain');
    const err = await refusal(acceptEvidence(pasted, { filename: 'notes.docx' }));
    expect(err.code).toBe('unsupported_file');
  });

  it('refuses text that is not valid UTF-8, and e-mails over the e-mail limit (413)', async () => {
    const latin1 = Buffer.from('Subject: caf\u00e9\r\n\r\nbody', 'latin1');
    expect((await refusal(acceptEvidence(latin1, { filename: 'a.eml' }))).code).toBe('unsupported_file');
    const big = Buffer.from(`Subject: spam\r\n\r\n${'a'.repeat(MAX_EMAIL_BYTES)}`);
    const err = await refusal(acceptEvidence(big, { filename: 'big.eml' }));
    expect([err.status, err.code]).toEqual([413, 'file_too_large']);
  });

  it('refuses an empty file', async () => {
    expect((await refusal(acceptEvidence(Buffer.alloc(0), { filename: 'a.png' }))).code).toBe('empty_file');
  });
});

describe('uploaded file names (metadata only)', () => {
  it('keeps the last path segment without control or invisible characters', () => {
    expect(cleanFilename('../../etc/passwd')).toBe('passwd');
    expect(cleanFilename('C:\\Users\\jane\\Desktop\\popup.png')).toBe('popup.png');
    expect(cleanFilename('invoice\u202egnp.exe')).toBe('invoicegnp.exe');
    expect(cleanFilename('a\u0000b\nc.png')).toBe('abc.png');
    expect(cleanFilename('  photo   of  screen.jpg ')).toBe('photo of screen.jpg');
    expect(cleanFilename(undefined)).toBe('evidence');
    expect(cleanFilename('..')).toBe('evidence');
    expect(cleanFilename('スクリーンショット.png')).toBe('スクリーンショット.png');
  });

  it('bounds a long name and keeps its extension', () => {
    const name = cleanFilename(`${'x'.repeat(500)}.jpeg`);
    expect([...name].length).toBe(MAX_FILENAME);
    expect(name.endsWith('.jpeg')).toBe(true);
  });
});
