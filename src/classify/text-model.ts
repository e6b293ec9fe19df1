/**
 * The text model: "scam popup or legitimate page" from what a page says. Logistic regression over hashed
 * n-grams (text-features.ts), calibrated by Platt on out-of-fold margins of held-out groups (template
 * families), shipped as a small JSON file of pruned int16 weights.
 */
import {
  type LogisticModel,
  marginLogistic,
  plattScale,
  type SparseVector,
  sigmoid,
  trainLogistic,
} from './logistic.js';
import { gramsInBuckets, type PageGrams, pageGrams, TEXT_DIMS, textFeatures } from './text-features.js';
import { encode, INT16_MAX, type TextModelFile, versionOf } from './text-model-file.js';
import type { ModelScore, PageLabel, PageText } from './types.js';

export type { TextModelFile } from './text-model-file.js';

/** Weights kept after training, largest first: the file stays well under 1 MB. */
const MAX_WEIGHTS = 60_000;
/** Buckets whose most frequent training n-gram is stored, for explaining the model as a whole. */
const EXPLAINED_BUCKETS = 3_000;
/** Reasons given with a score. */
const MAX_REASONS = 6;
/** Longest phrase a reason quotes. */
const MAX_PHRASE_CHARS = 40;
const MAX_CJK_PHRASE_CHARS = 12;
/** Buckets traced back to the page's text for reasons: the strongest few hundred carry the explanation. */
const TRACED_BUCKETS = 300;

/** One training page; `group` (the template family) keeps a family whole within a calibration fold. */
export interface TextTrainingPage {
  text: PageText;
  label: PageLabel;
  group?: string;
}

/** Training knobs; only the seed is required. */
export interface TextTrainOptions {
  seed: number;
  epochs?: number;
  l2?: number;
  learningRate?: number;
  /** Group folds whose out-of-fold margins fit the Platt calibration (default 5). */
  folds?: number;
  /** N-grams at which a text carries half its evidence (see `TextModelFile.shortTextGrams`). */
  shortTextGrams?: number;
}

/**
 * A text of 200 n-grams (about 50 characters) carries half its evidence: one word (~15 n-grams) about a
 * fourteenth, a corpus page (thousands) nearly all. Neutral in grouped cross-validation over the training
 * families, whose pages are long; it is what keeps "binary" or "Unauthorized" from reading as a scam.
 */
const SHORT_TEXT_GRAMS = 200;

const DEFAULTS = { epochs: 8, l2: 1e-6, learningRate: 0.3, folds: 5, shortTextGrams: SHORT_TEXT_GRAMS };

/**
 * Trains the text model. Platt's calibration is fitted on out-of-fold margins: each fold's groups are
 * scored by a model that never saw them, so the probabilities are honest for unseen families.
 */
export function trainTextModel(pages: TextTrainingPage[], options: TextTrainOptions): TextModelFile {
  const settings = { ...DEFAULTS, ...options };
  const vectors = pages.map((p) => textFeatures(p.text, TEXT_DIMS));
  const labels = pages.map((p) => (p.label === 'scam' ? 1 : 0) as 0 | 1);
  const trainOn = (rows: number[], seed: number): LogisticModel =>
    compressWeights(
      trainLogistic(
        rows.map((i) => ({ x: vectors[i]!, y: labels[i]! })),
        TEXT_DIMS,
        { epochs: settings.epochs, l2: settings.l2, learningRate: settings.learningRate, seed },
      ),
    );
  const foldOf = groupFolds(pages, settings.folds, settings.seed);
  const foldCount = Math.max(...foldOf) + 1;
  const heldOutMargins: number[] = [];
  const heldOutLabels: (0 | 1)[] = [];
  for (let fold = 0; fold < foldCount && foldCount > 1; fold++) {
    const trainRows = pages.map((_, i) => i).filter((i) => foldOf[i] !== fold);
    const model = trainOn(trainRows, settings.seed + fold + 1);
    foldOf.forEach((f, i) => {
      if (f !== fold) return;
      heldOutMargins.push(marginLogistic(model, vectors[i]!));
      heldOutLabels.push(labels[i]!);
    });
  }
  const final = trainOn(
    pages.map((_, i) => i),
    settings.seed,
  );
  const platt = heldOutMargins.length > 0 ? plattScale(heldOutMargins, heldOutLabels) : { a: 1, b: 0 };
  const explanations = explainBuckets(final.weights, pages);
  const body = {
    dims: TEXT_DIMS,
    weights: final.weights,
    bias: final.bias,
    platt,
    shortTextGrams: settings.shortTextGrams,
    explanations,
  };
  return { version: versionOf(encode(body)), ...body };
}

