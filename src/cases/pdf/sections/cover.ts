import type { Dossier } from '../../types.js';
import { keyFigures } from '../figures.js';
import { formatCount, formatCountry, formatMoney, formatTime, humanise } from '../format.js';
import {
  COLOURS,
  contentWidth,
  keyValues,
  leftEdge,
  type Pen,
  paragraph,
  SIZES,
  setFont,
  subHeading,
} from '../layout.js';
import { LIMITS, limited } from '../limits.js';
import { cleanBlock, cleanLine } from '../text.js';
import { tlpMarking } from '../tlp.js';

/** What the recipient may see of victims, said plainly on the cover and before the victims. */
export function personalDataStatement(dossier: Dossier): string {
  return dossier.recipient.personalData
    ? "Victims' personal data included: the recipient is authorised to receive it."
    : "Victims' personal data redacted: the recipient is not authorised.";
}

/** The top of the first page: what the document is, the case's title and reference, its TLP and meaning. */
export function coverTitle(pen: Pen, dossier: Dossier): void {
  const { doc } = pen;
  const width = contentWidth(doc);
  paragraph(pen, 'Referral dossier — tech support scam', { size: SIZES.h2, colour: COLOURS.muted, gap: 2 });
  paragraph(pen, cleanLine(dossier.case.title) || 'Untitled case', {
    weight: 'bold',
    size: SIZES.title,
    colour: COLOURS.accent,
    gap: 0,
  });
  paragraph(pen, cleanLine(dossier.case.reference, 60), { size: SIZES.h2, gap: 10 });
  const marking = tlpMarking(dossier.case.tlp);
  setFont(pen, marking.label, 'bold', 11);
  const labelWidth = doc.widthOfString(marking.label) + 16;
  const top = doc.y;
  doc.rect(leftEdge(doc), top, labelWidth, 20).fill('#000000');
  doc.fillColor(marking.colour).text(marking.label, leftEdge(doc) + 8, top + 5, { lineBreak: false });
  setFont(pen, marking.meaning, 'regular', SIZES.body);
  doc.fillColor(COLOURS.text).text(marking.meaning, leftEdge(doc) + labelWidth + 10, top + 1, {
    width: width - labelWidth - 10,
  });
  doc.x = leftEdge(doc);
  doc.y = Math.max(doc.y, top + 20) + 18;
}

/** Section 1: who the case is, for whom the dossier is, what it says in brief, and its key figures. */
export function coverSection(pen: Pen, dossier: Dossier): void {
  const c = dossier.case;
  const jurisdictions = limited(c.jurisdictions, LIMITS.list);
  keyValues(pen, [
    ['Reference', cleanLine(c.reference, 60)],
    ['Status', humanise(c.status)],
    ['Agency', cleanLine(c.agency) || '—'],
    [
      'Jurisdictions',
      jurisdictions.shown.map(formatCountry).join(', ') +
        (jurisdictions.omitted ? ` and ${jurisdictions.omitted} more` : '') || '—',
    ],
    ['Assignee', cleanLine(c.assignee) || '—'],
    ['TLP', tlpMarking(c.tlp).label],
    ['Case opened', formatTime(c.createdAt)],
    ['Generated', formatTime(dossier.generatedAt)],
    ['Recipient', cleanLine(dossier.recipient.name) || '—'],
    ['Personal data', personalDataStatement(dossier)],
  ]);
  subHeading(pen, 'Summary');
  paragraph(pen, cleanBlock(c.summary) || 'No summary was written for this case.', { gap: 10 });
  subHeading(pen, 'Key figures');
  const figures = keyFigures(dossier);
  const countries = limited(figures.countries, LIMITS.list);
  keyValues(pen, [
    ['Operations', formatCount(figures.operations)],
    ['Reports', formatCount(figures.reports)],
    ['Victims in this dossier', formatCount(figures.victims)],
    [
      `Victims' countries (${formatCount(figures.countries.length)})`,
      countries.shown.map(formatCountry).join(', ') +
        (countries.omitted ? ` and ${countries.omitted} more` : '') || '—',
    ],
    [
      'Losses reported (all reports)',
      figures.losses.length
        ? limited(figures.losses, LIMITS.list)
            .shown.map((l) => formatMoney(l.value, l.currency))
            .join('\n')
        : 'none reported',
    ],
  ]);
}
