import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleOperation } from '../../../test/helpers/shared-operations.js';
import { type SharedIndicator, type SharedOperation, TLP_LEVELS, type Tlp } from '../types.js';
import { toMispEvent } from './event.js';
import type { MispAttribute, MispEventDocument, MispObject } from './types.js';

const now = new Date('2026-11-25T12:00:00.000Z');
const producer = 'Dragnet (test)';

/** The MISP attribute types this export may use, each with the categories MISP accepts it in. */
const CATEGORIES_BY_TYPE: Record<string, string[]> = {
  'phone-number': ['Person', 'Financial fraud', 'Other'],
  domain: ['Network activity', 'Payload delivery', 'External analysis'],
  url: ['Network activity', 'Payload delivery', 'External analysis', 'Payload installation'],
  email: ['Social network', 'Payload delivery', 'Network activity'],
  btc: ['Financial fraud'],
  iban: ['Financial fraud'],
  'bank-account-nr': ['Financial fraud'],
  'full-name': ['Person'],
  sha256: ['Payload delivery', 'Payload installation', 'Artifacts dropped', 'External analysis'],
  text: [
    'Other',
    'Financial fraud',
    'Person',
    'Attribution',
    'Network activity',
    'Payload delivery',
    'External analysis',
    'Social network',
  ],
};

