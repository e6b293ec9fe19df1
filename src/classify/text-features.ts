/**
 * Text features for the scam-page model: hashed character 2–5-grams and word 1–3-grams of each field of a
 * page (title, body, dialogs, OCR), the field folded into the hash so "call" in an alert counts apart from
 * "call" in the body. Signed hashing trick into 2^18 buckets, log-scaled counts, each field L2-normalised
 * and then the whole vector, so a short alert is not drowned by a long body.
 */
import type { SparseVector } from './logistic.js';
import type { PageText } from './types.js';

/** Number of hash buckets (2^18). */
export const TEXT_DIMS = 1 << 18;

/** The parts of a page the features keep apart. */
export type TextField = 'title' | 'body' | 'dialog' | 'ocr';

/** Shortest and longest character n-gram, longest word n-gram. */
const CHAR_MIN = 2;
const CHAR_MAX = 5;
const WORD_MAX = 3;
/** Text past this many characters of a field is ignored: bounds the time a huge page can take. */
const MAX_FIELD_CHARS = 60_000;

const FIELD_TAGS: Record<TextField, number> = { title: 1, body: 2, dialog: 3, ocr: 4 };
const FIELDS: readonly TextField[] = ['title', 'body', 'dialog', 'ocr'];
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** One n-gram as the features saw it: where it fell and what it was (for explanations). */
export interface GramHit {
  bucket: number;
  field: TextField;
  kind: 'char' | 'word';
  gram: string;
}

/**
 * The form the n-grams are taken from: NFKC, lower case, every decimal digit as `0` (so phone numbers and
 * error codes of one shape share features), whitespace collapsed. CJK characters are kept as they are.
 */
export function normaliseText(raw: string): string {
  return raw
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\p{Nd}/gu, '0')
    .replace(/\s+/g, ' ')
    .trim();
}

/** One normalised piece of a page: a field's text, or one dialog (no n-gram spans two pieces). */
export interface TextSegment {
  field: TextField;
  text: string;
}

/** The page's non-empty normalised segments, title first; each dialog is its own segment. */
export function segmentsOf(page: PageText): TextSegment[] {
  const raw: Array<[TextField, string]> = [
    ['title', page.title],
    ['body', page.text],
    ...page.dialogs.map((d): [TextField, string] => ['dialog', d]),
    ['ocr', page.ocrText ?? ''],
  ];
  const segments: TextSegment[] = [];
  for (const [field, text] of raw) {
    const normalised = normaliseText(text);
    if (normalised.length > 0) segments.push({ field, text: normalised.slice(0, MAX_FIELD_CHARS) });
  }
  return segments;
}

/** Receives each n-gram occurrence: bucket, hashing sign, span [start, end) in the segment, word or not. */
export type GramVisitor = (bucket: number, sign: 1 | -1, start: number, end: number, word: boolean) => void;

/** Enumerates the n-gram occurrences of one segment into `dims` buckets (dims a power of two). */
export function forEachGramIn(segment: TextSegment, dims: number, visit: GramVisitor): void {
  const mask = dims - 1;
  forEachGram(segment.text, FIELD_TAGS[segment.field], (hash, start, end, kind) =>
    visit(hash & mask, hash >>> 31 === 1 ? -1 : 1, start, end, kind === 1),
  );
}

/** Murmur3's finaliser: spreads FNV's weak low bits over the word before it is cut to a bucket. */
function fmix32(input: number): number {
  let h = input;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Receives each n-gram: its mixed hash and its span [start, end) in the normalised segment. */
type GramSink = (hash: number, start: number, end: number, kind: 0 | 1) => void;

/** Whether a UTF-16 code unit belongs to a word (letters, digits, marks, CJK; not punctuation). */
function isWordUnit(c: number): boolean {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a);
  if (c <= 0xbf) return false; // Latin-1 punctuation and symbols: « » ¡ ¿ ©
  if (c === 0xd7 || c === 0xf7) return false;
  if (c >= 0x2000 && c <= 0x2bff) return false; // General punctuation, arrows, symbols
  if (c >= 0x3000 && c <= 0x303f) return false; // CJK punctuation: 、。「」
  if (c >= 0xff01 && c <= 0xff0f) return false;
  return true;
}

/**
 * Enumerates the n-grams of one normalised segment (hot loop: no strings are built). Character n-grams are
 * FNV-1a over UTF-16 code units, extended one unit at a time; word n-grams combine per-word FNV hashes.
 */
