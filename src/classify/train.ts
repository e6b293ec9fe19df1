import { createHash } from 'node:crypto';
import { Rng } from '../simulate/rng.js';
import { generateCorpus } from './corpus/index.js';
import { renderSignals, type ScreenshotSignals, textOfHtml } from './dataset.js';
import type { FusionModel } from './fusion.js';
import { type ImageExample, scoreImage, trainImageModel } from './image-model.js';
import { dense, logit, sigmoid, trainLogistic } from './logistic.js';
import { thresholdForPrecision } from './metrics.js';
import type { Models } from './models.js';
import { scoreText, type TextTrainingPage, trainTextModel } from './text-model.js';
import type { CorpusPage, PageLabel, PageText } from './types.js';

/** A labelled page as the models train on it: its text, its screenshot when rendered, its family. */
export interface TrainingPage {
  text: PageText;
  signals?: ScreenshotSignals;
  label: PageLabel;
  group: string;
}

/** How to train: the corpus, and analysts' labels to add. */
export interface TrainOptions {
  seed: number;
  perFamily: number;
  includeDebianDocs: boolean;
  extra?: TrainingPage[];
  onProgress?: (message: string) => void;
}

/** Figures of a training run. */
export interface TrainReport {
  pages: number;
  families: number;
  rendered: number;
  extra: number;
  seconds: number;
}

/** Folds of whole families whose out-of-fold scores fit the fusion. */
const FUSION_FOLDS = 3;
/** Log-odds clipped to ±6 (probabilities 0.25% and 99.75%) before the fusion weighs them. */
const FUSION_LOG_ODDS_CLIP = 6;
/** L2 on the single-model fallbacks' weight and bias: fitted on a dozen families' worth of pages. */
const FUSION_L2 = 1e-2;
/**
 * Both models' clipped log-odds weigh the same, not fitted weights: weights fitted on out-of-fold
 * scores of a dozen families swung from fold to fold in grouped cross-validation over the training
 * families (text 0.26–2.0, image −0.13–1.67), and the plain average ranked the left-out families better
 * (ROC-AUC .997 against .982, recall at precision .99 .91 against .86). Each model is already calibrated
 * on out-of-fold margins, so the average needs no weights of its own; the threshold is still fitted.
 */
const FUSION_WEIGHTS = { text: 0.5, image: 0.5, bias: 0 };
/** The precision the fused threshold is chosen for, on out-of-fold scores. */
const TARGET_PRECISION = 0.99;

/**
 * Trains the text model, the image model and their fusion on the training families of the generated
 * corpus (plus analysts' labels). The fusion is fitted on out-of-fold scores: each fold of families is
 * scored by models trained without it, as a new family would be. Seeded and reproducible.
 */
export async function trainModels(options: TrainOptions): Promise<Models & { report: TrainReport }> {
  const t0 = performance.now();
  const { examples, rendered } = await trainingExamples(options);
  const { text, image } = fitBoth(examples, options.seed);
  options.onProgress?.('text and image models trained; fitting the fusion on out-of-fold scores');
  const fusion = fitFusion(examples, options.seed);
  return {
    text,
    image,
    fusion,
    report: {
      pages: examples.length,
      families: new Set(examples.map((e) => e.group)).size,
      rendered,
      extra: options.extra?.length ?? 0,
      seconds: Math.round((performance.now() - t0) / 100) / 10,
    },
  };
}

/** The training families of the generated corpus as training pages (rendered, cached), plus `extra`. */
export async function trainingExamples(
  options: TrainOptions,
): Promise<{ examples: TrainingPage[]; rendered: number }> {
  const say = options.onProgress ?? (() => undefined);
  const corpus = generateCorpus(options).filter((p) => p.split === 'train');
  say(`corpus: ${corpus.length} training pages in ${new Set(corpus.map((p) => p.family)).size} families`);
  const signals = await renderSignals(corpus, (done, total) => {
    if (done % 100 === 0 || done === total) say(`rendered ${done} / ${total}`);
  });
  const examples: TrainingPage[] = [
    ...corpus.map((p: CorpusPage) => ({
      text: textOfHtml(p.html),
      signals: signals.get(p.id),
      label: p.label,
      group: p.family,
    })),
    ...(options.extra ?? []),
  ];
  return { examples, rendered: signals.size };
}

