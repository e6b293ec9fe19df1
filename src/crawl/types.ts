import type { Verdict } from '../classify/types.js';

/** A browser profile: what the crawler pretends to be. Kits route visitors by user agent and referrer. */
export interface CrawlProfile {
  name: 'windows-chrome' | 'windows-edge' | 'windows-firefox' | 'mac-safari';
  userAgent: string;
  viewport: { width: number; height: number };
  /** `navigator.platform` as the page sees it. */
  platform: string;
  locale: string;
  /** Where the visit pretends to come from (a search engine or an ad network). */
  referrer: string;
}

/** Anti-close and lock-in tricks the page tried, as recorded by the init script and the browser's events. */
export const BEHAVIOURS = [
  'fullscreen',
  'pointer_lock',
  'keyboard_lock',
  'audio',
  'speech',
  'beforeunload',
  'history_flood',
  'context_menu_disabled',
  'dialog_loop',
  'window_open',
  'window_resize',
  'download',
  'basic_auth',
  'cursor_hidden',
] as const;
export type Behaviour = (typeof BEHAVIOURS)[number];

/** A kit fingerprint: an id or hash that the same kit carries across domains. */
export interface Fingerprint {
  /** `tracking_id` (analytics, tag manager, call tracking, chat widget) or `asset_hash` (SHA-256 of a script, image or audio body). */
  kind: 'tracking_id' | 'asset_hash';
  /** Indicator value: `ga:G-ABC123`, `gtm:GTM-XYZ`, `tawk:5f…/1…`, or `sha256:<hex>` for an asset. */
  value: string;
  /** Where it was seen: a script URL, `html`, an asset URL. */
  source: string;
}

/** Where a phone number on the page came from. */
export type PhoneSource = 'text' | 'url' | 'dialog' | 'auth_realm' | 'title' | 'response' | 'ocr';

export interface PhoneFound {
  /** E.164. */
  e164: string;
  raw: string;
  source: PhoneSource;
}

/** One network response the page received (bounded: the first few hundred). */
export interface ResponseSeen {
  url: string;
  status: number;
  contentType: string | null;
  /** SHA-256 of the body when it was read (scripts, images, audio, XML/JSON up to a size limit). */
  sha256?: string;
  size?: number;
}

/** Everything one visit captured. Stored as JSON beside the blobs it names (by SHA-256). */
export interface Capture {
  url: string;
  profile: CrawlProfile['name'];
  /** UTC ISO times: chain of custody. */
  startedAt: string;
  finishedAt: string;
  finalUrl: string | null;
  redirectChain: string[];
  /** HTTP status of the main document (null when nothing answered). */
  status: number | null;
  title: string | null;
  /** Visible text (innerText of the body, bounded). */
  text: string;
  dialogs: Array<{ type: string; message: string }>;
  /** Realm strings of basic-auth challenges (scammers print the phone number there). */
  authRealms: string[];
  behaviours: Behaviour[];
  phones: PhoneFound[];
  fingerprints: Fingerprint[];
  responses: ResponseSeen[];
  /** Requests refused by the URL guard (private addresses and the like). */
  blocked: Array<{ url: string; reason: string }>;
  /** SHA-256 of stored blobs. */
  blobs: {
    html: string | null;
    screenshotBefore: string | null;
    screenshotAfter: string | null;
  };
  /** 64-bit perceptual hash of the screenshot before the click, as 16 hex digits. */
  phash: string | null;
  ocrText: string | null;
  /** Why the visit stopped early or failed (null when it completed). */
  error: string | null;
  /** The classifiers' verdict on the page (absent when no models were loaded). */
  verdict?: Verdict | null;
}
