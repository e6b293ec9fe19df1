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
  /** The hashing sign: the n-gram adds this times its count to the bucket. */
  sign: 1 | -1;
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

/** The n-gram occurrences of one segment as parallel arrays: bucket, hashing sign, span, word or not. */
export interface GramList {
  count: number;
  buckets: Int32Array;
  signs: Int8Array;
  starts: Int32Array;
  ends: Int32Array;
  words: Uint8Array;
}

/** The n-gram occurrences of one segment in `dims` buckets (a power of two). */
export function gramsOf(segment: TextSegment, dims: number): GramList {
  const n = segment.text.length;
  const capacity = n * (CHAR_MAX - CHAR_MIN + 1) + ((n + 1) >> 1) * WORD_MAX + WORD_MAX;
  const list: GramList = {
    count: 0,
    buckets: new Int32Array(capacity),
    signs: new Int8Array(capacity),
    starts: new Int32Array(capacity),
    ends: new Int32Array(capacity),
    words: new Uint8Array(capacity),
  };
  collectGrams(segment.text, FIELD_TAGS[segment.field], dims - 1, list);
  return list;
}

/** Murmur3's finaliser: spreads FNV's weak low bits over the word before it is cut to a bucket. */
function fmix32(input: number): number {
  let h = input;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

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
 * Writes the n-grams of one normalised segment into `out` (hot loop: no strings, no calls). Character
 * n-grams are FNV-1a over UTF-16 code units, extended one unit at a time; word n-grams combine per-word
 * FNV hashes. The Murmur3 finaliser mixes each before its low bits pick the bucket and its top bit the sign.
 */
function collectGrams(text: string, fieldTag: number, mask: number, out: GramList): void {
  const { buckets, signs, starts, ends, words } = out;
  let count = out.count;
  const n = text.length;
  const charSeed = Math.imul(FNV_OFFSET ^ (fieldTag * 16 + 1), FNV_PRIME);
  for (let i = 0; i + CHAR_MIN <= n; i++) {
    let h = charSeed;
    const last = Math.min(n, i + CHAR_MAX);
    for (let j = i; j < last; j++) {
      h = Math.imul(h ^ text.charCodeAt(j), FNV_PRIME);
      if (j - i + 1 < CHAR_MIN) continue;
      const m = fmix32(h);
      buckets[count] = m & mask;
      signs[count] = m >>> 31 === 1 ? -1 : 1;
      starts[count] = i;
      ends[count] = j + 1;
      words[count] = 0;
      count++;
    }
  }
  const wordSeed = Math.imul(FNV_OFFSET ^ (fieldTag * 16 + 2), FNV_PRIME);
  // The last WORD_MAX words: their hashes and starts, as a ring.
  const ringHashes = new Int32Array(WORD_MAX);
  const ringStarts = new Int32Array(WORD_MAX);
  let seen = 0;
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
    ringHashes[seen % WORD_MAX] = h;
    ringStarts[seen % WORD_MAX] = start;
    seen++;
    let combined = 0;
    for (let k = 0; k < Math.min(WORD_MAX, seen); k++) {
      const slot = (seen - 1 - k) % WORD_MAX;
      combined = Math.imul(combined ^ ringHashes[slot]!, 0x9e3779b1) ^ (k + 1);
      const m = fmix32(combined ^ wordSeed);
      buckets[count] = m & mask;
      signs[count] = m >>> 31 === 1 ? -1 : 1;
      starts[count] = ringStarts[slot]!;
      ends[count] = i;
      words[count] = 1;
      count++;
    }
  }
  out.count = count;
}

/**
 * Scratch sums for one bucket count, reused so the 2^18 slots are not allocated per page; a page touches
 * a few thousand of them, which are cleared after use through the `touched` lists.
 */
interface Scratch {
  fieldSums: Int32Array;
  fieldSeen: Uint8Array;
  fieldTouched: Int32Array;
  pageSums: Float32Array;
  pageSeen: Uint8Array;
  pageTouched: Int32Array;
}

const scratchByDims = new Map<number, Scratch>();
/** log(1 + count) for the small counts nearly every bucket has. */
const LOG_COUNTS = Float64Array.from({ length: 64 }, (_, count) => Math.log1p(count));

