import { createHash } from 'node:crypto';
import type { Dossier, SharedCapture } from '../../types.js';
import { formatCount, formatTime, humanise } from '../format.js';
import {
  contentWidth,
  ensureSpace,
  keyValues,
  leftEdge,
  note,
  type Pen,
  pageContentHeight,
  paragraph,
  SIZES,
} from '../layout.js';
import { LIMITS, limited } from '../limits.js';
import { checkPng } from '../png.js';
import { cleanLine } from '../text.js';
import { operationHeading, operationsShown } from './operations.js';

/** Screenshots by the SHA-256 (hex) of their PNG bytes. */
export type Screenshots = Map<string, Buffer>;

function probability(p: number | null): string {
  return p !== null && Number.isFinite(p) ? `${(p * 100).toFixed(1)} %` : '—';
}

function captureFacts(pen: Pen, capture: SharedCapture): void {
  keyValues(pen, [
    ['URL', cleanLine(capture.url)],
    ['Final URL', cleanLine(capture.finalUrl) || '—'],
    ['Page title', cleanLine(capture.title) || '—'],
    ['Captured at', formatTime(capture.capturedAt)],
    ['Verdict', capture.verdict ? humanise(capture.verdict) : '—'],
    ['Scam probability', probability(capture.scamProbability)],
    ['Screenshot SHA-256', cleanLine(capture.screenshotSha256, 64) || 'no screenshot'],
  ]);
}

type Screenshot = { png: Buffer; width: number; height: number } | { problem: string };

/** The screenshot to show, or why it cannot be: missing, not matching its hash, or not a sound PNG. */
function screenshotOf(sha256: string, screenshots: Screenshots): Screenshot {
  const png = screenshots.get(sha256) ?? screenshots.get(sha256.toLowerCase());
  if (!png) return { problem: 'The screenshot is not in this package.' };
  if (createHash('sha256').update(png).digest('hex') !== sha256.toLowerCase())
    return { problem: 'The screenshot supplied does not match its SHA-256: not shown.' };
  const check = checkPng(png);
  if (!check.ok) return { problem: `The screenshot could not be shown: ${check.reason}.` };
  return { png, width: check.width, height: check.height };
}

function screenshot(pen: Pen, capture: SharedCapture, screenshots: Screenshots): void {
  const { doc } = pen;
  if (!capture.screenshotSha256) return;
  const shot = screenshotOf(capture.screenshotSha256, screenshots);
  if ('problem' in shot) {
    note(pen, shot.problem);
    return;
  }
  // Full width, but never taller than two thirds of a page (a full-page scroll capture is very tall).
  const maxHeight = (pageContentHeight(doc) * 2) / 3;
  const scale = Math.min(contentWidth(doc) / shot.width, maxHeight / shot.height);
  const width = shot.width * scale;
  const height = shot.height * scale;
  ensureSpace(pen, height + 16);
  const top = doc.y;
  doc.image(shot.png, leftEdge(doc), top, { width, height });
  doc.rect(leftEdge(doc), top, width, height).lineWidth(0.4).strokeColor('#999999').stroke();
  doc.x = leftEdge(doc);
  doc.y = top + height + 4;
  note(pen, `Screenshot as captured (${shot.width} × ${shot.height} pixels), SHA-256 verified.`);
}

/** Section 8: each operation's crawled pages: what was seen, the classifier's verdict, the screenshot. */
export function capturesSection(pen: Pen, dossier: Dossier, screenshots: Screenshots): void {
  for (const op of operationsShown(pen, dossier)) {
    operationHeading(pen, op);
    if (op.captures.length === 0) {
      note(pen, 'No crawled pages.');
      continue;
    }
    const { shown, omitted } = limited(op.captures, LIMITS.captures);
    shown.forEach((capture, i) => {
      ensureSpace(pen, 140);
      paragraph(pen, `Capture ${i + 1} of ${op.captures.length}: ${cleanLine(capture.id, 80)}`, {
        weight: 'bold',
        size: SIZES.body,
      });
      captureFacts(pen, capture);
      screenshot(pen, capture, screenshots);
      pen.doc.y += 8;
    });
    if (omitted)
      note(pen, `${formatCount(omitted)} more crawled pages are in the package, not printed here.`);
  }
}
