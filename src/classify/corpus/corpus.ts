import type { CorpusPage } from '../types.js';
import { readDebianDocs } from './debian-docs.js';
import { generateSyntheticCorpus } from './generate.js';

/** Options of the training and evaluation corpus. */
export interface CorpusOptions {
  seed: number;
  /** Pages per family (and the number of Debian documents, when they are included). */
  perFamily: number;
  /** Add real HTML from `/usr/share/doc` as the `legit/debian-doc` family (reads the disk). */
  includeDebianDocs?: boolean;
}

/**
 * The corpus for the page classifiers: `perFamily` generated pages per template family, split into train
 * and test by family (see `TEST_FAMILIES`), plus, when asked, real Debian documentation pages.
 * Deterministic: the same options give the same pages.
 */
export function generateCorpus(options: CorpusOptions): CorpusPage[] {
  const pages = generateSyntheticCorpus(options);
  if (options.includeDebianDocs) pages.push(...readDebianDocs({ limit: options.perFamily }));
  return pages;
}
