/** What a page is, for the classifiers. */
export type PageLabel = 'scam' | 'legitimate';

/**
 * One page of the training and evaluation corpus, made by the page generator (or read from Debian's
 * documentation). `family` is the template family (e.g. `scam/defender`, `legit/news`, `legit/debian-doc`);
 * train and test are split by family, so the test measures families the models never saw.
 */
export interface CorpusPage {
  id: string;
  family: string;
  label: PageLabel;
  /** ISO 639-1. */
  language: string;
  html: string;
  split: 'train' | 'test';
}

/** What the text model reads of a page: what a crawl captures (or what the HTML shows, for a file). */
export interface PageText {
  title: string;
  /** Visible text. */
  text: string;
  /** Alert, confirm, prompt and spoken texts. */
  dialogs: string[];
  /** OCR of the screenshot, when it was run. */
  ocrText?: string | null;
}

/** One model's opinion of a page. */
export interface ModelScore {
  /** Probability that the page is a scam, calibrated on held-out data. */
  probability: number;
  /** Why, most telling first (features with their weights, the nearest template …). */
  reasons: string[];
}

/** The fused verdict on a page. */
export interface Verdict {
  verdict: PageLabel;
  probability: number;
  text: ModelScore | null;
  image: ModelScore | null;
  reasons: string[];
  /** Versions of the models that produced it. */
  models: { text?: string; image?: string; fusion: string };
}
