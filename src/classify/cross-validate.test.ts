import { describe, expect, it } from 'vitest';
import { crossValidateModels } from './cross-validate.js';
import { IMAGE_FEATURE_LENGTH } from './image-features.js';
import type { TrainingPage } from './train.js';

/** A family of pages: scam ones say scam things and look saturated, legitimate ones neither. */
function family(group: string, label: 'scam' | 'legitimate', count: number): TrainingPage[] {
  const words =
    label === 'scam'
      ? ['Your computer is infected', 'Call support now', 'Do not restart your PC', 'Virus detected']
      : ['Opening hours of the library', 'Add to cart', 'Installing the server', 'Council votes budget'];
  return Array.from({ length: count }, (_, i) => {
    const level = label === 'scam' ? 0.7 + (i % 3) * 0.05 : 0.25 + (i % 3) * 0.05;
    return {
      text: { title: `${group} ${i}`, text: `${words[i % 4]}. ${words[(i + 1) % 4]}.`, dialogs: [] },
      signals: {
        features: new Float32Array(IMAGE_FEATURE_LENGTH).fill(level),
        phash: (label === 'scam' ? '0' : 'f').repeat(15) + i.toString(16).slice(-1),
      },
      label,
      group,
    };
  });
}

describe('crossValidateModels', () => {
  const pages = [
    ...family('scam/a', 'scam', 6),
    ...family('scam/b', 'scam', 6),
    ...family('scam/c', 'scam', 6),
    ...family('legit/a', 'legitimate', 6),
    ...family('legit/b', 'legitimate', 6),
    ...family('legit/c', 'legitimate', 6),
  ];

  it('scores left-out families with models trained without them, for each model and the fusion', () => {
    const scores = crossValidateModels(pages, { seed: 1, folds: 3, repeats: 1 });
    expect(scores.map((s) => s.model)).toEqual(['text', 'image', 'fusion']);
    for (const s of scores) {
      expect(s.rocAuc).toBeGreaterThan(0.9);
      for (const family of Object.keys(s.errorsByFamily))
        expect(pages.some((p) => p.group === family)).toBe(true);
    }
  });

  it('is deterministic for a seed', () => {
    const once = crossValidateModels(pages, { seed: 2, folds: 3, repeats: 1 });
    expect(crossValidateModels(pages, { seed: 2, folds: 3, repeats: 1 })).toEqual(once);
  });
});
