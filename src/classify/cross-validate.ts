/**
 * Grouped cross-validation over the training families: what design choices are made on, so that the
 * held-out families stay a test. Each fold leaves out whole families; the text and image models and the
 * fusion (with its threshold, fitted on inner out-of-fold scores) are trained on the others exactly as
 * `trainModels` trains them, and the left-out pages are scored as a new family would be.
 */
import { fuse } from './fusion.js';
import { scoreImage } from './image-model.js';
import { precisionRecallAt, rocAuc, thresholdForPrecision } from './metrics.js';
import { scoreText } from './text-model.js';
import { familyFolds, fitBoth, fitFusion, type TrainingPage } from './train.js';

/** One model's figures over the pooled left-out pages of every fold. */
export interface CrossValidatedScore {
  model: 'text' | 'image' | 'fusion';
  /** At each fold's own threshold (0.5 for a single model, the fitted one for the fusion). */
  precision: number;
  recall: number;
  rocAuc: number;
  recallAtPrecision99: number;
  /** Left-out pages wrongly called, by family. */
  errorsByFamily: Record<string, number>;
}

/** How to cross-validate: folds of whole families, repeated with other deals of the families. */
export interface CrossValidationOptions {
  seed: number;
  folds?: number;
  repeats?: number;
}

/**
 * Cross-validates the shipped design on `examples` (pages with screenshots only, so the fusion always
 * has both models). Deterministic for a seed; costs (folds × repeats) trainings.
 */
export function crossValidateModels(
  examples: readonly TrainingPage[],
  options: CrossValidationOptions,
): CrossValidatedScore[] {
  const pages = examples.filter((e) => e.signals);
  const folds = options.folds ?? 4;
  const scored: Array<{ text: number; image: number; fused: number; called: boolean; page: TrainingPage }> =
    [];
  for (let repeat = 0; repeat < (options.repeats ?? 2); repeat++) {
    const foldOf = familyFolds(pages, folds, options.seed + 100 + repeat);
    for (let fold = 0; fold < folds; fold++) {
      const inner = pages.filter((e) => foldOf.get(e.group) !== fold);
      const held = pages.filter((e) => foldOf.get(e.group) === fold);
      if (held.length === 0) continue;
      const models = fitBoth(inner, options.seed);
      const fusion = fitFusion(inner, options.seed);
      for (const page of held) {
        const text = scoreText(models.text, page.text);
        const image = scoreImage(models.image, page.signals!.features, page.signals!.phash);
        const fused = fuse(fusion, text, image, null);
        scored.push({
          text: text.probability,
          image: image.probability,
          fused: fused.probability,
          called: fused.verdict === 'scam',
          page,
        });
      }
    }
  }
  const labels = scored.map((s) => (s.page.label === 'scam' ? 1 : 0) as 0 | 1);
  const row = (
    model: CrossValidatedScore['model'],
    scores: number[],
    called: boolean[],
  ): CrossValidatedScore => {
    const best = thresholdForPrecision(scores, labels, 0.99);
    let truePositives = 0;
    let falsePositives = 0;
    const errorsByFamily: Record<string, number> = {};
    called.forEach((c, i) => {
      if (c && labels[i] === 1) truePositives++;
      if (c && labels[i] === 0) falsePositives++;
      if (c !== (labels[i] === 1)) {
        const family = scored[i]!.page.group;
        errorsByFamily[family] = (errorsByFamily[family] ?? 0) + 1;
      }
    });
    const positives = labels.filter((y) => y === 1).length;
    return {
      model,
      precision: truePositives + falsePositives === 0 ? 1 : truePositives / (truePositives + falsePositives),
      recall: positives === 0 ? 0 : truePositives / positives,
      rocAuc: rocAuc(scores, labels),
      recallAtPrecision99: Number.isFinite(best) ? precisionRecallAt(scores, labels, best).recall : 0,
      errorsByFamily,
    };
  };
  const single = (key: 'text' | 'image') =>
    row(
      key,
      scored.map((s) => s[key]),
      scored.map((s) => s[key] >= 0.5),
    );
  return [
    single('text'),
    single('image'),
    row(
      'fusion',
      scored.map((s) => s.fused),
      scored.map((s) => s.called),
    ),
  ];
}
