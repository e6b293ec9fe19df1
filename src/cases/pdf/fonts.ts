import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** Regular or bold. */
export type Weight = 'regular' | 'bold';

/** The fonts a dossier is written in: DejaVu Sans (Latin, Greek, Cyrillic…) and, when installed, Noto CJK. */
export interface FontFiles {
  regular: Buffer;
  bold: Buffer;
  /** Noto Sans CJK collections (Debian's fonts-noto-cjk), absent on machines without them. */
  cjk: { regular: Buffer; bold: Buffer } | null;
}

/** Where Debian's fonts-noto-cjk installs its collections. */
export const NOTO_CJK_DIR = '/usr/share/fonts/opentype/noto';
// The Japanese face of each collection: Japanese scam companies and narratives are the common case.
const CJK_FACE = { regular: 'NotoSansCJKjp-Regular', bold: 'NotoSansCJKjp-Bold' } as const;

// Hiragana, katakana, CJK ideographs and their extensions, Hangul, CJK punctuation and full-width forms.
const CJK =
  /[\u3000-\u30ff\u3130-\u318f\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\u{20000}-\u{3134f}]/u;

let cached: FontFiles | undefined;

/** Reads the font files once per process (the only I/O the dossier does). */
export function loadFonts(): FontFiles {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const dejavu = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  const cjkRegular = path.join(NOTO_CJK_DIR, 'NotoSansCJK-Regular.ttc');
  const cjkBold = path.join(NOTO_CJK_DIR, 'NotoSansCJK-Bold.ttc');
  cached = {
    regular: readFileSync(path.join(dejavu, 'DejaVuSans.ttf')),
    bold: readFileSync(path.join(dejavu, 'DejaVuSans-Bold.ttf')),
    cjk:
      existsSync(cjkRegular) && existsSync(cjkBold)
        ? { regular: readFileSync(cjkRegular), bold: readFileSync(cjkBold) }
        : null,
  };
  return cached;
}

/** True when `text` has a character of a CJK script. */
export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

/** Registers the fonts under the names `fontFor` returns. */
export function registerFonts(doc: PDFKit.PDFDocument, files: FontFiles): void {
  doc.registerFont('sans', files.regular);
  doc.registerFont('sans-bold', files.bold);
  if (files.cjk) {
    doc.registerFont('cjk', files.cjk.regular, CJK_FACE.regular);
    doc.registerFont('cjk-bold', files.cjk.bold, CJK_FACE.bold);
  }
}

/**
 * The font for one run of text: Noto CJK when it has CJK characters and the collection is installed
 * (Noto CJK also covers Latin, Greek and Cyrillic, so a mixed run stays in one face), DejaVu otherwise.
 * Without Noto, CJK characters print as DejaVu's missing-glyph box: legible as "something was here".
 */
export function fontFor(files: FontFiles, text: string, weight: Weight = 'regular'): string {
  const cjk = files.cjk !== null && hasCjk(text);
  return `${cjk ? 'cjk' : 'sans'}${weight === 'bold' ? '-bold' : ''}`;
}