/** The text and image models trained on `examples`. */
export function fitBoth(examples: TrainingPage[], seed: number) {
  const textPages: TextTrainingPage[] = examples.map((e) => ({
    text: e.text,
    label: e.label,
    group: e.group,
  }));
  const imageExamples: ImageExample[] = examples.flatMap((e) =>
    e.signals
      ? [{ features: e.signals.features, phash: e.signals.phash, label: e.label, family: e.group }]
      : [],
  );
  return { text: trainTextModel(textPages, { seed }), image: trainImageModel(imageExamples, { seed }) };
}

/**
 * Deals whole families (groups) to `folds` folds in a seeded order, scam and legitimate families
 * separately, so every fold trains on pages of both labels.
 */
export function familyFolds(
  examples: readonly TrainingPage[],
  folds: number,
  seed: number,
): Map<string, number> {
  const foldOf = new Map<string, number>();
  const rng = new Rng(seed, 7);
  for (const label of ['scam', 'legitimate'] as const) {
    const families = [...new Set(examples.filter((e) => e.label === label).map((e) => e.group))].sort();
    for (let i = families.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [families[i], families[j]] = [families[j]!, families[i]!];
    }
    for (const [i, f] of families.entries()) foldOf.set(f, i % folds);
  }
  return foldOf;
}

/**
 * Fits the fusion's threshold (and the single-model fallbacks) on out-of-fold log-odds of both models,
 * by family folds.
 */
export function fitFusion(examples: TrainingPage[], seed: number): FusionModel {
  const foldOf = familyFolds(examples, FUSION_FOLDS, seed);
  const rows: Array<{ t: number; i: number | null; y: 0 | 1 }> = [];
  const clipped = (p: number) => Math.max(-FUSION_LOG_ODDS_CLIP, Math.min(FUSION_LOG_ODDS_CLIP, logit(p)));
  for (let k = 0; k < FUSION_FOLDS; k++) {
    const trainSet = examples.filter((e) => foldOf.get(e.group) !== k);
    const held = examples.filter((e) => foldOf.get(e.group) === k);
    if (held.length === 0) continue;
    const models = fitBoth(trainSet, seed + k + 1);
    for (const e of held) {
      rows.push({
        t: clipped(scoreText(models.text, e.text).probability),
        i: e.signals
          ? clipped(scoreImage(models.image, e.signals.features, e.signals.phash).probability)
          : null,
        y: e.label === 'scam' ? 1 : 0,
      });
    }
  }
  const fitLogistic = (xs: number[][], ys: (0 | 1)[]) =>
    trainLogistic(
      xs.map((x, n) => ({ x: dense(Float32Array.from(x)), y: ys[n]! })),
      xs[0]!.length,
      { epochs: 200, l2: FUSION_L2, learningRate: 0.1, seed },
    );
  const both = rows.filter((r) => r.i !== null);
  const textOnly = fitLogistic(
    rows.map((r) => [r.t]),
    rows.map((r) => r.y),
  );
  const imageOnly = fitLogistic(
    both.map((r) => [r.i!]),
    both.map((r) => r.y),
  );
  const { text, image, bias } = FUSION_WEIGHTS;
  const fused = both.map((r) => sigmoid(bias + text * r.t + image * r.i!));
  const chosen = thresholdForPrecision(
    fused,
    both.map((r) => r.y),
    TARGET_PRECISION,
  );
  const body = {
    logOddsClip: FUSION_LOG_ODDS_CLIP,
    text,
    image,
    bias,
    textOnly: { text: textOnly.weights[0]!, bias: textOnly.bias },
    imageOnly: { image: imageOnly.weights[0]!, bias: imageOnly.bias },
    threshold: Math.min(0.95, Math.max(0.5, Number.isFinite(chosen) ? chosen : 0.95)),
  };
  const hash = createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 12);
  return { version: `fusion-2+${hash}`, ...body };
}
