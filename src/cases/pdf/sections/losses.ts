import type { Dossier } from '../../types.js';
import { lossesByCountry, paymentMethodCounts, victimLosses } from '../figures.js';
import { formatCount, formatCountry, formatMoney, humanise } from '../format.js';
import { note, type Pen, subHeading, table } from '../layout.js';
import { LIMITS, limited } from '../limits.js';
import { cleanLine } from '../text.js';

/** Section 3: the dossier's victims and their losses by country and currency, and how they paid. */
export function lossesSection(pen: Pen, dossier: Dossier): void {
  const victims = dossier.victims;
  if (victims.length === 0) {
    note(pen, 'The dossier lists no victims.');
    return;
  }
  note(
    pen,
    `From the ${formatCount(victims.length)} victims listed in this dossier (section 9). ` +
      'The key figures on the cover count every report of the operations.',
  );
  subHeading(pen, 'By country and currency');
  const rows = limited(lossesByCountry(victims), LIMITS.indicators);
  table(
    pen,
    [
      { header: 'Country', width: 2.2 },
      { header: 'Victims', width: 0.8, align: 'right' },
      { header: 'Currency', width: 0.8 },
      { header: 'Total lost', width: 1.4, align: 'right' },
      { header: 'Victims who lost in it', width: 1.2, align: 'right' },
    ],
    rows.shown.map((r) => [
      r.country ? formatCountry(r.country) : 'unknown',
      formatCount(r.victims),
      r.currency ? cleanLine(r.currency, 8) : '—',
      r.currency ? formatMoney(r.total, r.currency) : 'no loss reported',
      formatCount(r.victimsWithLoss),
    ]),
  );
  if (rows.omitted) note(pen, `${rows.omitted} more rows are in the package's data files.`);
  subHeading(pen, 'By currency');
  const totals = victimLosses(victims);
  table(
    pen,
    [
      { header: 'Currency', width: 1 },
      { header: 'Total lost', width: 2, align: 'right' },
      { header: 'Victims who lost in it', width: 1.5, align: 'right' },
    ],
    limited(totals, LIMITS.list).shown.map((t) => [
      cleanLine(t.currency, 8),
      formatMoney(t.value, t.currency),
      formatCount(victims.filter((v) => v.losses.some((l) => l.currency === t.currency)).length),
    ]),
  );
  subHeading(pen, 'Payment methods');
  const methods = limited(paymentMethodCounts(victims), LIMITS.list);
  table(
    pen,
    [
      { header: 'Payment method', width: 3 },
      { header: 'Victims', width: 1, align: 'right' },
    ],
    methods.shown.map((m) => [humanise(m.method), formatCount(m.victims)]),
  );
  if (methods.omitted) note(pen, `${methods.omitted} more payment methods are in the package's data files.`);
}
