/**
 * The image model: is this screenshot a tech-support scam popup or an ordinary page? A logistic
 * regression over the screenshot's features (image-features.ts) plus two nearest-template features (how
 * close its perceptual hash is to a known scam template), calibrated by Platt on out-of-fold margins where
 * the folds are whole template families, so the probability means what it says on families never seen.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { hammingDistance, perceptualHash } from '../crawl/phash.js';
import {
  dominantColourOf,
  extractImageFeatures,
  IMAGE_FEATURE_GROUPS,
  IMAGE_FEATURE_LENGTH,
  IMAGE_FEATURES_VERSION,
} from './image-features.js';
import {
  applyPlatt,
  dense,
  type LogisticModel,
  marginLogistic,
  type PlattCalibration,
  plattScale,
  trainLogistic,
} from './logistic.js';
import { rocAuc } from './metrics.js';
import type { ModelScore, PageLabel } from './types.js';

/** Format of the model file; the version adds a hash of the content (`image-2+3f9a…`). */
export const IMAGE_MODEL_FORMAT = 'image-2';

/**
 * The feature groups the model reads, in this order. Not the 16×9 colour thumbnail: with 432 values for
 * a few hundred screenshots the model learned each family's layout by heart, and in grouped
 * cross-validation over the training families it ranked unseen families worse with it (ROC-AUC .964,
 * recall .65 at precision .99) than without it (.992, .81). Colour still speaks through the hue and grey
 * histograms and the page statistics; the thumbnail still names the dominant colour in the reasons.
 */
const READ_GROUPS = IMAGE_FEATURE_GROUPS.filter((g) => g.name !== 'colour layout');
/** Where each read group lies in the model's input vector. */
const INPUT_GROUPS = READ_GROUPS.reduce<Array<{ name: string; start: number; end: number; from: number }>>(
  (groups, g) => {
    const start = groups.at(-1)?.end ?? 0;
    groups.push({ name: g.name, start, end: start + g.end - g.start, from: g.start });
    return groups;
  },
  [],
);
/** Image values the model reads; the two template features follow them. */
const INPUT_LENGTH = INPUT_GROUPS.at(-1)!.end;

/** One labelled screenshot, as features and perceptual hash. */
export interface ImageExample {
  features: Float32Array;
  phash: string;
  label: PageLabel;
  family: string;
}

/** A scam template: the pHash at the centre of a cluster of one family's screenshots. */
export interface ScamTemplate {
  phash: string;
  family: string;
  /** Training screenshots within the cluster radius. */
  members: number;
}

/** The model file (JSON as is). */
export interface ImageModelFile {
  format: typeof IMAGE_MODEL_FORMAT;
  version: string;
  featuresVersion: string;
  /** Image features, then the two template features. */
  dims: number;
  /** Standardisation: x' = clip((x − mean) / scale, ±5). */
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
  platt: PlattCalibration;
  templates: ScamTemplate[];
  training: {
    examples: number;
    scamFamilies: number;
    legitFamilies: number;
    folds: number;
    l2: number;
    /** ROC-AUC of the out-of-fold margins (folds of whole families). */
    outOfFoldAuc: number;
  };
}

/** Extra knobs for training (defaults suit a few thousand screenshots). */
export interface ImageTrainOptions {
  seed: number;
  epochs?: number;
  learningRate?: number;
  /** Candidate L2 strengths; the best by out-of-fold ROC-AUC is kept. */
  l2?: number[];
  /** Screenshots within this many bits of a template belong to its cluster (default 10). */
  clusterBits?: number;
  /** Most templates kept per scam family, largest clusters first (default 8). */
  templatesPerFamily?: number;
}

/** Beyond this distance a template says nothing (unrelated pages are ~32 bits apart). */
const TEMPLATE_HORIZON_BITS = 24;
/** Within this distance a screenshot is called a copy of the template. */
const TEMPLATE_MATCH_BITS = 10;
const TEMPLATE_FEATURES = 2;
const Z_CLIP = 5;
const MIN_SCALE = 0.02;

/** Features and pHash of a screenshot: what `scoreImage` and `trainImageModel` take. */
export async function screenshotSignals(png: Buffer): Promise<{ features: Float32Array; phash: string }> {
  const [features, phash] = await Promise.all([extractImageFeatures(png), perceptualHash(png)]);
  return { features, phash };
}