/**
 * The calibrated log-odds scaled by n / (n + shortTextGrams) toward 0 (undecided): the evidence of a
 * text grows with its length, so a word or two cannot carry a page to certainty (the vector is
 * L2-normalised, so without this one word weighs as much as a whole page, and the bias alone, which
 * hashed features make meaningless, reads as 85% scam).
 */
function lengthScaledLogOdds(model: TextModelFile, margin: number, grams: number): number {
  const logOdds = model.platt.a * margin + model.platt.b;
  if (model.shortTextGrams <= 0) return logOdds;
  return (logOdds * grams) / (grams + model.shortTextGrams);
}

/** How many n-grams (occurrences) a page has, over all its fields. */
function gramCount(grams: PageGrams): number {
  let count = 0;
  for (const list of grams.lists) count += list.count;
  return count;
}

/**
 * Assigns each page a fold so that a group never straddles two folds, scam and legitimate groups dealt
 * round-robin separately so every fold sees both classes. Pages without a group are their own group.
 */
function groupFolds(pages: TextTrainingPage[], folds: number, seed: number): number[] {
  const groups = new Map<string, PageLabel>();
  pages.forEach((p, i) => {
    const key = p.group ?? `#${i}`;
    if (!groups.has(key)) groups.set(key, p.label);
  });
  const foldCount = Math.max(1, Math.min(folds, groups.size));
  const foldByGroup = new Map<string, number>();
  for (const label of ['scam', 'legitimate'] as const) {
    const keys = [...groups].filter(([, l]) => l === label).map(([k]) => k);
    keys.sort((a, b) => seededRank(a, seed) - seededRank(b, seed) || (a < b ? -1 : 1));
    keys.forEach((k, n) => {
      foldByGroup.set(k, n % foldCount);
    });
  }
  return pages.map((p, i) => foldByGroup.get(p.group ?? `#${i}`)!);
}

/** A seeded pseudo-random rank of a string (FNV-1a), to shuffle groups without a generator. */
function seededRank(key: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Keeps the largest weights and rounds them to the int16 grid the file stores, so file and memory agree. */
function compressWeights(model: LogisticModel): LogisticModel {
  const { weights } = model;
  const magnitudes: number[] = [];
  for (let i = 0; i < weights.length; i++) if (weights[i] !== 0) magnitudes.push(Math.abs(weights[i]!));
  magnitudes.sort((a, b) => b - a);
  const cutoff = magnitudes.length > MAX_WEIGHTS ? magnitudes[MAX_WEIGHTS - 1]! : 0;
  const scale = (magnitudes[0] ?? 1) / INT16_MAX;
  const kept = new Float32Array(weights.length);
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!;
    if (w === 0 || Math.abs(w) < cutoff) continue;
    kept[i] = Math.round(w / scale) * scale;
  }
  return { weights: kept, bias: model.bias };
}

