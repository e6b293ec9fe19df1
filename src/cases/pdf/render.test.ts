import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { sampleDossier, sampleOperation } from '../../../test/helpers/shared-operations.js';
import type { Dossier, DossierVictim, SharedIndicator } from '../types.js';
import { loadFonts } from './fonts.js';
import { renderDossierPdf } from './render.js';

/**
 * The text of a PDF that pdfkit wrote uncompressed, read back through each font's ToUnicode map (text in
 * embedded fonts is glyph ids, not characters). Text drawn at the same height joins on one line (the
 * cells of a table row, the runs of a mixed-script line), without spaces between the pieces.
 */
function pdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const objects = new Map<string, string>();
  for (const m of source.matchAll(/(\d+) 0 obj\n([\s\S]*?)\nendobj/g)) objects.set(m[1] ?? '', m[2] ?? '');
  const streamOf = (body: string) =>
    body.slice(body.indexOf('stream\n') + 7, body.lastIndexOf('\nendstream'));
  const cmaps = new Map<string, Map<number, string>>();
  for (const [, name, ref] of source.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
    const toUnicode = objects.get(ref ?? '')?.match(/\/ToUnicode (\d+) 0 R/)?.[1];
    if (!name || !toUnicode || cmaps.has(name)) continue;
    const cmap = new Map<number, string>();
    for (const [, start, entries] of streamOf(objects.get(toUnicode) ?? '').matchAll(
      /<([0-9a-f]+)> <[0-9a-f]+> \[([^\]]*)\]/g,
    )) {
      [...(entries ?? '').matchAll(/<([0-9a-f ]+)>/g)].forEach((entry, i) => {
        const units = (entry[1] ?? '').split(' ').map((h) => Number.parseInt(h, 16));
        cmap.set(Number.parseInt(start ?? '0', 16) + i, String.fromCharCode(...units));
      });
    }
    cmaps.set(name, cmap);
  }
  let text = '';
  let font = new Map<number, string>();
  let y: string | undefined;
  for (const m of source.matchAll(
    /1 0 0 1 [\d.-]+ ([\d.-]+) Tm|\/(F\d+) [\d.]+ Tf|\[((?:<[0-9a-f]*>|[\s\d.-])*)\] TJ/g,
  )) {
    if (m[1]) {
      if (y !== undefined && m[1] !== y) text += '\n';
      y = m[1];
    } else if (m[2]) font = cmaps.get(m[2]) ?? new Map();
    else
      text += [...(m[3] ?? '').matchAll(/<([0-9a-f]*)>/g)]
        .flatMap((hex) => (hex[1]?.match(/.{4}/g) ?? []).map((g) => font.get(Number.parseInt(g, 16)) ?? '?'))
        .join('');
  }
  return text;
}

function pageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type \/Page\n/g)?.length ?? 0;
}

/** A string of the document information dictionary (pdfkit writes non-ASCII ones as UTF-16BE hex). */
function infoString(pdf: Buffer, key: string): string | undefined {
  const source = pdf.toString('latin1');
  const object = (n: string | undefined) =>
    source.match(new RegExp(`\\n${n} 0 obj\\n([\\s\\S]*?)\\nendobj`))?.[1]?.trim() ?? '';
  let value = object(source.match(/\/Info (\d+) 0 R/)?.[1]).match(new RegExp(`/${key} ([^\\n]*)`))?.[1] ?? '';
  const ref = value.match(/^(\d+) 0 R$/);
  if (ref) value = object(ref[1]);
  const hex = value.match(/^<feff([0-9a-f]*)>$/i)?.[1];
  if (hex) return Buffer.from(hex, 'hex').swap16().toString('utf16le');
  const literal = value.match(/^\((.*)\)$/s)?.[1]?.replace(/\\(.)/gs, '$1');
  if (!literal?.startsWith('\u00fe\u00ff')) return literal;
  return Buffer.from(literal.slice(2), 'latin1').swap16().toString('utf16le');
}

const render = (dossier: Dossier, screenshots = new Map<string, Buffer>()) =>
  renderDossierPdf(dossier, { screenshots, compress: false });

function victim(over: Partial<DossierVictim>): DossierVictim {
  const base = sampleDossier().victims[0];
  if (!base) throw new Error('sample has victims');
  return { ...base, ...over };
}