/**
 * Trains the model from screenshots of known families. Templates are clustered per scam family; each
 * training screenshot's template features are measured against the templates of the other families only,
 * as a page of an unseen family would be. Deterministic for a seed; takes seconds for thousands of pages.
 */
export function trainImageModel(examples: ImageExample[], options: ImageTrainOptions): ImageModelFile {
  if (!examples.some((e) => e.label === 'scam') || !examples.some((e) => e.label === 'legitimate'))
    throw new Error('image model: training needs scam and legitimate screenshots');
  for (const e of examples)
    if (e.features.length !== IMAGE_FEATURE_LENGTH)
      throw new Error(`image model: expected ${IMAGE_FEATURE_LENGTH} features, got ${e.features.length}`);
  const epochs = options.epochs ?? 25;
  const learningRate = options.learningRate ?? 0.05;
  const templates = scamTemplates(examples, options.clusterBits ?? 10, options.templatesPerFamily ?? 8);
  const raw = examples.map((e) => {
    const nearest = nearestTemplate(templates, e.phash, e.family);
    return withTemplateFeatures(e.features, nearest?.distance);
  });
  const dims = INPUT_LENGTH + TEMPLATE_FEATURES;
  const { mean, scale } = standardisation(raw, dims);
  const xs = raw.map((x) => dense(standardise(x, mean, scale)));
  const ys = examples.map((e): 0 | 1 => (e.label === 'scam' ? 1 : 0));
  const folds = familyFolds(examples, options.seed);
  const foldCount = Math.max(...folds) + 1;

  let best: { l2: number; auc: number; margins: number[] } | undefined;
  for (const l2 of options.l2 ?? [1e-4, 1e-3, 1e-2]) {
    const margins = new Array<number>(examples.length).fill(0);
    for (let fold = 0; fold < foldCount; fold++) {
      const train = xs.flatMap((x, i) => (folds[i] === fold ? [] : [{ x, y: ys[i]! }]));
      const model = trainLogistic(train, dims, { epochs, l2, learningRate, seed: options.seed + fold });
      xs.forEach((x, i) => {
        if (folds[i] === fold) margins[i] = marginLogistic(model, x);
      });
    }
    const auc = rocAuc(margins, ys);
    if (!best || auc > best.auc + 1e-9) best = { l2, auc, margins };
  }
  const chosen = best!;
  const final = trainLogistic(
    xs.map((x, i) => ({ x, y: ys[i]! })),
    dims,
    { epochs, l2: chosen.l2, learningRate, seed: options.seed },
  );
  const families = (label: PageLabel) =>
    new Set(examples.filter((e) => e.label === label).map((e) => e.family)).size;
  const body: Omit<ImageModelFile, 'version'> = {
    format: IMAGE_MODEL_FORMAT,
    featuresVersion: IMAGE_FEATURES_VERSION,
    dims,
    mean: mean.map(round),
    scale: scale.map(round),
    weights: Array.from(final.weights, round),
    bias: round(final.bias),
    platt: roundPlatt(calibrate(chosen.margins, ys)),
    templates,
    training: {
      examples: examples.length,
      scamFamilies: families('scam'),
      legitFamilies: families('legitimate'),
      folds: foldCount,
      l2: chosen.l2,
      outOfFoldAuc: round(chosen.auc),
    },
  };
  return { ...body, version: versionOf(body) };
}

