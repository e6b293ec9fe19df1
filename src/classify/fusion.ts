import { logit, sigmoid } from './logistic.js';
import type { ModelScore, PageLabel, Verdict } from './types.js';

/** What the crawler saw a page do, beyond its text and pixels. */
export interface PageSignals {
  behaviours: readonly string[];
  /** The page (text, dialogs, realm, URL or pixels) shows a phone number. */
  phoneShown: boolean;
  /** The page's text claims to be the system or its vendor (Windows, Defender, Apple, "your computer"). */
  claimsSystem: boolean;
}

/**
 * The fused model: a logistic combination of the two models' clipped log-odds, plus the crawler's
 * evidence; its threshold and single-model fallbacks are fitted on out-of-fold scores.
 */
export interface FusionModel {
  version: string;
  /**
   * Each model's log-odds are clipped to ±this before they are combined, so one model's certainty (a
   * probability of 1e-6 is −13.8) cannot outvote the other alone, and a few confident mistakes out of
   * fold do not flatten a model's weight. Absent: no clipping.
   */
  logOddsClip?: number;
  /** Weights of each model's clipped log-odds, and the bias (equal weights since fusion-2: see train.ts). */
  text: number;
  image: number;
  bias: number;
  /** Used when one model could not score the page (no text, or no screenshot). */
  textOnly: { text: number; bias: number };
  imageOnly: { image: number; bias: number };
  /** Probability at or above which the verdict is `scam`. */
  threshold: number;
}

/**
 * Log-odds added for what real scam pages do and real sites do not. Not learned: the generated corpus
 * has no behaviours; these are the field's rules (FIELD.md), checked on the crawled fixture site.
 */
export const BEHAVIOUR_EVIDENCE: Array<{
  when: (s: PageSignals) => boolean;
  logOdds: number;
  reason: string;
}> = [
  {
    when: (s) => s.phoneShown && s.claimsSystem,
    logOdds: 2.5,
    reason:
      'a phone number on a page that claims to be the system or its vendor (an error message with a number is always a scam)',
  },
  {
    when: (s) =>
      s.behaviours.some((b) => b === 'fullscreen' || b === 'keyboard_lock' || b === 'pointer_lock'),
    logOdds: 2,
    reason: 'went full screen or locked the keyboard or pointer after a click',
  },
  { when: (s) => s.behaviours.includes('dialog_loop'), logOdds: 2, reason: 'an endless loop of dialogs' },
  {
    when: (s) => s.behaviours.includes('history_flood') || s.behaviours.includes('beforeunload'),
    logOdds: 1,
    reason: 'tries to stop the visitor from leaving (history flood, beforeunload)',
  },
  {
    when: (s) => s.behaviours.includes('speech') || (s.behaviours.includes('audio') && s.claimsSystem),
    logOdds: 1,
    reason: 'plays an alarm or speaks to the visitor',
  },
];

/** One calibrated probability with reasons, from whichever models scored the page and what it did. */
export function fuse(
  model: FusionModel,
  text: ModelScore | null,
  image: ModelScore | null,
  signals: PageSignals | null,
  versions: { text?: string; image?: string } = {},
): Verdict {
  const limit = model.logOddsClip ?? Number.POSITIVE_INFINITY;
  const logOdds = (s: ModelScore) => Math.max(-limit, Math.min(limit, logit(s.probability)));
  let z: number;
  if (text && image) z = model.bias + model.text * logOdds(text) + model.image * logOdds(image);
  else if (text) z = model.textOnly.bias + model.textOnly.text * logOdds(text);
  else if (image) z = model.imageOnly.bias + model.imageOnly.image * logOdds(image);
  else z = 0;
  const reasons: string[] = [];
  if (text)
    reasons.push(`text model ${pct(text.probability)}${text.reasons[0] ? `: ${text.reasons[0]}` : ''}`);
  if (image)
    reasons.push(`image model ${pct(image.probability)}${image.reasons[0] ? `: ${image.reasons[0]}` : ''}`);
  for (const e of signals ? BEHAVIOUR_EVIDENCE : []) {
    if (e.when(signals!)) {
      z += e.logOdds;
      reasons.push(e.reason);
    }
  }
  const probability = sigmoid(z);
  const verdict: PageLabel = probability >= model.threshold ? 'scam' : 'legitimate';
  return { verdict, probability, text, image, reasons, models: { ...versions, fusion: model.version } };
}

/** Words by which a page claims to be the operating system, a browser or a security vendor. */
const SYSTEM_CLAIM_RE =
  /\b(?:windows|microsoft|defender|apple|icloud|mac ?os|your (?:computer|pc|device|mac|browser)|votre (?:ordinateur|pc)|ihr (?:computer|pc)|su (?:ordenador|equipo)|firewall|norton|mcafee|geek squad)\b|コンピュータ|ウイルス|マイクロソフト/i;

/** True when a page's text claims to speak for the system or a security vendor. */
export function claimsSystem(text: string): boolean {
  return SYSTEM_CLAIM_RE.test(text.slice(0, 20_000));
}

const pct = (p: number) => `${Math.round(p * 100)}%`;
