import { describe, expect, it } from 'vitest';
import { sampleOperation } from '../../../test/helpers/shared-operations.js';
import { normaliseIndicator } from '../../core/indicator-kinds.js';
import type { ReportInput } from '../../core/report-input.js';
import { extractReport } from '../../extract/index.js';
import type { SharedIndicator, SharedOperation } from '../types.js';
import { toStixBundle } from './export.js';
import { fromStixBundle } from './import.js';

// The kinds a report carries in fields of its own, which must come back whole through STIX.
const ROUND_TRIP_KINDS = [
  'phone',
  'domain',
  'url',
  'email',
  'crypto_wallet',
  'iban',
  'merchant',
  'company',
  'remote_access_id',
] as const;

const opts = { now: new Date('2026-11-25T12:00:00.000Z'), producer: 'Dragnet (Example CERT)' };

const indicator = (kind: string, value: string): SharedIndicator => ({
  kind,
  value,
  reportCount: 3,
  firstSeen: '2026-09-01T08:00:00.000Z',
  lastSeen: '2026-09-20T08:00:00.000Z',
  expiresAt: '2026-09-29T08:00:00.000Z',
  decay: 0.6,
});

// The sample's numbers are in the NANP range reserved for fiction (555-01xx), which the extractor drops on
// purpose; these are ordinary toll-free numbers.
const withRealPhones = (op: SharedOperation): SharedOperation => ({
  ...op,
  indicators: op.indicators.map((i) =>
    i.value === '+18885550142'
      ? { ...i, value: '+18772229841' }
      : i.value === '+18445550199'
        ? { ...i, value: '+18336274511' }
        : i,
  ),
});

const variations: Array<[string, SharedOperation]> = [
  ['the sample call centre', withRealPhones(sampleOperation())],
  [
    'a German popup operation (green, no captures, no losses)',
    sampleOperation({
      id: 'op-de-1',
      tlp: 'green',
      captures: [],
      profile: { ...sampleOperation().profile, lossesByCurrency: [] },
      indicators: [
        indicator('phone', '+4930901820'),
        indicator('domain', 'microsoft-hilfe.de'),
        indicator('url', 'https://microsoft-hilfe.de/fehler?code=0x80070005&lang=de'),
        indicator('email', 'support@microsoft-hilfe.de'),
        indicator('iban', 'DE89370400440532013000'),
        indicator('remote_access_id', '123456789'),
        indicator('merchant', 'PAYPAL *TECHGURU'),
        indicator('company', 'TechGuru Services GmbH'),
      ],
    }),
  ],
  [
    'an operation with an IDN domain, an Ethereum wallet and a TeamViewer id (red)',
    sampleOperation({
      id: 'op-idn',
      tlp: 'red',
      indicators: [
        indicator('phone', '+442071838750'),
        indicator('domain', 'xn--mcrosoft-9za.com'),
        indicator('url', 'http://xn--mcrosoft-9za.com/alert.html'),
        indicator('crypto_wallet', '0x52908400098527886e0f7030069857d2e4169ee7'),
        indicator('remote_access_id', 'teamviewer:1 234 567 890'),
        indicator('company', "O'Brien & Sons Ltd."),
      ],
      captures: [],
    }),
  ],
];

/** The values an operation's report yields once Dragnet's extractor reads it, by kind. */
function extracted(report: ReportInput): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const i of extractReport(report).indicators)
    out.set(i.kind, new Set([...(out.get(i.kind) ?? []), i.value]));
  return out;
}

describe('STIX round trip: fromStixBundle(toStixBundle(ops))', () => {
  it.each(variations)('gives back the indicators of %s, as the extractor reads them', (_, op) => {
    const bundle = JSON.parse(JSON.stringify(toStixBundle([op], opts)));
    const { reports } = fromStixBundle(bundle);
    expect(reports).toHaveLength(1);
    const found = extracted(reports[0] as ReportInput);
    for (const kind of ROUND_TRIP_KINDS) {
      const expected = new Set(
        op.indicators.filter((i) => i.kind === kind).map((i) => normaliseIndicator(kind, i.value) ?? i.value),
      );
      expect(found.get(kind) ?? new Set(), kind).toEqual(expected);
    }
  });

  it('gives one report per operation, named by its intrusion set, from its producer', () => {
    const ops = variations.map(([, op]) => op);
    const bundle = toStixBundle(ops, opts);
    const { reports } = fromStixBundle(bundle);
    const sets = bundle.objects.filter((o) => o.type === 'intrusion-set');
    expect(reports.map((r) => r.externalId).sort()).toEqual(sets.map((s) => `stix:${s.id}`).sort());
    expect(new Set(reports.map((r) => r.source))).toEqual(new Set(['stix:Dragnet (Example CERT)']));
  });

  it('carries the profile a report has room for: brand, channel, tool, country, narrative', () => {
    const [report] = fromStixBundle(toStixBundle([withRealPhones(sampleOperation())], opts)).reports;
    expect(report).toMatchObject({
      impersonatedBrand: 'Microsoft',
      channel: 'popup',
      remoteAccess: { tool: 'anydesk', sessionIds: ['anydesk:123456789'] },
      victim: { country: 'US' },
      scammerNames: ['Kevin Brown'],
      firstContactAt: '2026-10-02T09:00:00.000Z',
      submittedAt: '2026-11-20T15:30:00.000Z',
    });
    expect(report?.narrative).toContain('reported losses of 18250 USD, 2400 CAD');
  });

  it('is idempotent: the same bundle twice gives the same reports (same external ids)', () => {
    const bundle = toStixBundle([sampleOperation()], opts);
    expect(fromStixBundle(bundle)).toEqual(fromStixBundle(structuredClone(bundle)));
  });
});