/** The model's opinion of one screenshot: calibrated probability and its reasons, most telling first. */
export function scoreImage(model: ImageModelFile, features: Float32Array, phash: string): ModelScore {
  if (features.length !== IMAGE_FEATURE_LENGTH)
    throw new Error(`image model: expected ${IMAGE_FEATURE_LENGTH} features, got ${features.length}`);
  const nearest = nearestTemplate(model.templates, phash);
  const x = standardise(withTemplateFeatures(features, nearest?.distance), model.mean, model.scale);
  const { weights, bias } = logisticOf(model);
  const probability = applyPlatt(model.platt, marginLogistic({ weights, bias }, dense(x)));

  const contribution = (start: number, end: number) => {
    let sum = 0;
    for (let i = start; i < end; i++) sum += weights[i]! * x[i]!;
    return sum;
  };
  const signed = (v: number) => `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(2)}`;
  const reasons: Array<{ weight: number; text: string }> = [];
  const templateWeight = contribution(INPUT_LENGTH, INPUT_LENGTH + TEMPLATE_FEATURES);
  reasons.push({
    weight: Math.abs(templateWeight) + (nearest && nearest.distance <= TEMPLATE_MATCH_BITS ? 100 : 0),
    text: nearest
      ? nearest.distance <= TEMPLATE_MATCH_BITS
        ? `nearest scam template ${nearest.family} (${nearest.distance} bits)`
        : `no scam template within ${TEMPLATE_MATCH_BITS} bits (nearest ${nearest.family}, ${nearest.distance} bits)`
      : 'no scam templates in the model',
  });
  for (const group of INPUT_GROUPS) {
    const weight = contribution(group.start, group.end);
    const detail =
      group.name === 'colour histogram'
        ? (() => {
            const { colour, share } = dominantColourOf(features);
            return `dominant colour ${colour} covers ${Math.round(share * 100)}%`;
          })()
        : group.name;
    reasons.push({ weight: Math.abs(weight), text: `${detail} (${signed(weight)} towards scam)` });
  }
  reasons.sort((a, b) => b.weight - a.weight);
  return { probability, reasons: reasons.map((r) => r.text) };
}

/** The model file as JSON. */
export function serialiseImageModel(model: ImageModelFile): string {
  return `${JSON.stringify(model)}\n`;
}

const modelSchema = z.object({
  format: z.literal(IMAGE_MODEL_FORMAT),
  version: z.string(),
  featuresVersion: z.string(),
  dims: z.number().int(),
  mean: z.array(z.number()),
  scale: z.array(z.number()),
  weights: z.array(z.number()),
  bias: z.number(),
  platt: z.object({ a: z.number(), b: z.number() }),
  templates: z.array(
    z.object({ phash: z.string().regex(/^[0-9a-f]{16}$/), family: z.string(), members: z.number().int() }),
  ),
  training: z.object({
    examples: z.number().int(),
    scamFamilies: z.number().int(),
    legitFamilies: z.number().int(),
    folds: z.number().int(),
    l2: z.number(),
    outOfFoldAuc: z.number(),
  }),
});

/** Reads a model file, refusing one that is damaged or made for other features. */
export function loadImageModel(json: string): ImageModelFile {
  const model: ImageModelFile = modelSchema.parse(JSON.parse(json));
  const dims = INPUT_LENGTH + TEMPLATE_FEATURES;
  if (model.featuresVersion !== IMAGE_FEATURES_VERSION)
    throw new Error(
      `image model: made for features ${model.featuresVersion}, these are ${IMAGE_FEATURES_VERSION}`,
    );
  if (model.dims !== dims || [model.mean, model.scale, model.weights].some((a) => a.length !== dims))
    throw new Error(`image model: expected ${dims} dimensions`);
  const { version, ...body } = model;
  if (versionOf(body) !== version) throw new Error(`image model: content does not match version ${version}`);
  return model;
}

/**
 * Platt's calibration of the out-of-fold margins, unless they rank the classes backwards (a negative
 * slope): with two or three families per fold one family can say nothing of another, and flipping the
 * final model's margins would be worse than taking them as they are (the logistic's own probability).
 */
function calibrate(margins: number[], labels: (0 | 1)[]): PlattCalibration {
  const platt = plattScale(margins, labels);
  return platt.a > 0 ? platt : { a: 1, b: 0 };
}

/** Greedy clusters of each scam family's pHashes; the leader of each of the largest clusters is kept. */
function scamTemplates(examples: ImageExample[], radius: number, perFamily: number): ScamTemplate[] {
  const byFamily = new Map<string, string[]>();
  for (const e of examples) {
    if (e.label !== 'scam') continue;
    const hashes = byFamily.get(e.family) ?? [];
    hashes.push(e.phash);
    byFamily.set(e.family, hashes);
  }
  const templates: ScamTemplate[] = [];
  for (const family of [...byFamily.keys()].sort()) {
    const clusters: ScamTemplate[] = [];
    for (const phash of byFamily.get(family)!.sort()) {
      const home = clusters.find((c) => hammingDistance(c.phash, phash) <= radius);
      if (home) home.members++;
      else clusters.push({ phash, family, members: 1 });
    }
    clusters.sort((a, b) => b.members - a.members || a.phash.localeCompare(b.phash));
    templates.push(...clusters.slice(0, perFamily));
  }
  return templates;
}