function scratchFor(dims: number): Scratch {
  let s = scratchByDims.get(dims);
  if (!s) {
    s = {
      fieldSums: new Int32Array(dims),
      fieldSeen: new Uint8Array(dims),
      fieldTouched: new Int32Array(dims),
      pageSums: new Float32Array(dims),
      pageSeen: new Uint8Array(dims),
      pageTouched: new Int32Array(dims),
    };
    scratchByDims.set(dims, s);
  }
  return s;
}

/** The sparse feature vector of a page (indices ascending), L2 norm 1 unless the page has no text. */
export function textFeatures(page: PageText, dims: number = TEXT_DIMS): SparseVector {
  return pageGrams(page, dims).vector;
}

/** A page's feature vector with the segments and n-gram lists it came from (what explanations read). */
export interface PageGrams {
  vector: SparseVector;
  segments: TextSegment[];
  lists: GramList[];
}

/** The feature vector of a page, keeping its segments and n-grams so reasons need not recompute them. */
export function pageGrams(page: PageText, dims: number = TEXT_DIMS): PageGrams {
  if ((dims & (dims - 1)) !== 0) throw new RangeError(`dims must be a power of two, got ${dims}`);
  const { fieldSums, fieldSeen, fieldTouched, pageSums, pageSeen, pageTouched } = scratchFor(dims);
  const segments = segmentsOf(page);
  const lists = segments.map((segment) => gramsOf(segment, dims));
  let pageDistinct = 0;
  for (const name of FIELDS) {
    let distinct = 0;
    for (let s = 0; s < segments.length; s++) {
      if (segments[s]!.field !== name) continue;
      const { count, buckets, signs } = lists[s]!;
      for (let k = 0; k < count; k++) {
        const b = buckets[k]!;
        if (fieldSeen[b] === 0) {
          fieldSeen[b] = 1;
          fieldTouched[distinct++] = b;
        }
        fieldSums[b] = fieldSums[b]! + signs[k]!;
      }
    }
    let squares = 0;
    for (let k = 0; k < distinct; k++) {
      const count = Math.abs(fieldSums[fieldTouched[k]!]!);
      const scaled = count < LOG_COUNTS.length ? LOG_COUNTS[count]! : Math.log1p(count);
      squares += scaled * scaled;
    }
    const norm = squares > 0 ? Math.sqrt(squares) : 1;
    for (let k = 0; k < distinct; k++) {
      const b = fieldTouched[k]!;
      if (pageSeen[b] === 0) {
        pageSeen[b] = 1;
        pageTouched[pageDistinct++] = b;
      }
      const v = fieldSums[b]!;
      const count = Math.abs(v);
      const scaled = count < LOG_COUNTS.length ? LOG_COUNTS[count]! : Math.log1p(count);
      pageSums[b] = pageSums[b]! + (Math.sign(v) * scaled) / norm;
      fieldSums[b] = 0;
      fieldSeen[b] = 0;
    }
  }
  const indices = pageTouched.slice(0, pageDistinct).sort();
  const values = new Float32Array(pageDistinct);
  let squares = 0;
  for (let k = 0; k < pageDistinct; k++) {
    const v = pageSums[indices[k]!]!;
    squares += v * v;
  }
  const norm = squares > 0 ? Math.sqrt(squares) : 1;
  for (let k = 0; k < pageDistinct; k++) {
    const b = indices[k]!;
    values[k] = pageSums[b]! / norm;
    pageSums[b] = 0;
    pageSeen[b] = 0;
  }
  return { vector: { indices, values }, segments, lists };
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
    const list = gramsOf(segment, dims);
    for (let k = 0; k < list.count; k++) {
      const bucket = list.buckets[k]!;
      if (buckets && !buckets.has(bucket)) continue;
      visit({
        bucket,
        sign: list.signs[k]! < 0 ? -1 : 1,
        field: segment.field,
        kind: list.words[k] === 1 ? 'word' : 'char',
        gram: segment.text.slice(list.starts[k]!, list.ends[k]!),
      });
    }
  }
}