function forEachGram(segment: string, fieldTag: number, sink: GramSink): void {
  const text = segment;
  const n = text.length;
  const charSeed = Math.imul(FNV_OFFSET ^ (fieldTag * 16 + 1), FNV_PRIME);
  for (let i = 0; i + CHAR_MIN <= n; i++) {
    let h = charSeed;
    const last = Math.min(n, i + CHAR_MAX);
    for (let j = i; j < last; j++) {
      h = Math.imul(h ^ text.charCodeAt(j), FNV_PRIME);
      if (j - i + 1 >= CHAR_MIN) sink(fmix32(h), i, j + 1, 0);
    }
  }
  const wordSeed = Math.imul(FNV_OFFSET ^ (fieldTag * 16 + 2), FNV_PRIME);
  // The last WORD_MAX words: their hashes and spans, as a ring.
  const hashes = new Int32Array(WORD_MAX);
  const starts = new Int32Array(WORD_MAX);
  let words = 0;
  let i = 0;
  while (i < n) {
    while (i < n && !isWordUnit(text.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    let h = wordSeed;
    while (i < n && isWordUnit(text.charCodeAt(i))) {
      h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
      i++;
    }
    hashes[words % WORD_MAX] = h;
    starts[words % WORD_MAX] = start;
    words++;
    let combined = 0;
    for (let k = 0; k < Math.min(WORD_MAX, words); k++) {
      const slot = (words - 1 - k) % WORD_MAX;
      combined = Math.imul(combined ^ hashes[slot]!, 0x9e3779b1) ^ (k + 1);
      sink(fmix32(combined ^ wordSeed), starts[slot]!, i, 1);
    }
  }
}

/** Reusable accumulators: a page touches a few thousand of the 2^18 buckets, so they are never cleared. */
class Accumulator {
  readonly sums: Float64Array;
  readonly stamps: Int32Array;
  touched: Int32Array;
  count = 0;
  private generation = 0;

  constructor(dims: number) {
    this.sums = new Float64Array(dims);
    this.stamps = new Int32Array(dims);
    this.touched = new Int32Array(4096);
  }

  reset(): void {
    this.generation++;
    this.count = 0;
  }

  add(bucket: number, value: number): void {
    if (this.stamps[bucket] !== this.generation) {
      this.stamps[bucket] = this.generation;
      this.sums[bucket] = 0;
      if (this.count === this.touched.length) {
        const grown = new Int32Array(this.touched.length * 2);
        grown.set(this.touched);
        this.touched = grown;
      }
      this.touched[this.count++] = bucket;
    }
    this.sums[bucket] = this.sums[bucket]! + value;
  }
}

const scratch = new Map<number, { field: Accumulator; page: Accumulator }>();

function scratchFor(dims: number): { field: Accumulator; page: Accumulator } {
  let s = scratch.get(dims);
  if (!s) {
    s = { field: new Accumulator(dims), page: new Accumulator(dims) };
    scratch.set(dims, s);
  }
  return s;
}

/** The sparse feature vector of a page (indices ascending), L2 norm 1 unless the page has no text. */
export function textFeatures(page: PageText, dims: number = TEXT_DIMS): SparseVector {
  if ((dims & (dims - 1)) !== 0) throw new RangeError(`dims must be a power of two, got ${dims}`);
  const mask = dims - 1;
  const { field, page: whole } = scratchFor(dims);
  whole.reset();
  const sink: GramSink = (hash) => field.add(hash & mask, hash >>> 31 === 1 ? -1 : 1);
  const segments = segmentsOf(page);
  for (const name of FIELDS) {
    field.reset();
    for (const segment of segments) {
      if (segment.field === name) forEachGram(segment.text, FIELD_TAGS[name], sink);
    }
    let squares = 0;
    for (let k = 0; k < field.count; k++) {
      const b = field.touched[k]!;
      const v = field.sums[b]!;
      const scaled = Math.sign(v) * Math.log1p(Math.abs(v));
      field.sums[b] = scaled;
      squares += scaled * scaled;
    }
    if (squares === 0) continue;
    const norm = Math.sqrt(squares);
    for (let k = 0; k < field.count; k++) {
      const b = field.touched[k]!;
      whole.add(b, field.sums[b]! / norm);
    }
  }
  const indices = whole.touched.slice(0, whole.count).sort();
  const values = new Float32Array(indices.length);
  let squares = 0;
  for (let k = 0; k < indices.length; k++) {
    const v = whole.sums[indices[k]!]!;
    squares += v * v;
  }
  const norm = squares > 0 ? Math.sqrt(squares) : 1;
  for (let k = 0; k < indices.length; k++) values[k] = whole.sums[indices[k]!]! / norm;
  return { indices, values };
}

/**
 * Calls `visit` for every n-gram of the page that falls in one of `buckets` (all n-grams when null), with
 * its text: the slow path behind explanations, run only on the few buckets that matter.
 */
export function gramsInBuckets(
  page: PageText,
  buckets: ReadonlySet<number> | null,
  visit: (hit: GramHit) => void,
  dims: number = TEXT_DIMS,
): void {
  for (const segment of segmentsOf(page)) {
    forEachGramIn(segment, dims, (bucket, _sign, start, end, word) => {
      if (buckets && !buckets.has(bucket)) return;
      visit({
        bucket,
        field: segment.field,
        kind: word ? 'word' : 'char',
        gram: segment.text.slice(start, end),
      });
    });
  }
}