/** Closest template, leaving out the given family's own (for training). */
function nearestTemplate(
  templates: readonly ScamTemplate[],
  phash: string,
  excludeFamily?: string,
): { family: string; distance: number } | undefined {
  let best: { family: string; distance: number } | undefined;
  for (const t of templates) {
    if (t.family === excludeFamily) continue;
    const distance = hammingDistance(t.phash, phash);
    if (!best || distance < best.distance) best = { family: t.family, distance };
  }
  return best;
}

/** The model's input: the read groups of the image features, then the two template features. */
function withTemplateFeatures(features: Float32Array, distance: number | undefined): Float32Array {
  const out = new Float32Array(INPUT_LENGTH + TEMPLATE_FEATURES);
  for (const g of INPUT_GROUPS) out.set(features.subarray(g.from, g.from + g.end - g.start), g.start);
  const d = distance ?? 64;
  out[INPUT_LENGTH] = Math.max(0, 1 - d / TEMPLATE_HORIZON_BITS);
  out[INPUT_LENGTH + 1] = d <= TEMPLATE_MATCH_BITS ? 1 : 0;
  return out;
}

function standardisation(rows: Float32Array[], dims: number): { mean: number[]; scale: number[] } {
  const mean = new Array<number>(dims).fill(0);
  const scale = new Array<number>(dims).fill(0);
  for (const r of rows) for (let i = 0; i < dims; i++) mean[i]! += r[i]! / rows.length;
  for (const r of rows) for (let i = 0; i < dims; i++) scale[i]! += (r[i]! - mean[i]!) ** 2 / rows.length;
  return { mean, scale: scale.map((v) => Math.max(MIN_SCALE, Math.sqrt(v))) };
}

function standardise(x: Float32Array, mean: readonly number[], scale: readonly number[]): Float32Array {
  const out = new Float32Array(x.length);
  for (let i = 0; i < x.length; i++) {
    out[i] = Math.max(-Z_CLIP, Math.min(Z_CLIP, (x[i]! - mean[i]!) / scale[i]!));
  }
  return out;
}

/**
 * Fold of each example: whole families per fold, scam and legitimate families dealt round-robin in a
 * seeded order, so every fold holds both. Too few families for that: folds of single examples instead.
 */
function familyFolds(examples: ImageExample[], seed: number): number[] {
  const familiesOf = (label: PageLabel) =>
    [...new Set(examples.filter((e) => e.label === label).map((e) => e.family))].sort(
      (a, b) => seededRank(seed, a) - seededRank(seed, b) || a.localeCompare(b),
    );
  const scam = familiesOf('scam');
  const legit = familiesOf('legitimate');
  const folds = Math.min(4, scam.length, legit.length);
  if (folds >= 2) {
    const foldOf = new Map<string, number>();
    for (const list of [scam, legit])
      list.forEach((family, i) => {
        foldOf.set(family, i % folds);
      });
    return examples.map((e) => foldOf.get(e.family)!);
  }
  const counters = { scam: 0, legitimate: 0 };
  const k = Math.max(
    2,
    Math.min(4, ...Object.keys(counters).map((l) => examples.filter((e) => e.label === l).length)),
  );
  return examples.map((e) => counters[e.label]++ % k);
}

function seededRank(seed: number, family: string): number {
  return createHash('sha256').update(`${seed}:${family}`).digest().readUInt32BE(0);
}

const logisticCache = new WeakMap<ImageModelFile, LogisticModel>();

function logisticOf(model: ImageModelFile): LogisticModel {
  let cached = logisticCache.get(model);
  if (!cached) {
    cached = { weights: Float32Array.from(model.weights), bias: model.bias };
    logisticCache.set(model, cached);
  }
  return cached;
}

function versionOf(body: Omit<ImageModelFile, 'version'>): string {
  const { format, featuresVersion, dims, mean, scale, weights, bias, platt, templates, training } = body;
  const canonical = JSON.stringify({
    format,
    featuresVersion,
    dims,
    mean,
    scale,
    weights,
    bias,
    platt,
    templates,
    training,
  });
  return `${IMAGE_MODEL_FORMAT}+${createHash('sha256').update(canonical).digest('hex').slice(0, 12)}`;
}

const round = (v: number) => Number(v.toPrecision(6));

const roundPlatt = ({ a, b }: PlattCalibration): PlattCalibration => ({ a: round(a), b: round(b) });
