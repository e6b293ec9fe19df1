import type { Dossier } from '../../types.js';
import { victimsByCountry } from '../figures.js';
import { formatCount, formatCountry } from '../format.js';
import {
  contentWidth,
  ensureSpace,
  leftEdge,
  note,
  type Pen,
  paragraph,
  subHeading,
  table,
} from '../layout.js';
import { LIMITS, limited } from '../limits.js';
import { drawMapLegend, drawWorldMap, mappable } from '../map.js';

/** Section 5: victims by country on a world map (Equal Earth), with a legend and the counts as a table. */
export function geographySection(pen: Pen, dossier: Dossier): void {
  const { doc } = pen;
  const byCountry = victimsByCountry(dossier);
  if (byCountry.length === 0) {
    note(pen, "No victim's country is known.");
    return;
  }
  const total = byCountry.reduce((s, c) => s + c.count, 0);
  paragraph(
    pen,
    `Victims' countries across all reports of the case's operations: ${formatCount(total)} victims in ` +
      `${formatCount(byCountry.length)} countries. Darker is more victims.`,
  );
  const width = contentWidth(doc);
  // Equal Earth is about twice as wide as it is tall.
  const height = width / 2.05;
  ensureSpace(pen, height + 30);
  const top = doc.y + 4;
  const classes = drawWorldMap(pen, new Map(byCountry.map((c) => [c.country, c.count])), {
    x: leftEdge(doc),
    y: top,
    width,
    height,
  });
  drawMapLegend(pen, classes, { x: leftEdge(doc), y: top + height + 8 });
  doc.x = leftEdge(doc);
  doc.y = top + height + 26;
  const unmapped = byCountry.filter((c) => !mappable(c.country));
  if (unmapped.length)
    note(
      pen,
      `Not drawn at this scale: ${limited(unmapped, LIMITS.list)
        .shown.map((c) => `${formatCountry(c.country)} ${formatCount(c.count)}`)
        .join(', ')}.`,
    );
  subHeading(pen, 'Victims by country');
  const rows = limited(byCountry, LIMITS.indicators);
  table(
    pen,
    [
      { header: 'Country', width: 3 },
      { header: 'Victims', width: 1, align: 'right' },
      { header: 'Share', width: 1, align: 'right' },
    ],
    rows.shown.map((c) => [
      formatCountry(c.country),
      formatCount(c.count),
      `${((100 * c.count) / total).toFixed(1)} %`,
    ]),
  );
  if (rows.omitted) note(pen, `${rows.omitted} more countries are in the package's data files.`);
}
