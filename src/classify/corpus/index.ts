/** The page classifiers' corpus: generator, split, Debian documentation, and the text a page shows. */
export { type CorpusOptions, generateCorpus } from './corpus.js';
export { readDebianDocs } from './debian-docs.js';
export { dialogsOf } from './dialogs.js';
export { DEBIAN_DOC_FAMILY, FAMILIES, splitOf, TEST_FAMILIES } from './families.js';
export { visibleText } from './visible-text.js';
