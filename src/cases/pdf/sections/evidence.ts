import type { Dossier, EvidenceLink } from '../../types.js';
import { formatCount, indicatorDisplay, indicatorLabel } from '../format.js';
import { note, type Pen, table } from '../layout.js';
import { LIMITS, limited } from '../limits.js';
import { cleanLine } from '../text.js';
import { operationHeading, operationsShown } from './operations.js';

function sharedValues(link: EvidenceLink): string {
  const { shown, omitted } = limited(link.shared, LIMITS.sharedPerLink);
  const lines = shown.map((s) => {
    const weight = Number.isFinite(s.weight) ? s.weight.toFixed(2) : '—';
    return `${indicatorLabel(s.kind)}: ${indicatorDisplay(s.kind, s.value)} (weight ${weight}, in ${formatCount(s.reportCount)} reports)`;
  });
  if (omitted) lines.push(`and ${omitted} more shared values`);
  return lines.join('\n') || '—';
}

// A crawled page in the chain is `capture:<id>`.
function endpoint(id: string): string {
  const clean = cleanLine(id, 80);
  return clean.startsWith('capture:') ? `crawled page ${clean.slice('capture:'.length)}` : `report ${clean}`;
}

/** Section 7: the evidence chain per operation: which reports join which, through which shared values. */
export function evidenceSection(pen: Pen, dossier: Dossier): void {
  note(
    pen,
    'Each line joins a report (or a crawled page) to the operation through the values it shares with a report ' +
      'already in it. Weight: how much a shared value says (a phone number says more than a company name). ' +
      'Weak: the link rests on weak evidence that adds up, and should be read with care.',
  );
  for (const op of operationsShown(pen, dossier)) {
    operationHeading(pen, op);
    const chain = dossier.evidence.find((e) => e.operationId === op.id);
    if (!chain || chain.links.length === 0) {
      note(pen, 'No evidence chain (a single report, or none recorded).');
      continue;
    }
    const { shown, omitted } = limited(chain.links, LIMITS.links);
    table(
      pen,
      [
        { header: 'From', width: 1.1 },
        { header: 'To', width: 1.1 },
        { header: 'Shared values', width: 3.6 },
        { header: 'Strength', width: 0.8 },
      ],
      shown.map((link) => [
        endpoint(link.from),
        endpoint(link.to),
        sharedValues(link),
        link.weak ? 'WEAK' : 'strong',
      ]),
    );
    if (chain.linksTruncated)
      note(
        pen,
        'The chain was capped when the dossier was built: not every report of the operation is linked here.',
      );
    if (omitted)
      note(pen, `${formatCount(omitted)} more links are in the package's data files, not printed here.`);
  }
}
