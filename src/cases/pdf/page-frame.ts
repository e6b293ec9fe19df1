import type { Dossier } from '../types.js';
import { formatTime } from './format.js';
import { COLOURS, contentWidth, leftEdge, type Pen, SIZES, setFont } from './layout.js';
import { cleanLine } from './text.js';
import { tlpMarking } from './tlp.js';

function drawHeader(pen: Pen, dossier: Dossier): void {
  const { doc } = pen;
  const marking = tlpMarking(dossier.case.tlp);
  const top = 28;
  const right = leftEdge(doc) + contentWidth(doc);
  setFont(pen, marking.label, 'bold', 10);
  const labelWidth = doc.widthOfString(marking.label) + 12;
  // FIRST's TLP 2.0: the label in its colour on black, top right of every page.
  doc.rect(right - labelWidth, top - 4, labelWidth, 18).fill('#000000');
  doc.fillColor(marking.colour).text(marking.label, right - labelWidth + 6, top, { lineBreak: false });
  const title = `${cleanLine(dossier.case.reference, 60)} · Referral dossier`;
  setFont(pen, title, 'bold', SIZES.small + 1);
  doc.fillColor(COLOURS.accent).text(title, leftEdge(doc), top + 1, {
    width: contentWidth(doc) - labelWidth - 12,
    lineBreak: false,
    ellipsis: true,
  });
  doc
    .moveTo(leftEdge(doc), top + 22)
    .lineTo(right, top + 22)
    .lineWidth(0.5)
    .strokeColor(COLOURS.rule)
    .stroke();
}

function drawFooter(pen: Pen, dossier: Dossier, page: number, pages: number): void {
  const { doc } = pen;
  const y = doc.page.height - 40;
  const right = leftEdge(doc) + contentWidth(doc);
  doc
    .moveTo(leftEdge(doc), y - 6)
    .lineTo(right, y - 6)
    .lineWidth(0.5)
    .strokeColor(COLOURS.rule)
    .stroke();
  const left = `${tlpMarking(dossier.case.tlp).label} · generated ${formatTime(dossier.generatedAt)} by Dragnet`;
  setFont(pen, left, 'regular', SIZES.small);
  doc.fillColor(COLOURS.muted).text(left, leftEdge(doc), y, { lineBreak: false });
  const count = `page ${page} of ${pages}`;
  doc.text(count, right - doc.widthOfString(count), y, { lineBreak: false });
}

/**
 * Writes the header (case reference, TLP marking) and footer (page N of M) on every buffered page, once
 * the content is laid out and the page count is known.
 */
export function drawPageFrames(pen: Pen, dossier: Dossier): void {
  const { doc } = pen;
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    // Header and footer sit in the margins: without this, text there would start a new page.
    const margins = doc.page.margins;
    doc.page.margins = { top: 0, bottom: 0, left: margins.left, right: margins.right };
    drawHeader(pen, dossier);
    drawFooter(pen, dossier, i - start + 1, count);
    doc.page.margins = margins;
  }
}
