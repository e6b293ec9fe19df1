/**
 * A view of a text that extractors scan: full-width forms folded to ASCII, dashes between digits made
 * hyphens, and defanged indicators refanged (hxxp, [.], (dot), [at]). Offsets found in the view map back
 * to the original text, so highlights land on what the victim wrote.
 */
export interface TextView {
  /** The text to scan. */
  text: string;
  /** Offset in the original text of a view offset (end offsets map the same way). */
  toOriginal(offset: number): number;
}

// Defanging as analysts and victims write it; spaces around a bracketed dot or at belong to the defang.
const DEFANG_RE =
  /h(?:xx|XX|\*\*|tt)p(?=s?(?:\[:\]|:|\[:\/\/\]))|\[:\/\/\]|\[:\]|\s?[[({]\s*(?:\.|dot|punkt|point|punto)\s*[\])}]\s?|\s?[[({]\s*(?:@|at)\s*[\])}]\s?/gi;
const DEFANG_HINT_RE = /[[({]\s*(?:\.|dot|punkt|point|punto|@|at|:|:\/\/)\s*[\])}]|h(?:xx|\*\*)p/i;
// Full-width ASCII (Japanese input methods) and the ideographic space, folded one UTF-16 unit for one.
const WIDE_RE = /[\uff01-\uff5e\u3000]/g;
// Dashes people put between digit groups: hyphen, non-breaking hyphen, figure dash, en/em dash, minus, katakana long mark.
const DIGIT_DASH_RE = /(?<=\d\s?)[\u2010-\u2015\u2212\u30fc\uff0d](?=\s?\d)/g;

/** Builds the scanning view of a text. */
export function viewOf(original: string): TextView {
  let text = original;
  if (WIDE_RE.test(text)) {
    text = text.replace(WIDE_RE, (c) =>
      c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
    );
  }
  WIDE_RE.lastIndex = 0;
  if (/[\u2010-\u2015\u2212\u30fc\uff0d]/.test(text)) text = text.replace(DIGIT_DASH_RE, '-');
  if (!DEFANG_HINT_RE.test(text)) return { text, toOriginal: (o) => o };
  return refang(text);
}

function refang(text: string): TextView {
  // Segments of the view: [viewStart, originalStart, sameLength]; replaced segments map every offset to their start.
  const parts: string[] = [];
  const map: number[] = [];
  let last = 0;
  DEFANG_RE.lastIndex = 0;
  for (let m = DEFANG_RE.exec(text); m; m = DEFANG_RE.exec(text)) {
    const found = m[0];
    const replacement = refangOne(found);
    pushSame(parts, map, text, last, m.index);
    for (let i = 0; i < replacement.length; i++) map.push(m.index + Math.min(i, found.length - 1));
    parts.push(replacement);
    last = m.index + found.length;
  }
  pushSame(parts, map, text, last, text.length);
  map.push(text.length);
  const view = parts.join('');
  return { text: view, toOriginal: (o) => map[Math.max(0, Math.min(o, map.length - 1))]! };
}

function pushSame(parts: string[], map: number[], text: string, from: number, to: number): void {
  if (to <= from) return;
  parts.push(text.slice(from, to));
  for (let i = from; i < to; i++) map.push(i);
}

function refangOne(found: string): string {
  const f = found.toLowerCase();
  if (/^h(?:xx|\*\*|tt)p$/.test(f)) return 'http';
  if (f === '[://]') return '://';
  if (f === '[:]') return ':';
  if (/@|\bat\b/.test(f)) return '@';
  return '.';
}

/** True when the character is a letter or digit in any script (word boundaries that work beyond ASCII). */
export function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{N}_]/u.test(c);
}

/** Whether [start, end) overlaps any of the spans. */
export function overlaps(
  spans: ReadonlyArray<{ start: number; end: number }>,
  start: number,
  end: number,
): boolean {
  for (const s of spans) if (start < s.end && end > s.start) return true;
  return false;
}
