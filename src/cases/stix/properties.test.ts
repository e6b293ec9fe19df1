import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleOperation } from '../../../test/helpers/shared-operations.js';
import { ValidationError } from '../../core/errors.js';
import { INDICATOR_KINDS, type IndicatorKind, normaliseIndicator } from '../../core/indicator-kinds.js';
import { type ReportInput, reportInputSchema } from '../../core/report-input.js';
import type { SharedIndicator } from '../types.js';
import { toStixBundle } from './export.js';
import { fromStixBundle } from './import.js';
import { storable } from './report-fields.js';
import { validateBundle } from './validate.js';

const opts = { now: new Date('2026-11-25T12:00:00.000Z'), producer: 'Dragnet' };

// What attackers put in values: quotes and backslashes that end patterns, brackets, RTL marks, emoji and
// their halves, NUL, very long strings.
const hostile = fc.oneof(
  fc.string({ maxLength: 200, unit: 'binary' }),
  fc.string({ maxLength: 200, unit: 'grapheme' }),
  fc
    .array(
      fc.constantFrom(
        "'",
        '\\',
        ']',
        '[',
        ' OR ',
        ' ',
        'a',
        '.',
        '@',
        ':',
        '/',
        '\u202e',
        '😀',
        '\ud83d',
        '\u0000',
      ),
      {
        maxLength: 80,
      },
    )
    .map((parts) => parts.join('')),
  fc.constantFrom("'] OR [url:value = 'x", '\\', "\\'", 'x'.repeat(70_000), `${'a'.repeat(40)}!`),
);
const instant = fc.constantFrom(
  '2026-10-02T09:00:00.000Z',
  '2026-10-02T09:00:00Z',
  '2026-10-02',
  'not a date',
  '',
  '+275760-09-13T00:00:00.000Z',
);
const sharedIndicator = (kind: fc.Arbitrary<string>, value: fc.Arbitrary<string>) =>
  fc.record({
    kind,
    value,
    reportCount: fc.oneof(fc.nat(), fc.constant(Number.NaN)),
    firstSeen: instant,
    lastSeen: instant,
    expiresAt: instant,
    decay: fc.double({ noNaN: false }),
  }) satisfies fc.Arbitrary<SharedIndicator>;

describe('STIX export of attacker-controlled values', () => {
  it('always yields a bundle that validates, whatever the values, kinds and dates', () => {
    fc.assert(
      fc.property(
        fc.array(sharedIndicator(fc.oneof(fc.constantFrom(...INDICATOR_KINDS), hostile), hostile), {
          maxLength: 12,
        }),
        hostile,
        hostile,
        fc.option(instant, { nil: null }),
        (indicators, brand, title, firstSeen) => {
          const base = sampleOperation();
          const op = sampleOperation({
            id: brand,
            firstSeen,
            indicators,
            profile: {
              ...base.profile,
              modusOperandi: { ...base.profile.modusOperandi, brands: [{ value: brand, count: 1 }] },
              targets: { victimCountries: [{ value: title, count: 2 }] },
            },
            captures: [{ ...(base.captures[0] as (typeof base.captures)[number]), url: title, title }],
          });
          const bundle = toStixBundle([op], opts);
          const verdict = validateBundle(bundle);
          expect(verdict.errors).toEqual([]);
          expect(JSON.stringify(toStixBundle([op], opts))).toBe(JSON.stringify(bundle));
        },
      ),
      { numRuns: 150 },
    );
  });
});

// Kinds a report has a field for, and the field each comes back in.
const FIELD_OF: Partial<Record<IndicatorKind, (r: ReportInput) => string[]>> = {
  phone: (r) => r.callbackNumbers ?? [],
  domain: (r) => r.urls ?? [],
  url: (r) => r.urls ?? [],
  email: (r) => r.emails ?? [],
  company: (r) => r.companyNames ?? [],
  person: (r) => r.scammerNames ?? [],
  remote_access_id: (r) => r.remoteAccess?.sessionIds ?? [],
  merchant: (r) => (r.payments ?? []).flatMap((p) => p.recipient?.merchantDescriptor ?? []),
  iban: (r) => (r.payments ?? []).flatMap((p) => p.recipient?.iban ?? []),
  crypto_wallet: (r) => (r.payments ?? []).flatMap((p) => p.recipient?.walletAddress ?? []),
};
const ROUND_TRIP_KINDS = Object.keys(FIELD_OF) as IndicatorKind[];

// Values as Dragnet holds them: what the registry's normalisers make of hostile text and of plausible values.
const candidate = fc.oneof(
  hostile,
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.domain(),
  fc.emailAddress(),
  fc.tuple(fc.emailAddress(), fc.constantFrom("'", '\\', 'ö', '|')).map(([e, c]) => `${c}${e}`),
  fc.tuple(fc.webUrl(), fc.constantFrom("'", '\\', '|', '%27', 'ü', '"')).map(([u, c]) => `${u}/${c}x${c}`),
  fc.integer({ min: 2_000_000_000, max: 9_999_999_999 }).map((n) => `+1${n}`),
);

describe('STIX round trip of attacker-controlled values', () => {
  it('gives every storable value back in the field of its kind', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...ROUND_TRIP_KINDS), candidate), { maxLength: 10 }),
        (pairs) => {
          const indicators = pairs.flatMap(([kind, raw]) => {
            const value = normaliseIndicator(kind, raw);
            return value && storable(value) && value.length <= 64
              ? [{ ...(sampleOperation().indicators[0] as SharedIndicator), kind, value }]
              : [];
          });
          const op = sampleOperation({ indicators, captures: [] });
          const bundle = JSON.parse(JSON.stringify(toStixBundle([op], opts)));
          const { reports } = fromStixBundle(bundle);
          const report = reports[0];
          if (indicators.length === 0) return;
          expect(report).toBeDefined();
          for (const i of indicators)
            expect(
              FIELD_OF[i.kind as IndicatorKind]?.(report as ReportInput),
              `${i.kind} ${i.value}`,
            ).toContain(i.value);
        },
      ),
      { numRuns: 150 },
    );
  });
});

const TAMPERED_KEYS = [
  'type',
  'id',
  'value',
  'pattern',
  'pattern_type',
  'name',
  'description',
  'source_ref',
  'target_ref',
  'relationship_type',
  'x_dragnet_role',
  'identity_class',
  'country',
  'user_id',
  'account_type',
  'iban',
  'created',
  'modified',
  'first_seen',
  'object_refs',
  'x_dragnet_report_count',
  'x_dragnet_channels',
  'extensions',
];

describe('STIX import of tampered bundles', () => {
  it('refuses them with a ValidationError, or returns only reports the contract accepts', () => {
    const base = toStixBundle([sampleOperation()], opts);
    const ids = base.objects.map((o) => o.id);
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.nat(),
            fc.constantFrom(...TAMPERED_KEYS),
            fc.oneof(fc.jsonValue(), hostile, fc.constantFrom(...ids), fc.constant([ids[0]])),
          ),
          { minLength: 1, maxLength: 4 },
        ),
        (mutations) => {
          const bundle = structuredClone(base);
          for (const [index, key, value] of mutations) {
            const o = bundle.objects[index % bundle.objects.length] as Record<string, unknown>;
            o[key] = value;
          }
          try {
            const { reports } = fromStixBundle(bundle);
            for (const r of reports) expect(reportInputSchema.safeParse(r).success).toBe(true);
          } catch (e) {
            expect(e).toBeInstanceOf(ValidationError);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
