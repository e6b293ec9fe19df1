import type { Dossier, DossierVictim } from '../../types.js';
import { formatConsent, formatCount, formatCountry, formatLosses, formatTime, humanise } from '../format.js';
import { COLOURS, ensureSpace, keyValueGrid, note, type Pen, paragraph, SIZES } from '../layout.js';
import { LIMITS, limited } from '../limits.js';
import { cleanBlock, cleanLine } from '../text.js';
import { personalDataStatement } from './cover.js';

function victimFacts(victim: DossierVictim, personalData: boolean): Array<[string, string]> {
  const methods = limited(victim.paymentMethods, LIMITS.list).shown;
  const facts: Array<[string, string]> = [
    ['Report', cleanLine(victim.reportId, 80)],
    ['External id', cleanLine(victim.externalId, 80) || '—'],
    ['Operation', cleanLine(victim.operationId, 80)],
    ['Reported at', formatTime(victim.reportedAt)],
    ['Country', victim.country ? formatCountry(victim.country) : '—'],
    ['Age band', cleanLine(victim.ageBand, 20) || '—'],
    ['Channel', victim.channel ? humanise(victim.channel) : '—'],
    ['Losses', formatLosses(limited(victim.losses, LIMITS.list).shown)],
    ['Payment methods', methods.length ? methods.map(humanise).join(', ') : '—'],
    ['Consent: police contact', formatConsent(victim.consent.lawEnforcementContact)],
    ['Consent: partner sharing', formatConsent(victim.consent.partnerSharing)],
  ];
  // The caller nulls personal data for a recipient who may not see it; the flag is checked here as well,
  // so one forgotten field cannot put a victim's name in front of the wrong reader.
  if (personalData) {
    if (victim.name !== null) facts.push(['Name', cleanLine(victim.name)]);
    if (victim.email !== null) facts.push(['E-mail', cleanLine(victim.email)]);
    if (victim.phone !== null) facts.push(['Phone', cleanLine(victim.phone)]);
  }
  return facts;
}

function victimBlock(
  pen: Pen,
  victim: DossierVictim,
  index: number,
  personalData: boolean,
  narrativeMax: number,
): number {
  ensureSpace(pen, 160);
  paragraph(pen, `Victim ${index + 1}: report ${cleanLine(victim.reportId, 80)}`, {
    weight: 'bold',
    size: SIZES.h2,
    colour: COLOURS.accent,
  });
  keyValueGrid(pen, victimFacts(victim, personalData));
  paragraph(pen, 'Account in their own words', { weight: 'bold', gap: 2 });
  const narrative = cleanBlock(victim.narrative, narrativeMax);
  paragraph(pen, narrative || 'No account was given.', { gap: 8 });
  let printed = narrative.length;
  if (victim.declaration) {
    const d = victim.declaration;
    paragraph(
      pen,
      `Declaration, taken ${formatTime(d.takenAt)} (consent: ${cleanLine(d.consent, 40) || 'not recorded'})`,
      { weight: 'bold', gap: 2 },
    );
    const text = cleanBlock(d.text, narrativeMax);
    paragraph(pen, text || '—', { gap: 8 });
    printed += text.length;
  }
  pen.doc.y += 10;
  return printed;
}

/** Section 9: one entry per victim: the facts of the report, consent, the account, the declaration. */
export function victimsSection(pen: Pen, dossier: Dossier): void {
  paragraph(pen, personalDataStatement(dossier), { weight: 'bold', gap: 8 });
  if (dossier.victims.length === 0) {
    note(pen, 'The dossier lists no victims.');
    return;
  }
  const { shown, omitted } = limited(dossier.victims, LIMITS.victims);
  if (omitted)
    note(
      pen,
      `The first ${formatCount(shown.length)} of ${formatCount(dossier.victims.length)} victims are printed; ` +
        "every victim is in the package's data files.",
    );
  // Past the budget, accounts are shortened: a thousand long accounts would make a thousand pages.
  let budget: number = LIMITS.narrativeBudget;
  shown.forEach((victim, i) => {
    const max = budget > 0 ? LIMITS.narrative : LIMITS.shortNarrative;
    budget -= victimBlock(pen, victim, i, dossier.recipient.personalData, max);
  });
  if (budget < 0)
    note(pen, "Later accounts are shortened; every account is in full in the package's data files.");
}
