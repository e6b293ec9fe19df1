import type { Dossier } from '../../types.js';
import { formatCount, formatTime, humanise } from '../format.js';
import { note, type Pen, table } from '../layout.js';
import { LIMITS, limited } from '../limits.js';
import { cleanLine } from '../text.js';

/** Section 10: the case's history, oldest first as recorded. */
export function historySection(pen: Pen, dossier: Dossier): void {
  const events = dossier.case.events;
  if (events.length === 0) {
    note(pen, 'No events recorded.');
    return;
  }
  const { shown, omitted } = limited(events, LIMITS.events);
  table(
    pen,
    [
      { header: 'When', width: 1.2 },
      { header: 'What', width: 0.9 },
      { header: 'Details', width: 4 },
    ],
    shown.map((e) => [formatTime(e.at), humanise(e.kind), cleanLine(e.text, LIMITS.event)]),
  );
  if (omitted) note(pen, `${formatCount(omitted)} later events are in the package's data files.`);
}