/** The object templates used, with each relation's type as misp-objects defines it. */
const TEMPLATE_RELATIONS: Record<string, Record<string, string[]>> = {
  'phone-number': { 'phone-number': ['phone-number'] },
  'domain-ip': { domain: ['domain'] },
  url: { url: ['url'] },
  'bank-account': { iban: ['iban'], 'account-nr': ['bank-account-nr'] },
  'coin-address': { address: ['btc', 'text'], symbol: ['text'] },
  'legal-entity': { name: ['text'] },
  person: { 'full-name': ['full-name'], role: ['text'] },
};
const TEMPLATE_UUIDS: Record<string, string> = {
  url: '60efb77b-40b5-4c46-871b-ed1ed999fce5',
  'domain-ip': '43b3b146-77eb-4931-b4cc-b66c60f28734',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const allAttributes = (doc: MispEventDocument): MispAttribute[] => [
  ...doc.Event.Attribute,
  ...doc.Event.Object.flatMap((o) => o.Attribute),
];

/** Everything MISP checks on import, as far as this export can get it wrong. */
function expectValidMisp(doc: MispEventDocument): void {
  const e = doc.Event;
  expect(e.uuid).toMatch(UUID);
  expect(e.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(e.timestamp).toMatch(/^\d+$/);
  expect(['1', '2', '3', '4']).toContain(e.threat_level_id);
  expect(['0', '1', '2']).toContain(e.analysis);
  expect(['0', '1', '2', '3']).toContain(e.distribution);
  expect(e.published).toBe(false);
  expect(e.info.length).toBeGreaterThan(0);
  expect(e.Orgc.uuid).toMatch(UUID);
  const uuids = new Set<string>();
  const objectUuids = new Set(e.Object.map((o) => o.uuid));
  const unique = (uuid: string) => {
    expect(uuid).toMatch(UUID);
    expect(uuids.has(uuid), `uuid ${uuid} repeated`).toBe(false);
    uuids.add(uuid);
  };
  const checkAttribute = (a: MispAttribute, object?: MispObject) => {
    unique(a.uuid);
    expect(Object.keys(CATEGORIES_BY_TYPE), `type ${a.type}`).toContain(a.type);
    expect(CATEGORIES_BY_TYPE[a.type], `${a.type} in ${a.category}`).toContain(a.category);
    expect(a.value.length).toBeGreaterThan(0);
    expect(a.value.isWellFormed()).toBe(true);
    expect(typeof a.to_ids).toBe('boolean');
    expect(a.timestamp).toMatch(/^\d+$/);
    if (a.first_seen) expect(a.first_seen).toMatch(ISO);
    if (a.last_seen) expect(a.last_seen).toMatch(ISO);
    if (a.first_seen && a.last_seen) expect(a.first_seen <= a.last_seen).toBe(true);
    for (const t of a.Tag ?? []) expect(t.name).toMatch(/^tlp:/);
    if (object) {
      const relations = TEMPLATE_RELATIONS[object.name]!;
      expect(Object.keys(relations), `${object.name} relation`).toContain(a.object_relation);
      expect(relations[a.object_relation!]).toContain(a.type);
    } else expect(a.object_relation).toBeUndefined();
  };
  for (const a of e.Attribute) checkAttribute(a);
  for (const o of e.Object) {
    unique(o.uuid);
    expect(Object.keys(TEMPLATE_RELATIONS)).toContain(o.name);
    expect(o['meta-category'].length).toBeGreaterThan(0);
    if (o.template_uuid) expect(o.template_uuid).toBe(TEMPLATE_UUIDS[o.name]);
    expect(o.Attribute.length).toBeGreaterThan(0);
    expect(o.comment).toMatch(/Dragnet operation /);
    for (const a of o.Attribute) checkAttribute(a, o);
    for (const r of o.ObjectReference) {
      unique(r.uuid);
      expect(r.object_uuid).toBe(o.uuid);
      expect(objectUuids.has(r.referenced_uuid)).toBe(true);
      expect(r.relationship_type.length).toBeGreaterThan(0);
    }
  }
}

const values = (doc: MispEventDocument) => allAttributes(doc).map((a) => a.value);
const attributeOf = (doc: MispEventDocument, value: string) =>
  allAttributes(doc).find((a) => a.value === value);

describe('MISP event', () => {
  it('is a valid MISP event for the sample operation', () => {
    const doc = toMispEvent([sampleOperation()], { now, producer });
    expectValidMisp(doc);
    expect(doc.Event).toMatchObject({
      info: 'Tech support scam: Dragnet operation op-7f3a9c impersonating Microsoft',
      date: '2026-11-25',
      timestamp: String(Date.parse('2026-11-25T12:00:00Z') / 1000),
      threat_level_id: '2',
      Orgc: { name: producer },
    });
    expect(doc.Event.Object.map((o) => o.name).sort()).toEqual([
      'bank-account',
      'coin-address',
      'domain-ip',
      'legal-entity',
      'person',
      'phone-number',
      'phone-number',
      'url',
    ]);
  });

  it('carries every exported indicator once, with its value', () => {
    const op = sampleOperation();
    const doc = toMispEvent([op], { now, producer });
    const kinds = ['phone', 'domain', 'url', 'email', 'crypto_wallet', 'iban', 'company'];
    const exported = op.indicators.filter((i) => kinds.includes(i.kind));
    expect(exported).toHaveLength(8);
    for (const i of exported)
      expect(
        values(doc).filter((v) => v === i.value),
        i.value,
      ).toHaveLength(1);
  });

  it('flags for detection what a sensor can act on, never a name', () => {
    const doc = toMispEvent([sampleOperation()], { now, producer });
    for (const v of [
      '+18885550142',
      'win-alert-0x8024.azurewebsites.net',
      'https://win-alert-0x8024.azurewebsites.net/?err=DT00X02',
      'billing@secure-pc-helpdesk.com',
      'bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh',
      'GB33BUKB20201555555555',
    ])
      expect(attributeOf(doc, v)?.to_ids, v).toBe(true);
    for (const v of ['Techfix Solutions LLC', 'Kevin Brown', 'Suspect', 'SQ *TECHFIX SOLUTIONS'])
      expect(attributeOf(doc, v)?.to_ids, v).toBe(false);
  });

  it('groups an operation’s objects around its company', () => {
    const doc = toMispEvent([sampleOperation()], { now, producer });
    const company = doc.Event.Object.find((o) => o.name === 'legal-entity')!;
    const person = doc.Event.Object.find((o) => o.name === 'person')!;
    expect(person.Attribute.map((a) => [a.object_relation, a.value])).toEqual([
      ['full-name', 'Kevin Brown'],
      ['role', 'Suspect'],
    ]);
    const wallet = doc.Event.Object.find((o) => o.name === 'coin-address')!;
    expect(wallet.Attribute.map((a) => [a.object_relation, a.type, a.value])).toEqual([
      ['address', 'btc', 'bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh'],
      ['symbol', 'text', 'BTC'],
    ]);
    for (const o of doc.Event.Object) {
      if (o === company) expect(o.ObjectReference).toEqual([]);
      else expect(o.ObjectReference.map((r) => r.referenced_uuid)).toEqual([company.uuid]);
    }
    expect(person.ObjectReference[0]?.relationship_type).toBe('belongs-to');
    const phone = doc.Event.Object.find((o) => o.name === 'phone-number')!;
    expect(phone.ObjectReference[0]?.relationship_type).toBe('used-by');
  });

  it('is byte-identical for the same input, whatever the order of operations and indicators', () => {
    const a = sampleOperation();
    const b = sampleOperation({ id: 'op-11aa22', tlp: 'green', priority: 80 });
    const json = JSON.stringify(toMispEvent([a, b], { now, producer }));
    expect(JSON.stringify(toMispEvent([a, b], { now, producer }))).toBe(json);
    const shuffled = [b, a].map((op) => ({ ...op, indicators: [...op.indicators].reverse() }));
    expect(JSON.stringify(toMispEvent(shuffled, { now, producer }))).toBe(json);
  });

  it('keeps its uuids when exported again later (MISP updates the event) and changes them for other operations', () => {
    const first = toMispEvent([sampleOperation()], { now, producer });
    const later = toMispEvent([sampleOperation()], { now: new Date('2026-12-01T00:00:00Z'), producer });
    expect(later.Event.uuid).toBe(first.Event.uuid);
    expect(allAttributes(later).map((a) => a.uuid)).toEqual(allAttributes(first).map((a) => a.uuid));
    expect(Number(later.Event.timestamp)).toBeGreaterThan(Number(first.Event.timestamp));
    const other = toMispEvent([sampleOperation({ id: 'op-other' })], { now, producer });
    expect(other.Event.uuid).not.toBe(first.Event.uuid);
    expect(toMispEvent([sampleOperation()], { now, producer: 'Another Dragnet' }).Event.uuid).not.toBe(
      first.Event.uuid,
    );
  });

  it.each(TLP_LEVELS.map((tlp) => ({ tlp })))(
    'tags a $tlp event with its TLP, PAP and what the incident is',
    ({ tlp }: { tlp: Tlp }) => {
      const doc = toMispEvent([sampleOperation({ tlp })], { now, producer });
      const pap = tlp === 'clear' || tlp === 'green' ? 'PAP:GREEN' : 'PAP:AMBER';
      expect(doc.Event.Tag.map((t) => t.name)).toEqual([
        `tlp:${tlp}`,
        pap,
        'circl:incident-classification="scam"',
        'social-engineering-attack-vectors:technical="vishing"',
      ]);
      expect(doc.Event.distribution).toBe({ clear: '3', green: '1' }[tlp as string] ?? '0');
      expect(allAttributes(doc).every((a) => a.Tag === undefined)).toBe(true);
    },
  );

  it('marks a mixed event by its strictest operation, and the others’ attributes by their own level', () => {
    const amber = sampleOperation();
    const green = sampleOperation({ id: 'op-green', tlp: 'green' });
    const doc = toMispEvent([green, amber], { now, producer });
    expect(doc.Event.Tag[0]).toEqual({ name: 'tlp:amber' });
    const ofGreen = allAttributes(doc).filter((a) => a.comment.includes('op-green'));
    expect(ofGreen.length).toBeGreaterThan(5);
    for (const a of ofGreen) expect(a.Tag).toEqual([{ name: 'tlp:green' }]);
    const ofAmber = allAttributes(doc).filter((a) => a.comment.includes('op-7f3a9c'));
    for (const a of ofAmber) expect(a.Tag).toBeUndefined();
  });

  it('leaves out what the common-values list blocks, and keeps hosting suffixes and informed values out of detection', () => {
    const indicator = (kind: string, value: string): SharedIndicator => ({
      kind,
      value,
      reportCount: 9,
      firstSeen: '2026-11-01T00:00:00.000Z',
      lastSeen: '2026-11-20T00:00:00.000Z',
      expiresAt: '2026-12-20T00:00:00.000Z',
      decay: 0.9,
    });
    const op = sampleOperation({
      indicators: [
        indicator('phone', '+18006427676'),
        indicator('company', 'Microsoft Corporation'),
        indicator('domain', 'support.microsoft.com'),
        indicator('domain', 'gmail.com'),
        indicator('domain', 'azurewebsites.net'),
        indicator('card_last4', '1234'),
        indicator('no-such-kind', 'x'),
      ],
    });
    const doc = toMispEvent([op], { now, producer });
    expectValidMisp(doc);
    for (const v of ['+18006427676', 'Microsoft Corporation', 'support.microsoft.com', '1234', 'x'])
      expect(values(doc)).not.toContain(v);
    expect(attributeOf(doc, 'gmail.com')).toMatchObject({ to_ids: false });
    expect(attributeOf(doc, 'gmail.com')?.comment).toMatch(/common value/);
    expect(attributeOf(doc, 'azurewebsites.net')).toMatchObject({ to_ids: false });
  });

  it('makes an empty AMBER event from no operation', () => {
    const doc = toMispEvent([], { now, producer, info: 'Nothing yet' });
    expectValidMisp(doc);
    expect(doc.Event).toMatchObject({ info: 'Nothing yet', distribution: '0', Attribute: [], Object: [] });
    expect(doc.Event.Tag[0]).toEqual({ name: 'tlp:amber' });
  });
});

describe('MISP event from attacker-controlled values', () => {
  const odd = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.constantFrom('\ud800', 'a\udfffb', '\u0000', 'x\u2028y', '\u202e.moc.evil', ' padded ', '"},{"a":1'),
    fc
      .tuple(fc.string({ minLength: 1, maxLength: 3 }), fc.integer({ min: 3000, max: 12_000 }))
      .map(([s, n]) => s.repeat(n)),
  );
  const valid = fc.constantFrom(
    '+18885550142',
    'win-alert-0x8024.azurewebsites.net',
    'xn--bcher-hilfe-thb.de',
    'https://win-alert.example/?q=%F0%9F%98%80',
    'help@secure-fix.example',
    '0x52908400098527886e0f7030069857d2e4169ee7',
    'TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE',
    'GB33BUKB20201555555555',
  );
  const kinds = fc.constantFrom(
    'phone',
    'domain',
    'url',
    'email',
    'crypto_wallet',
    'iban',
    'company',
    'person',
    'merchant',
  );
  const indicator = fc.record({
    kind: kinds,
    value: fc.oneof(
      odd,
      valid,
      fc.tuple(odd, valid).map(([a, b]) => `${b} ${a}`),
    ),
    reportCount: fc.nat(50),
    firstSeen: fc.constantFrom('2026-11-01T00:00:00.000Z', 'not a date'),
    lastSeen: fc.constantFrom('2026-10-01T00:00:00.000Z', '2026-11-20T00:00:00.000Z'),
    expiresAt: fc.constant('2026-12-01T00:00:00.000Z'),
    decay: fc.double({ min: 0, max: 1, noNaN: true }),
  });
  const operation = fc
    .record({
      id: odd,
      tlp: fc.constantFrom(...TLP_LEVELS),
      indicators: fc.array(indicator, { maxLength: 6 }),
    })
    .map(({ id, tlp, indicators }): SharedOperation => {
      const base = sampleOperation({ id, tlp, indicators });
      return { ...base, profile: { ...base.profile, lossesByCurrency: [{ currency: id, value: 12.5 }] } };
    });

  it('always gives a valid, well-formed document that survives a JSON round trip', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 3 }), odd, (ops, name) => {
        const doc = toMispEvent(ops, { now, producer: name, info: name });
        expectValidMisp(doc);
        const json = JSON.stringify(doc);
        expect(json).not.toMatch(/\\ud[89a-f][0-9a-f]{2}/i); // no lone surrogate, escaped or not
        expect(Buffer.from(json, 'utf8').toString('utf8')).toBe(json);
        expect(JSON.parse(json)).toEqual(doc);
        expect(JSON.stringify(toMispEvent(ops, { now, producer: name, info: name }))).toBe(json);
      }),
      { numRuns: 60 },
    );
  });
});
