import { LIMITS } from './limits.js';

// C0 and C1 controls, DEL, bidi embeddings/overrides/isolates (they reorder what a reader sees), BOM,
// and lone surrogates (not text; fontkit cannot shape them).
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const BLOCK_CONTROLS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: as above, keeping tab and newline
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const LONE_SURROGATES = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Cuts `text` to `max` characters with an ellipsis, never between the halves of a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** Cleans at most 4×`max` characters of `source`, then cuts to `max`: the work is bounded too. */
function bounded(source: string, max: number, clean: (head: string) => string): string {
  const head = source.slice(0, max * 4);
  const text = clean(head);
  if (head.length < source.length && text.length < max) return `${text}…`;
  return truncate(text, max);
}

/** A value on one line: controls stripped, whitespace collapsed, at most `max` characters. */
export function cleanLine(value: string | null | undefined, max: number = LIMITS.value): string {
  if (value == null) return '';
  return bounded(String(value), max, (head) =>
    head.replace(LONE_SURROGATES, '\ufffd').replace(CONTROLS, ' ').replace(/\s+/g, ' ').trim(),
  );
}

/** A block of text (narrative, summary): paragraphs kept, controls stripped, at most `max` characters. */
export function cleanBlock(value: string | null | undefined, max: number = LIMITS.narrative): string {
  if (value == null) return '';
  return bounded(String(value), max, (head) =>
    head
      .replace(LONE_SURROGATES, '\ufffd')
      .replace(/\r\n?/g, '\n')
      .replace(/\t/g, ' ')
      .replace(BLOCK_CONTROLS, '')
      .replace(/[ \u00a0]{2,}/g, ' ')
      .replace(/\n{3,}/g, '\n\n')
      .trim(),
  );
}
