import type { Dossier, SharedIndicator } from '../../types.js';
import { formatCount, formatDay, indicatorDisplay, indicatorLabel } from '../format.js';
import { note, type Pen, table } from '../layout.js';
import { LIMITS, limited } from '../limits.js';
import { operationHeading, operationsShown } from './operations.js';

function indicatorRow(i: SharedIndicator): string[] {
  return [
    indicatorLabel(i.kind),
    indicatorDisplay(i.kind, i.value),
    formatCount(i.reportCount),
    formatDay(i.firstSeen),
    formatDay(i.lastSeen),
    formatDay(i.expiresAt),
  ];
}

/** Section 6: each operation's indicators with their counts, first and last seen, and expiry. */
export function indicatorsSection(pen: Pen, dossier: Dossier): void {
  note(
    pen,
    'Expires: the day an indicator stops being worth acting on if not seen again (phone numbers within days, ' +
      'wallets and bank accounts within a year).',
  );
  for (const op of operationsShown(pen, dossier)) {
    operationHeading(pen, op);
    if (op.indicators.length === 0) {
      note(pen, 'No indicators.');
      continue;
    }
    const { shown, omitted } = limited(op.indicators, LIMITS.indicators);
    table(
      pen,
      [
        { header: 'Kind', width: 1.1 },
        { header: 'Value', width: 3.1 },
        { header: 'Reports', width: 0.75, align: 'right' },
        { header: 'First seen', width: 0.85 },
        { header: 'Last seen', width: 0.85 },
        { header: 'Expires', width: 0.85 },
      ],
      shown.map(indicatorRow),
    );
    if (omitted)
      note(
        pen,
        `${formatCount(omitted)} more indicators of this operation are in the package's indicator list, not printed here.`,
      );
  }
}
