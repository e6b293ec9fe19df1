import type { Tally } from '../../../score/profile.js';
import type { Dossier, SharedOperation } from '../../types.js';
import { formatCount, formatCountry, formatLosses, formatPeriod, formatTime, humanise } from '../format.js';
import { keyValues, note, type Pen, subHeading, table } from '../layout.js';
import { LIMITS, limited } from '../limits.js';
import { cleanLine } from '../text.js';
import { tlpMarking } from '../tlp.js';

const LANGUAGES = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

function language(code: string): string {
  const clean = cleanLine(code, 20);
  try {
    const name = LANGUAGES.of(clean);
    return name && name !== clean ? `${name} (${clean})` : clean;
  } catch {
    return clean;
  }
}

/** A tally as `popup (12), email (3)`, values shown by `show`. */
export function formatTally(tallies: Tally[], show: (value: string) => string = humanise): string {
  const { shown, omitted } = limited(tallies, LIMITS.list);
  if (shown.length === 0) return '—';
  const text = shown.map((t) => `${show(t.value)} (${formatCount(t.count)})`).join(', ');
  return omitted ? `${text}, and ${omitted} more` : text;
}

/** The heading every per-operation part of the dossier uses, so a reader can follow one operation. */
export function operationHeading(pen: Pen, op: SharedOperation): void {
  subHeading(pen, `Operation ${cleanLine(op.id, 80)}`, true);
}

/** The operations past the cap, said in a note (every section that goes per operation uses it). */
export function operationsShown(pen: Pen, dossier: Dossier): SharedOperation[] {
  const { shown, omitted } = limited(dossier.operations, LIMITS.operations);
  if (omitted) note(pen, `${omitted} more operations are in the package's data files, not in this document.`);
  return shown;
}

function operationFacts(pen: Pen, op: SharedOperation): void {
  const p = op.profile;
  keyValues(pen, [
    ['Operation', cleanLine(op.id, 80)],
    ['TLP', tlpMarking(op.tlp).label],
    ['Priority', Number.isFinite(op.priority) ? op.priority.toFixed(1) : '—'],
    ['Reports', formatCount(op.reportCount)],
    ['Active period', formatPeriod(p.activePeriod.first, p.activePeriod.last)],
    ['First and last seen', `${formatTime(op.firstSeen)} – ${formatTime(op.lastSeen)}`],
    ['Losses reported', formatLosses(limited(p.lossesByCurrency, LIMITS.list).shown)],
  ]);
}

function operationProfile(pen: Pen, op: SharedOperation): void {
  const { modusOperandi: mo, origin, targets } = op.profile;
  table(
    pen,
    [
      { header: 'Profile', width: 1 },
      { header: 'Observed (number of reports or values)', width: 3 },
    ],
    [
      ['Channels', formatTally(mo.channels)],
      ['Brands impersonated', formatTally(mo.brands, (v) => cleanLine(v))],
      ['Payment methods', formatTally(mo.paymentMethods)],
      ['Remote-access tools', formatTally(mo.remoteTools)],
      ['Languages', formatTally(mo.languages, language)],
      ['Origin: phone numbers', formatTally(origin.phoneCountries, formatCountry)],
      ['Origin: bank accounts', formatTally(origin.bankCountries, formatCountry)],
      ['Origin: hosting', formatTally(origin.hosting, (v) => cleanLine(v))],
      ['Target countries', formatTally(targets.victimCountries, formatCountry)],
    ],
  );
}

/** Section 2: each operation's facts and profile (modus operandi, origin signals, targets). */
export function operationsSection(pen: Pen, dossier: Dossier): void {
  if (dossier.operations.length === 0) {
    note(pen, 'The case has no operations.');
    return;
  }
  for (const op of operationsShown(pen, dossier)) {
    operationHeading(pen, op);
    operationFacts(pen, op);
    operationProfile(pen, op);
  }
}