/** For the heaviest buckets, the `field: gram` that fell in each most often across the training pages. */
function explainBuckets(
  weights: Float32Array,
  pages: TextTrainingPage[],
): Map<number, { gram: string; sign: 1 | -1 }> {
  const heaviest = Array.from(weights.keys())
    .filter((i) => weights[i] !== 0)
    .sort((i, j) => Math.abs(weights[j]!) - Math.abs(weights[i]!) || i - j)
    .slice(0, EXPLAINED_BUCKETS);
  const wanted = new Set(heaviest);
  const counts = new Map<number, Map<string, number>>();
  for (const page of pages) {
    gramsInBuckets(page.text, wanted, (hit) => {
      let byGram = counts.get(hit.bucket);
      if (!byGram) {
        byGram = new Map();
        counts.set(hit.bucket, byGram);
      }
      const key = `${hit.sign > 0 ? '+' : '-'}${hit.field}: ${hit.gram}`;
      byGram.set(key, (byGram.get(key) ?? 0) + 1);
    });
  }
  const explanations = new Map<number, { gram: string; sign: 1 | -1 }>();
  for (const bucket of heaviest) {
    const byGram = counts.get(bucket);
    if (!byGram) continue;
    const [best] = [...byGram].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    if (best) explanations.set(bucket, { gram: best[0].slice(1), sign: best[0][0] === '-' ? -1 : 1 });
  }
  return explanations;
}

/** The calibrated probability that a page is a scam, with the n-grams that pushed it most that way. */
export function scoreText(model: TextModelFile, text: PageText): ModelScore {
  const grams = pageGrams(text, model.dims);
  const margin = marginLogistic(model, grams.vector);
  const probability = sigmoid(lengthScaledLogOdds(model, margin, gramCount(grams)));
  return { probability, reasons: reasonsFor(model, grams, probability >= 0.5 ? 1 : -1) };
}

/**
 * The phrases of the page that pushed the score most toward the verdict. Each strong bucket's contribution
 * (weight × value, in logit units) is shared among its occurrences and spread over their characters; a
 * phrase (a word 1–3-gram, or a 4-character run of CJK text, which has no spaces) scores the sum over its
 * characters. The best phrases that do not overlap are listed, with their sums.
 */
function reasonsFor(model: TextModelFile, grams: PageGrams, direction: 1 | -1): string[] {
  const { vector: x, segments, lists } = grams;
  // Only the buckets pushing hardest toward the verdict are traced back to the text: membership is a
  // 32 KB bitset, so the pass over every n-gram stays in cache.
  const strongest = strongestBuckets(model, x, direction);
  const member = new Uint32Array((model.dims + 31) >>> 5);
  const share = new Map<number, number>();
  for (const b of strongest.keys()) member[b >>> 5] = member[b >>> 5]! | (1 << (b & 31));
  for (const list of lists) {
    for (let k = 0; k < list.count; k++) {
      const b = list.buckets[k]!;
      if ((member[b >>> 5]! & (1 << (b & 31))) !== 0) share.set(b, (share.get(b) ?? 0) + 1);
    }
  }
  for (const [b, occurrences] of share) share.set(b, strongest.get(b)! / occurrences);
  const best = new BestPhrases(MAX_REASONS * 10);
  for (let s = 0; s < segments.length; s++) {
    const segment = segments[s]!;
    const list = lists[s]!;
    // Each occurrence spreads its share evenly over its characters: added as steps in a difference array,
    // whose running sum is each character's share, and whose running sum again gives phrase totals.
    const steps = new Float64Array(segment.text.length + 1);
    for (let k = 0; k < list.count; k++) {
      const b = list.buckets[k]!;
      if ((member[b >>> 5]! & (1 << (b & 31))) === 0) continue;
      const perChar = share.get(b)! / (list.ends[k]! - list.starts[k]!);
      steps[list.starts[k]!] = steps[list.starts[k]!]! + perChar;
      steps[list.ends[k]!] = steps[list.ends[k]!]! - perChar;
    }
    // sums[i] = share of characters [0, i).
    const sums = new Float64Array(segment.text.length + 1);
    let perCharacter = 0;
    for (let i = 0; i < segment.text.length; i++) {
      perCharacter += steps[i]!;
      sums[i + 1] = sums[i]! + perCharacter;
    }
    for (let k = 0; k < list.count; k++) {
      const start = list.starts[k]!;
      const end = list.ends[k]!;
      const score = sums[end]! - sums[start]!;
      if (score * direction <= best.floor) continue;
      // A CJK "word" is a whole clause (no spaces to split on): quote at most a short one.
      const isPhrase =
        list.words[k] === 1
          ? end - start <=
            (isCjkRun(segment.text, start, start + 1) || isCjkRun(segment.text, end - 1, end)
              ? MAX_CJK_PHRASE_CHARS
              : MAX_PHRASE_CHARS)
          : end - start === 4 && isCjkRun(segment.text, start, end);
      if (isPhrase) best.offer(score * direction, s, start, end);
    }
  }
  const reasons: string[] = [];
  const taken: Array<{ segment: number; start: number; end: number }> = [];
  const seen = new Set<string>();
  for (const phrase of best.ranked()) {
    if (taken.some((t) => t.segment === phrase.segment && t.start < phrase.end && phrase.start < t.end))
      continue;
    const { field, text } = segments[phrase.segment]!;
    const gram = text.slice(phrase.start, phrase.end);
    taken.push(phrase);
    if (seen.has(`${field}:${gram}`)) continue;
    seen.add(`${field}:${gram}`);
    const score = phrase.value * direction;
    const where = field === 'body' ? '' : `${field} `;
    reasons.push(`${where}"${gram}" ${score >= 0 ? '+' : ''}${score.toFixed(2)}`);
    if (reasons.length === MAX_REASONS) break;
  }
  return reasons;
}

