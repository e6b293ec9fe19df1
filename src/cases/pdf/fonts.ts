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

/** DejaVu Sans's ascender in em (1901/2048, regular and bold): mixed-script lines sit on its baseline. */
export const BODY_ASCENT = 1901 / 2048;

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
 * (Noto CJK also covers basic Latin, Greek and Cyrillic, so a short mixed value stays in one face),
 * DejaVu otherwise. Without Noto, CJK characters print as DejaVu's missing-glyph box, and nothing fails.
 */
export function fontFor(files: FontFiles, text: string, weight: Weight = 'regular'): string {
  return faceName(files.cjk !== null && hasCjk(text), weight);
}

/** The registered name of a face: Noto CJK or DejaVu, regular or bold. */
export function faceName(cjk: boolean, weight: Weight): string {
  return `${cjk ? 'cjk' : 'sans'}${weight === 'bold' ? '-bold' : ''}`;
}

// Spaces, digits and ASCII punctuation print in either face: they stay in the run they are in.
const NEUTRAL = /[\s\d!-/:-@[-`{-~]/u;

/**
 * Splits text into runs of CJK and of other scripts, so that a paragraph mixing Japanese with Greek or
 * accented Latin prints each in the face that has its glyphs (Noto CJK lacks some accented Greek).
 */
export function scriptRuns(text: string): Array<{ text: string; cjk: boolean }> {
  const runs: Array<{ text: string; cjk: boolean }> = [];
  for (const char of text) {
    const last = runs[runs.length - 1];
    const cjk = NEUTRAL.test(char) ? (last?.cjk ?? false) : hasCjk(char);
    if (last && last.cjk === cjk) last.text += char;
    else runs.push({ text: char, cjk });
  }
  return runs;
}
