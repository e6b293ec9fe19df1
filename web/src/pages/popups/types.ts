// The shapes of GET /api/crawls and GET /api/crawls/:id (src/store/crawls.ts, src/crawl/types.ts).
import type { CaptureItem } from '../../components/operation/types';

/** An analyst's label of a crawled page (the latest one counts for training). */
export interface PageLabel {
  label: 'scam' | 'legitimate';
  author?: string | null;
  note?: string | null;
  createdAt?: string | null;
}

/** One capture in the list, with its latest label when the server sends it. */
export interface CaptureListItem extends CaptureItem {
  label?: PageLabel | null;
}

/** One model's opinion of the page. */
export interface ModelScore {
  probability: number;
  reasons: string[];
}

/** The classifiers' fused verdict. */
export interface Verdict {
  verdict: 'scam' | 'legitimate';
  probability: number;
  text: ModelScore | null;
  image: ModelScore | null;
  reasons: string[];
  models: { text?: string; image?: string; fusion: string };
}

/** Everything one visit captured. */
export interface Capture {
  url: string;
  profile: string;
  startedAt: string;
  finishedAt: string;
  finalUrl: string | null;
  redirectChain: string[];
  status: number | null;
  title: string | null;
  text: string;
  dialogs: Array<{ type: string; message: string }>;
  authRealms: string[];
  behaviours: string[];
  phones: Array<{ e164: string; raw: string; source: string }>;
  fingerprints: Array<{ kind: string; value: string; source: string }>;
  blocked: Array<{ url: string; reason: string }>;
  blobs: { html: string | null; screenshotBefore: string | null; screenshotAfter: string | null };
  phash: string | null;
  ocrText: string | null;
  error: string | null;
  verdict?: Verdict | null;
}

/** A stored capture with its row's metadata (GET /api/crawls/:id). */
export interface StoredCapture {
  id: string;
  origin: string;
  reportId: string | null;
  operationId: string | null;
  capture: Capture;
  /** The latest label, when the server sends it. */
  label?: PageLabel | null;
}