/** The `size` highest-valued phrases offered, kept sorted (an offer below the floor costs one compare). */
class BestPhrases {
  private readonly values: Float64Array;
  private readonly spans: Int32Array;
  private count = 0;
  /** The value an offer must beat: the lowest kept once full, else 0 (only positive values count). */
  floor = 0;

  constructor(private readonly size: number) {
    this.values = new Float64Array(size);
    this.spans = new Int32Array(size * 3);
  }

  offer(value: number, segment: number, start: number, end: number): void {
    let i = Math.min(this.count, this.size - 1);
    if (this.count < this.size) this.count++;
    while (i > 0 && this.values[i - 1]! < value) {
      this.values[i] = this.values[i - 1]!;
      this.spans.copyWithin(i * 3, (i - 1) * 3, i * 3);
      i--;
    }
    this.values[i] = value;
    this.spans.set([segment, start, end], i * 3);
    if (this.count === this.size) this.floor = this.values[this.size - 1]!;
  }

  ranked(): Array<{ value: number; segment: number; start: number; end: number }> {
    return Array.from({ length: this.count }, (_, i) => ({
      value: this.values[i]!,
      segment: this.spans[i * 3]!,
      start: this.spans[i * 3 + 1]!,
      end: this.spans[i * 3 + 2]!,
    }));
  }
}

/** The contributions (weight × value) of the buckets pushing hardest toward `direction`, by bucket. */
function strongestBuckets(model: TextModelFile, x: SparseVector, direction: 1 | -1): Map<number, number> {
  const pushes = new Float32Array(x.indices.length);
  let count = 0;
  for (let k = 0; k < x.indices.length; k++) {
    const push = model.weights[x.indices[k]!]! * x.values[k]! * direction;
    if (push > 0) pushes[count++] = push;
  }
  const sorted = pushes.subarray(0, count).sort();
  const floor = count > TRACED_BUCKETS ? sorted[count - TRACED_BUCKETS]! : 0;
  const strongest = new Map<number, number>();
  for (let k = 0; k < x.indices.length; k++) {
    const contribution = model.weights[x.indices[k]!]! * x.values[k]!;
    if (contribution * direction > 0 && Math.fround(contribution * direction) >= floor) {
      strongest.set(x.indices[k]!, contribution);
    }
  }
  return strongest;
}

/** Whether text[start, end) is all kana or CJK ideographs (text the word splitter cannot cut). */
function isCjkRun(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x3040 || (c > 0x9fff && c < 0xf900) || c > 0xfaff) return false;
  }
  return true;
}

/**
 * The heaviest features of the model, named by their training n-gram, with the n-gram's own weight
 * (positive: toward scam): what it learned, for a report.
 */
export function topTextFeatures(
  model: TextModelFile,
  count: number,
): Array<{ gram: string; weight: number }> {
  return [...model.explanations]
    .map(([bucket, { gram, sign }]) => ({ gram, weight: model.weights[bucket]! * sign }))
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))
    .slice(0, count);
}
