import { generateCorpus } from './corpus/index.js';
import { renderSignals, textOfHtml } from './dataset.js';
import { fuse } from './fusion.js';
import { scoreImage } from './image-model.js';
import { precisionRecallAt, rocAuc, thresholdForPrecision } from './metrics.js';
import type { Models } from './models.js';
import { scoreText } from './text-model.js';

/** One model's figures on the held-out families. */
export interface ClassifierScore {
  model: 'text' | 'image' | 'fusion';
  threshold: number;
  precision: number;
  recall: number;
  rocAuc: number;
  /** The best recall at precision ≥ 0.99 (what the threshold could reach). */
  recallAtPrecision99: number;
}

/** The evaluation: figures per model, and what they were measured on. */
export interface ClassifierEvaluation {
  scores: ClassifierScore[];
  pages: number;
  scamPages: number;
  families: string[];
  unrendered: number;
  targets: { precision: number; recall: number; met: boolean };
}

/**
 * Scores the models on the corpus's held-out families (never seen in training): each model alone at its
 * threshold, and the fusion at its own; ROC-AUC and the recall that precision 0.99 allows.
 */
export async function evaluateModels(
  models: Models,
  options: { seed: number; perFamily: number; includeDebianDocs: boolean },
): Promise<ClassifierEvaluation> {
  const pages = generateCorpus(options).filter((p) => p.split === 'test');
  const signals = await renderSignals(pages);
  const labels = pages.map((p) => (p.label === 'scam' ? 1 : 0) as 0 | 1);
  const text = pages.map((p) => scoreText(models.text, textOfHtml(p.html)));
  const image = pages.map((p) => {
    const s = signals.get(p.id);
    return s ? scoreImage(models.image, s.features, s.phash) : null;
  });
  const fused = pages.map((_, i) => fuse(models.fusion, text[i]!, image[i]!, null).probability);
  const row = (model: ClassifierScore['model'], scores: number[], threshold: number): ClassifierScore => {
    const at = precisionRecallAt(scores, labels, threshold);
    const best = thresholdForPrecision(scores, labels, 0.99);
    return {
      model,
      threshold,
      precision: at.precision,
      recall: at.recall,
      rocAuc: rocAuc(scores, labels),
      recallAtPrecision99: Number.isFinite(best) ? precisionRecallAt(scores, labels, best).recall : 0,
    };
  };
  const fusion = row('fusion', fused, models.fusion.threshold);
  return {
    scores: [
      row(
        'text',
        text.map((t) => t.probability),
        0.5,
      ),
      // A page that did not render has no image score: counted as 0.5 (undecided).
      row(
        'image',
        image.map((s) => s?.probability ?? 0.5),
        0.5,
      ),
      fusion,
    ],
    pages: pages.length,
    scamPages: labels.filter((y) => y === 1).length,
    families: [...new Set(pages.map((p) => p.family))].sort(),
    unrendered: pages.length - signals.size,
    targets: { precision: 0.99, recall: 0.95, met: fusion.precision >= 0.99 && fusion.recall >= 0.95 },
  };
}
