import type { Dossier } from '../../types.js';
import { drawTimeline, timelineOf } from '../chart.js';
import { formatCount, formatDay } from '../format.js';
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
import { cleanLine } from '../text.js';
import { operationsShown } from './operations.js';

const UNIT_WORD = { day: 'day', week: 'week (weeks start on Monday)', month: 'month', year: 'year' } as const;

/** Section 4: reports over time across the case's operations, as a bar chart, and each operation's span. */
export function timelineSection(pen: Pen, dossier: Dossier): void {
  const { doc } = pen;
  const timeline = timelineOf(dossier.operations);
  if (timeline.bins.length === 0) {
    note(pen, 'No dated reports.');
  } else {
    const total = timeline.bins.reduce((s, b) => s + b.reports, 0);
    const busiest = timeline.bins.reduce((a, b) => (b.reports > a.reports ? b : a));
    paragraph(
      pen,
      `Reports per ${UNIT_WORD[timeline.unit]}, all operations together: ${formatCount(total)} reports from ` +
        `${timeline.bins[0]?.start} to ${timeline.bins[timeline.bins.length - 1]?.start}. ` +
        `Busiest ${timeline.unit}: ${busiest.start} (${formatCount(busiest.reports)} reports).`,
    );
    const height = 230;
    ensureSpace(pen, height + 10);
    const top = doc.y + 4;
    drawTimeline(pen, timeline, { x: leftEdge(doc), y: top, width: contentWidth(doc), height });
    doc.y = top + height + 12;
    doc.x = leftEdge(doc);
  }
  subHeading(pen, 'Operations');
  table(
    pen,
    [
      { header: 'Operation', width: 2 },
      { header: 'First report', width: 1 },
      { header: 'Last report', width: 1 },
      { header: 'Reports', width: 0.8, align: 'right' },
    ],
    operationsShown(pen, dossier).map((op) => [
      cleanLine(op.id, 80),
      formatDay(op.profile.activePeriod.first ?? op.firstSeen),
      formatDay(op.profile.activePeriod.last ?? op.lastSeen),
      formatCount(op.reportCount),
    ]),
  );
}
