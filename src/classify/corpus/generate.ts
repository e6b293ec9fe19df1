import { Rng } from '../../simulate/rng.js';
import type { CorpusPage } from '../types.js';
import { FAMILIES, splitOf } from './families.js';

/** Options of the synthetic corpus: the seed and how many pages each family gets. */
export interface SyntheticCorpusOptions {
  seed: number;
  perFamily: number;
}

/**
 * The generated pages of every family: `perFamily` each, languages taken in turn so every language of a
 * family appears once it has as many pages as languages. Each family draws from its own stream (seed and
 * family index), so adding a family does not change the others' pages.
 */
export function generateSyntheticCorpus(options: SyntheticCorpusOptions): CorpusPage[] {
  const pages: CorpusPage[] = [];
  FAMILIES.forEach((template, familyIndex) => {
    const rng = new Rng(options.seed, familyIndex + 1);
    const offset = rng.int(template.languages.length);
    for (let i = 0; i < options.perFamily; i++) {
      const language = template.languages[(offset + i) % template.languages.length]!;
      const page = template.make(rng.fork(i), language);
      pages.push({
        id: `${template.family}/${options.seed}-${i}`,
        family: template.family,
        label: template.label,
        language,
        html: page.html,
        split: splitOf(template.family),
      });
    }
  });
  return pages;
}
