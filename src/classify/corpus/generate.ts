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
 * family name), so adding or reordering families does not change the others' pages.
 */
export function generateSyntheticCorpus(options: SyntheticCorpusOptions): CorpusPage[] {
  const pages: CorpusPage[] = [];
  for (const template of FAMILIES) {
    const rng = new Rng(options.seed, nameHash(template.family));
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
  }
  return pages;
}

/** FNV-1a of a family name: its stream label. */
function nameHash(name: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}
