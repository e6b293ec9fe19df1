import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { crc32, gzipSync } from 'node:zlib';
import { zipSync } from 'fflate';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { pngBomb } from './helpers/images.js';
import { useTestServer } from './helpers/server.js';

const TOKEN = 'hostile-uploads-token';
const operator = { authorization: `Bearer ${TOKEN}` };

/** Every file under a directory, relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(path.join(dir, f)).isFile())
    .sort();
}

/** One file part as a browser sends it; the Content-Disposition line is given whole, as raw bytes. */
function multipart(bytes: Buffer, disposition: string, type: string) {
  const boundary = `----hostile${randomUUID()}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: ${disposition}\r\nContent-Type: ${type}\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** The PNG with its header (IHDR) rewritten to claim `width` × `height`, its checksum fixed. */
function pngClaiming(png: Buffer, width: number, height: number): Buffer {
  const out = Buffer.from(png);
  out.writeUInt32BE(width, 16);
  out.writeUInt32BE(height, 20);
  out.writeUInt32BE(crc32(out.subarray(12, 29)), 29);
  return out;
}

/** A small JPEG whose frame header (SOF0) claims `width` × `height`. */
async function jpegClaiming(width: number, height: number): Promise<Buffer> {
  const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } })
    .jpeg({ mozjpeg: false })
    .toBuffer();
  const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
  jpeg.writeUInt16BE(height, sof + 5);
  jpeg.writeUInt16BE(width, sof + 7);
  return jpeg;
}

/** A GIF whose logical screen and only frame claim `side` × `side` over a few bytes of data. */
function gifClaiming(side: number): Buffer {
  const u16 = (n: number) => [n & 0xff, n >> 8];
  return Buffer.from([
    ...Buffer.from('GIF89a', 'latin1'),
    ...u16(side),
    ...u16(side),
    0x80, // a global colour table of two entries
    0,
    0,
    0,
    0,
    0,
    255,
    255,
    255,
    0x2c, // image descriptor
    0,
    0,
    0,
    0,
    ...u16(side),
    ...u16(side),
    0,
    0x02, // LZW minimum code size
    0x02,
    0x4c,
    0x01,
    0x00, // a tiny, truncated data stream
    0x3b,
  ]);
}

/** A little-endian TIFF whose only IFD claims `side` × `side` one-bit pixels in one tiny strip. */
function tiffClaiming(side: number): Buffer {
  const entries: Array<[tag: number, type: number, value: number]> = [
    [256, 4, side], // ImageWidth (LONG)
    [257, 4, side], // ImageLength
    [258, 3, 1], // BitsPerSample
    [259, 3, 1], // Compression: none
    [262, 3, 0], // Photometric: white is zero
    [273, 4, 8], // StripOffsets
    [278, 4, side], // RowsPerStrip
    [279, 4, 4], // StripByteCounts
  ];
  const ifdAt = 12;
  const b = Buffer.alloc(ifdAt + 2 + entries.length * 12 + 4);
  b.write('II', 0, 'latin1');
  b.writeUInt16LE(42, 2);
  b.writeUInt32LE(ifdAt, 4);
  b.writeUInt16LE(entries.length, ifdAt);
  entries.forEach(([tag, type, value], i) => {
    const at = ifdAt + 2 + i * 12;
    b.writeUInt16LE(tag, at);
    b.writeUInt16LE(type, at + 2);
    b.writeUInt32LE(1, at + 4);
    if (type === 3) b.writeUInt16LE(value, at + 8);
    else b.writeUInt32LE(value, at + 8);
  });
  return b;
}

/** A WebP (lossless) whose header claims 16,383 × 16,383 (268 megapixels, the format’s largest). */
async function webpClaimingMax(): Promise<Buffer> {
  const webp = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } })
    .webp({ lossless: true })
    .toBuffer();
  const vp8l = webp.indexOf(Buffer.from('VP8L', 'latin1'));
  // After the chunk size and the 0x2f signature: 14 bits of width - 1, then 14 bits of height - 1.
  const at = vp8l + 9;
  const bits = webp.readUInt32LE(at);
  webp.writeUInt32LE(((bits & ~0x0fffffff) | 0x3ffe | (0x3ffe << 14)) >>> 0, at);
  return webp;
}

/** The "billion laughs": ten levels of ten entity references, a few hundred bytes that expand to 3 GB. */
const BILLION_LAUGHS = [
  '<?xml version="1.0"?>',
  '<!DOCTYPE lolz [',
  ' <!ENTITY lol "lol">',
  ...Array.from({ length: 9 }, (_, i) => ` <!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`),
  ']>',
  '<svg xmlns="http://www.w3.org/2000/svg"><text>&lol9;</text></svg>',
].join('\n');

/**
 * Uploads under attack, over HTTP: traversal in file names never reaches the file system (files are named
 * by their hash, under the blob store only); decompression bombs in every accepted picture format are
 * refused from their headers; compressed archives and XML bombs are never unpacked or parsed; every body
 * over its limit is a 413 that stores nothing.
 */
describe('hostile uploads', () => {
  const server = useTestServer('pglite', TOKEN);
  const upload = (bytes: Buffer, disposition: string, type: string) =>
    server.app.inject({ method: 'POST', url: '/api/uploads', ...multipart(bytes, disposition, type) });
  const blobsDir = () => path.join(server.dataDir, 'blobs');
  const stored = () => filesUnder(server.dataDir).filter((f) => !f.startsWith('pglite'));

  it('stores files by hash under the blob store whatever the name says, and keeps only the last segment', async () => {
    const before = new Set(stored());
    const parent = path.dirname(server.dataDir);
    const parentBefore = readdirSync(parent);
    const cwdBefore = readdirSync(process.cwd());
    const email = (n: number) => Buffer.from(`Subject: invoice ${n}\r\n\r\nCall +1 844 555 01${n}\r\n`);
    const names: Array<[disposition: string, expected: string]> = [
      ['form-data; name="file"; filename="../../etc/passwd"', 'passwd'],
      ['form-data; name="file"; filename="..\\..\\windows\\win.ini"', 'win.ini'],
      ['form-data; name="file"; filename="/etc/cron.d/evil.eml"', 'evil.eml'],
      ['form-data; name="file"; filename="C:\\Windows\\System32\\evil.eml"', 'evil.eml'],
      ['form-data; name="file"; filename="a\u0000b/../../c.eml"', 'c.eml'],
      ['form-data; name="file"; filename*=UTF-8\'\'..%2F..%2F..%2Ftmp%2Fstar.eml', 'star.eml'],
      ['form-data; name="file"; filename=".."', 'evidence'],
      ['form-data; name="file"; filename="./"', 'evidence'],
      [`form-data; name="file"; filename="${'../'.repeat(300)}${'x'.repeat(5000)}.eml"`, ''],
      ['form-data; name="file"; filename="invoice\u202egnp.eml"', 'invoicegnp.eml'],
    ];
    const hashes: string[] = [];
    for (const [i, [disposition, expected]] of names.entries()) {
      const bytes = email(10 + i);
      const res = await upload(bytes, disposition, 'message/rfc822');
      expect(res.statusCode, `${disposition.slice(0, 80)}: ${res.body}`).toBe(201);
      const got = res.json<{ sha256: string; filename: string }>();
      expect(got.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      if (expected) expect(got.filename).toBe(expected);
      expect(got.filename).not.toMatch(/[/\\\p{Cc}\p{Cf}]/u);
      expect([...got.filename].length).toBeLessThanOrEqual(120);
      hashes.push(got.sha256);
    }
    // The only new files are the blobs, each named by its hash two levels under blobs/.
    const added = stored().filter((f) => !before.has(f));
    expect(added.sort()).toEqual(
      hashes.map((h) => path.join('blobs', h.slice(0, 2), h.slice(2, 4), h)).sort(),
    );
    expect(
      readdirSync(parent).filter((f) => !parentBefore.includes(f) && /passwd|win|evil|star/.test(f)),
    ).toEqual([]);
    expect(readdirSync(process.cwd()).filter((f) => !cwdBefore.includes(f))).toEqual([]);
    expect(filesUnder(blobsDir()).every((f) => /^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}$/.test(f))).toBe(
      true,
    );
  });

  it('refuses decompression bombs in every accepted picture format from the header, fast, storing nothing', async () => {
    const before = stored();
    const bombs: Array<[string, Buffer, string]> = [
      ['png 100k × 100k', pngBomb(100_000, 100_000), 'image/png'],
      ['png 2^31-1 square', pngClaiming(pngBomb(64, 64), 2 ** 31 - 1, 2 ** 31 - 1), 'image/png'],
      ['jpeg 65,500 square', await jpegClaiming(65_500, 65_500), 'image/jpeg'],
      ['gif 65,535 square', gifClaiming(65_535), 'image/gif'],
      ['webp 16,383 square', await webpClaimingMax(), 'image/webp'],
      ['tiff 1M square', tiffClaiming(1_000_000), 'image/tiff'],
    ];
    for (const [name, bytes, type] of bombs) {
      expect(bytes.length, name).toBeLessThan(1_000_000);
      const started = performance.now();
      const res = await upload(bytes, `form-data; name="file"; filename="${name}.img"`, type);
      const took = performance.now() - started;
      expect([413, 415], `${name}: ${res.statusCode} ${res.body}`).toContain(res.statusCode);
      expect(res.json<{ error: string }>().error, name).toMatch(/^(image_too_large|unreadable_image)$/);
      expect(took, name).toBeLessThan(2_000);
    }
    expect(stored()).toEqual(before);
  });

  it('never unpacks a gzip or zip bomb, uploaded or sent as a compressed body', async () => {
    const before = stored();
    const zeros = Buffer.alloc(16 * 1024 * 1024);
    const gz = gzipSync(zeros, { level: 9 });
    const zip = Buffer.from(zipSync({ 'screenshot.png': zeros }, { level: 9 }));
    expect(gz.length + zip.length).toBeLessThan(1_000_000);
    for (const [bytes, filename, type] of [
      [gz, 'evidence.png.gz', 'application/gzip'],
      [gz, 'evidence.eml', 'message/rfc822'],
      [zip, 'evidence.zip', 'application/zip'],
      [zip, 'screenshot.png', 'image/png'],
    ] as const) {
      const res = await upload(bytes, `form-data; name="file"; filename="${filename}"`, type);
      expect([res.statusCode, res.json<{ error: string }>().error], filename).toEqual([
        415,
        'unsupported_file',
      ]);
    }
    // Fastify does not inflate request bodies: a gzip body is bytes that are not JSON.
    const report = gzipSync(Buffer.from(JSON.stringify({ narrative: 'x'.repeat(16 * 1024 * 1024) })));
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/reports',
      payload: report,
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
    });
    expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(stored()).toEqual(before);
    const reports = await server.store.db.selectFrom('reports').select('id').execute();
    expect(reports).toEqual([]);
  });

  it('refuses an XML bomb as a picture, and keeps it as inert text (never parsed, never rendered) as an e-mail', async () => {
    const bomb = Buffer.from(BILLION_LAUGHS);
    for (const [filename, type] of [
      ['lol.svg', 'image/svg+xml'],
      ['lol.png', 'image/png'],
      ['lol.svg', 'message/rfc822'],
    ]) {
      const res = await upload(bomb, `form-data; name="file"; filename="${filename}"`, type!);
      expect([res.statusCode, res.json<{ error: string }>().error], filename).toEqual([
        415,
        'unsupported_file',
      ]);
    }
    // Named as an e-mail, the same bytes are text: kept byte for byte, fast, never expanded.
    const eml = Buffer.from(
      `From: a@example.org\r\nSubject: lol\r\nContent-Type: image/svg+xml\r\n\r\n${BILLION_LAUGHS}`,
    );
    const started = performance.now();
    const kept = await upload(eml, 'form-data; name="file"; filename="lol.eml"', 'message/rfc822');
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(kept.statusCode, kept.body).toBe(201);
    const got = kept.json<{ sha256: string; mediaType: string; size: number }>();
    expect([got.mediaType, got.size]).toEqual(['message/rfc822', eml.length]);
    const served = await server.app.inject({ url: `/api/evidence/${got.sha256}`, headers: operator });
    expect(served.rawPayload.equals(eml)).toBe(true);
    // Served so that no browser parses it from our origin: a download, not sniffed, sandboxed.
    expect(served.headers['content-type']).toBe('application/octet-stream');
    expect(served.headers['content-disposition']).toMatch(/^attachment/);
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.headers['content-security-policy']).toContain('sandbox');
  });

  it('answers 413 to a body one byte over each route’s limit, and stores nothing', async () => {
    const counts = async () =>
      Promise.all(
        (['reports', 'cases', 'crawlCaptures', 'blobs', 'linkDecisions', 'apiKeys'] as const).map(
          async (table) =>
            Number(
              (
                await server.store.db
                  .selectFrom(table)
                  .select((eb) => eb.fn.countAll().as('n'))
                  .executeTakeFirstOrThrow()
              ).n,
            ),
        ),
      );
    const before = await counts();
    const blobsBefore = stored();
    const doc = (await server.app.inject({ url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    const KIB = 1024;
    const LIMITS: Record<string, number> = {
      'POST /api/reports/batch': 16 * KIB * KIB,
      'POST /api/import/stix': 20 * KIB * KIB,
      'POST /api/crawls': 512 * KIB,
      'POST /api/crawls/{id}/label': 16 * KIB,
    };
    const wrong: string[] = [];
    for (const [pattern, methods] of Object.entries(doc.paths)) {
      for (const method of Object.keys(methods).map((m) => m.toUpperCase())) {
        if (method === 'GET' || method === 'DELETE' || pattern === '/api/uploads') continue;
        const route = `${method} ${pattern}`;
        const limit = LIMITS[route] ?? 128 * KIB;
        // Valid JSON one byte over the limit: only the size is wrong.
        const filler = 'x'.repeat(limit + 1 - '{"narrative":""}'.length);
        const payload = `{"narrative":"${filler}"}`;
        expect(payload.length).toBe(limit + 1);
        const res = await server.app.inject({
          method: method as 'POST',
          url: pattern.replace(/\{[\w*]+\}/g, '1'),
          headers: { ...operator, 'content-type': 'application/json' },
          payload,
        });
        const body = res.json<{ error?: string }>();
        if (res.statusCode !== 413 || body.error !== 'body_too_large')
          wrong.push(`${route}: ${res.statusCode} ${res.body.slice(0, 120)}`);
      }
    }
    expect(wrong).toEqual([]);
    // Uploads: one byte over 10 MB.
    const big = await upload(
      Buffer.alloc(10 * 1024 * 1024 + 1, 0x41),
      'form-data; name="file"; filename="big.eml"',
      'message/rfc822',
    );
    expect([big.statusCode, big.json<{ error: string }>().error]).toEqual([413, 'file_too_large']);
    // Multipart beyond its limits: too many parts or fields, an oversized field, too many headers.
    const boundary = 'limitsboundary';
    const field = (name: string, value: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    for (const body of [
      Array.from({ length: 8 }, (_, i) => field(`f${i}`, 'v')).join(''),
      field('note', 'x'.repeat(100_000)),
      `--${boundary}\r\n${Array.from({ length: 60 }, (_, i) => `X-H${i}: v\r\n`).join('')}Content-Disposition: form-data; name="file"; filename="a.eml"\r\n\r\nSubject: x\r\n\r\nhi\r\n`,
    ]) {
      const res = await server.app.inject({
        method: 'POST',
        url: '/api/uploads',
        payload: `${body}--${boundary}--\r\n`,
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      });
      expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, res.body).toBeLessThan(500);
    }
    expect(await counts()).toEqual(before);
    expect(stored()).toEqual(blobsBefore);
  });
});