const withPersonalData = (personalData: boolean): Dossier =>
  sampleDossier({
    recipient: { name: 'FBI IC3', personalData },
    victims: [victim({ name: 'Margaret Hollis', email: 'mhollis@example.org', phone: '+1 555 0100 777' })],
  });

describe('renderDossierPdf', () => {
  it('writes a PDF with every numbered section, a header and a "page N of M" footer on each page', async () => {
    const pdf = await render(sampleDossier());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = pageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(10);
    const text = pdfText(pdf);
    for (const heading of [
      '1. Summary',
      '2. Operations',
      '3. Victims and losses',
      '4. Timeline',
      "5. Victims' countries",
      '6. Indicators',
      '7. Evidence chain',
      '8. Crawled evidence',
      '9. Victims',
      '10. Case history',
    ])
      expect(text).toContain(heading);
    for (let page = 1; page <= pages; page++) expect(text).toContain(`page ${page} of ${pages}`);
    expect(text.match(/DRG-2026-0001 · Referral dossier/g)).toHaveLength(pages);
    expect(text.match(/^TLP:AMBER$/gm)?.length).toBeGreaterThanOrEqual(pages);
  });

  it('prints the case, its figures, indicators in display form, the chain and the victims', async () => {
    const text = pdfText(await render(sampleDossier()));
    expect(text).toContain('Techfix Solutions popup call centre');
    expect(text).toContain("Victims' personal data redacted: the recipient is not authorised.");
    expect(text).toContain('18,250.00 USD');
    expect(text).toContain('United States (US), Canada (CA)');
    expect(text).toContain('+1 888 555 0142');
    expect(text).toContain('GB33 BUKB 2020 1555 5555 55');
    expect(text).toContain('report r-2');
    expect(text).toContain('They took control with AnyDesk.');
    expect(text).toContain('Declaration, taken 2026-11-22 10:00 UTC (consent: given)');
    expect(text).toContain('Case opened (draft)');
  });

  it('sets the metadata and is byte for byte the same for the same dossier', async () => {
    const dossier = sampleDossier();
    const [first, second] = await Promise.all([
      renderDossierPdf(dossier, { screenshots: new Map() }),
      renderDossierPdf(dossier, { screenshots: new Map() }),
    ]);
    expect(first.equals(second as Buffer)).toBe(true);
    expect(infoString(first, 'Title')).toBe('DRG-2026-0001 — Techfix Solutions popup call centre');
    expect(infoString(first, 'Author')).toBe('Dragnet');
    expect(infoString(first, 'CreationDate')).toMatch(/^D:20261125120000Z/);
  });

  it("prints a victim's name, e-mail and phone only to a recipient authorised for personal data", async () => {
    const included = pdfText(await render(withPersonalData(true)));
    expect(included).toContain("Victims' personal data included");
    for (const value of ['Margaret Hollis', 'mhollis@example.org', '+1 555 0100 777'])
      expect(included).toContain(value);
    // The caller nulls them when redacting; if one slipped through, the flag still keeps it out.
    const redacted = pdfText(await render(withPersonalData(false)));
    for (const value of ['Margaret Hollis', 'mhollis@example.org', '0100 777'])
      expect(redacted).not.toContain(value);
    expect(redacted).not.toMatch(/^(Name|E-mail|Phone)$/m);
  });

  it('stays within bounded pages and time for 5,000 indicators and a 1 MB narrative', async () => {
    const indicators: SharedIndicator[] = Array.from({ length: 5_000 }, (_, i) => ({
      kind: 'domain',
      value: `scam-${i}-${'x'.repeat(i % 7 === 0 ? 2_000 : 10)}.example`,
      reportCount: 1,
      firstSeen: '2026-10-02T09:00:00.000Z',
      lastSeen: '2026-10-02T09:00:00.000Z',
      expiresAt: '2026-10-11T09:00:00.000Z',
      decay: 0.5,
    }));
    const started = Date.now();
    const pdf = await render(
      sampleDossier({
        operations: [sampleOperation({ indicators })],
        victims: [victim({ narrative: 'They said my computer was hacked. '.repeat(30_000) })],
      }),
    );
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(pageCount(pdf)).toBeLessThan(60);
    const text = pdfText(pdf);
    expect(text).toContain('4,600 more indicators of this operation');
    // The account is cut to 4,000 characters with an ellipsis: about 118 of its 30,000 sentences.
    expect(text.match(/hacked/g)?.length).toBeGreaterThan(100);
    expect(text.match(/hacked/g)?.length).toBeLessThan(130);
    expect(text).toMatch(/…\nDeclaration, taken/);
  });

  it('draws attacker text as text only: controls and bidi overrides are stripped', async () => {
    const text = pdfText(
      await render(
        sampleDossier({
          victims: [victim({ narrative: 'Call\u0000 now\u202egnp.exe\u0007 (BT /F1 12 Tf) ET' })],
        }),
      ),
    );
    expect(text).toContain('Call nowgnp.exe (BT /F1 12 Tf) ET');
    for (const control of ['\u0000', '\u0007', '\u202e']) expect(text).not.toContain(control);
  });

  it('prints Japanese with Noto CJK when installed, and renders without it (missing glyphs, no error)', async () => {
    const dossier = sampleDossier({
      case: { ...sampleDossier().case, title: 'テックフィックス株式会社 サポート詐欺' },
      victims: [victim({ narrative: 'マイクロソフトを名乗る電話がありました。Ελληνικά, русский.' })],
    });
    const fonts = loadFonts();
    const withCjk = pdfText(await render(dossier));
    if (fonts.cjk) {
      expect(withCjk).toContain('テックフィックス株式会社 サポート詐欺');
      expect(withCjk).toContain('マイクロソフトを名乗る電話がありました。Ελληνικά, русский.');
    }
    const without = await renderDossierPdf(dossier, {
      screenshots: new Map(),
      fonts: { ...fonts, cjk: null },
    });
    expect(without.subarray(0, 5).toString()).toBe('%PDF-');
  });

  describe('screenshots', () => {
    const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');
    const withCapture = (screenshotSha256: string) =>
      sampleDossier({
        operations: [
          sampleOperation({
            captures: [
              {
                ...(sampleOperation().captures[0] as Dossier['operations'][0]['captures'][0]),
                screenshotSha256,
              },
            ],
          }),
        ],
      });

    it('embeds a PNG (with alpha) scaled to the page, after checking its SHA-256', async () => {
      const png = await sharp({
        create: { width: 1366, height: 768, channels: 4, background: { r: 0, g: 80, b: 160, alpha: 0.9 } },
      })
        .png()
        .toBuffer();
      const pdf = await render(withCapture(sha(png)), new Map([[sha(png), png]]));
      expect(pdf.toString('latin1')).toMatch(/\/Subtype \/Image/);
      expect(pdfText(pdf)).toContain('Screenshot as captured (1366 × 768 pixels), SHA-256 verified.');
    });

    it('states a missing, mismatched or non-PNG screenshot instead of failing', async () => {
      const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } })
        .jpeg()
        .toBuffer();
      const notPng = pdfText(await render(withCapture(sha(jpeg)), new Map([[sha(jpeg), jpeg]])));
      expect(notPng).toContain('The screenshot could not be shown: not a PNG image.');
      const missing = pdfText(await render(withCapture('b'.repeat(64))));
      expect(missing).toContain('The screenshot is not in this package.');
      const mismatched = pdfText(
        await render(withCapture('c'.repeat(64)), new Map([['c'.repeat(64), jpeg]])),
      );
      expect(mismatched).toContain('does not match its SHA-256');
    });
  });

  // A second reader: poppler (Debian's poppler-utils, which .ci/run installs) reads the compressed output.
  const poppler = '/usr/bin/pdftotext';
  it('reads back with poppler: text, page count and title', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'dossier-')), 'dossier.pdf');
    writeFileSync(file, await renderDossierPdf(withPersonalData(true), { screenshots: new Map() }));
    const text = execFileSync(poppler, [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Techfix Solutions popup call centre');
    expect(text).toContain('Margaret Hollis');
    const info = execFileSync(path.join(path.dirname(poppler), 'pdfinfo'), [file], {
      encoding: 'utf8',
    });
    expect(info).toMatch(/Title:\s+DRG-2026-0001 — Techfix Solutions popup call centre/);
    const pages = Number(info.match(/Pages:\s+(\d+)/)?.[1]);
    expect(text).toContain(`page ${pages} of ${pages}`);
  });
});
