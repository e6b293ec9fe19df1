import { describe, expect, it } from 'vitest';
import { sampleOperation } from '../../../test/helpers/shared-operations.js';
import type { SharedIndicator } from '../types.js';
import { toStixBundle } from './export.js';
import { observableId } from './ids.js';
import { TLP_MARKING_IDS } from './markings.js';
import { INCIDENT_CORE_EXTENSION, OPENCTI_SCO_EXTENSION, type StixObject, TLP_2_EXTENSION } from './types.js';
import { validateBundle } from './validate.js';

const opts = { now: new Date('2026-11-25T12:00:00.000Z'), producer: 'Dragnet (Example CERT)' };
const bundle = toStixBundle([sampleOperation()], opts);
const ofType = (type: string, objects = bundle.objects) => objects.filter((o) => o.type === type);
const one = (type: string, where: (o: StixObject) => boolean = () => true, objects = bundle.objects) => {
  const found = ofType(type, objects).filter(where);
  expect(found, type).toHaveLength(1);
  return found[0] as StixObject;
};
const intrusionSet = one('intrusion-set');
const related = (type: string, from: string, to: string) =>
  bundle.objects.some(
    (o) =>
      o.type === 'relationship' &&
      o.relationship_type === type &&
      o.source_ref === from &&
      o.target_ref === to,
  );
const indicator = (kind: string, value: string): SharedIndicator => ({
  kind,
  value,
  reportCount: 2,
  firstSeen: '2026-10-02T09:00:00.000Z',
  lastSeen: '2026-10-09T09:00:00.000Z',
  expiresAt: '2026-10-18T09:00:00.000Z',
  decay: 0.5,
});

describe('toStixBundle', () => {
  it('gives the same bytes for the same operations, in any order', () => {
    const a = sampleOperation();
    const b = sampleOperation({ id: 'op-2', tlp: 'green' });
    expect(JSON.stringify(toStixBundle([a, b], opts))).toBe(JSON.stringify(toStixBundle([b, a], opts)));
    expect(JSON.stringify(toStixBundle([a], opts))).toBe(JSON.stringify(bundle));
  });

  it('describes an operation as an intrusion set with its profile', () => {
    expect(intrusionSet).toMatchObject({
      name: 'Dragnet operation op-7f3a9c',
      first_seen: '2026-10-02T09:00:00.000Z',
      last_seen: '2026-11-20T15:30:00.000Z',
      labels: ['tech-support-scam'],
      x_dragnet_operation_id: 'op-7f3a9c',
      x_dragnet_report_count: 17,
      x_dragnet_channels: ['popup'],
      x_dragnet_remote_tools: ['anydesk'],
    });
    expect(intrusionSet.description).toContain('Impersonates: Microsoft (15).');
    expect(intrusionSet.description).toContain('Reported losses: 18250 USD, 2400 CAD.');
  });

  it('marks everything derived from an operation with its TLP, made by the producer', () => {
    const producer = one('identity', (o) => o.name === 'Dragnet (Example CERT)');
    const amber = one('marking-definition');
    expect(amber).toEqual({
      type: 'marking-definition',
      spec_version: '2.1',
      id: TLP_MARKING_IDS.amber,
      created: '2022-10-01T00:00:00.000Z',
      name: 'TLP:AMBER',
      extensions: { [TLP_2_EXTENSION]: { extension_type: 'property-extension', tlp_2_0: 'amber' } },
    });
    for (const o of bundle.objects) {
      if (o === producer || o === amber) continue;
      expect(o.object_marking_refs, o.id).toEqual([TLP_MARKING_IDS.amber]);
      if ('created' in o) expect(o.created_by_ref, o.id).toBe(producer.id);
    }
  });

  it('writes each indicator kind as its observable, related to the intrusion set', () => {
    const expected: Array<[string, Record<string, unknown>]> = [
      ['phone-number', { value: '+18885550142' }],
      ['domain-name', { value: 'win-alert-0x8024.azurewebsites.net' }],
      ['url', { value: 'https://win-alert-0x8024.azurewebsites.net/?err=DT00X02' }],
      ['email-addr', { value: 'billing@secure-pc-helpdesk.com' }],
      ['user-account', { account_type: 'merchant', user_id: 'SQ *TECHFIX SOLUTIONS' }],
      ['cryptocurrency-wallet', { value: 'bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh' }],
      ['bank-account', { iban: 'GB33BUKB20201555555555' }],
      ['user-account', { account_type: 'anydesk', user_id: 'anydesk:123456789' }],
    ];
    for (const [type, properties] of expected) {
      const o = one(type, (x) => Object.entries(properties).every(([k, v]) => x[k] === v));
      expect(o.id).toBe(observableId(type, properties));
      expect(related('related-to', intrusionSet.id, o.id), `${type} related`).toBe(true);
    }
    for (const type of ['phone-number', 'cryptocurrency-wallet', 'bank-account'])
      expect(ofType(type)[0]?.extensions).toEqual({ [OPENCTI_SCO_EXTENSION]: { extension_type: 'new-sco' } });
  });

  it('derives observable ids as STIX 2.1 does, so any producer gets the same id', () => {
    expect(observableId('domain-name', { value: 'example.com' })).toBe(
      'domain-name--bedb4899-d24b-5401-bc86-8f6b4cc18ec7',
    );
  });

  it('gives phones, domains, URLs and e-mails a detection indicator that indicates the intrusion set', () => {
    const patterns = ofType('indicator').map((o) => o.pattern);
    expect(patterns.sort()).toEqual([
      "[domain-name:value = 'win-alert-0x8024.azurewebsites.net']",
      "[email-addr:value = 'billing@secure-pc-helpdesk.com']",
      "[phone-number:value = '+18445550199']",
      "[phone-number:value = '+18885550142']",
      "[url:value = 'https://win-alert-0x8024.azurewebsites.net/?err=DT00X02']",
    ]);
    const phone = one('indicator', (o) => o.name === '+18885550142');
    expect(phone).toMatchObject({
      pattern_type: 'stix',
      valid_from: '2026-10-02T09:00:00.000Z',
      valid_until: '2026-11-29T15:30:00.000Z',
      indicator_types: ['malicious-activity'],
    });
    expect(related('indicates', phone.id, intrusionSet.id)).toBe(true);
    const observable = one('phone-number', (o) => o.value === '+18885550142');
    expect(related('based-on', phone.id, observable.id)).toBe(true);
  });

  it('writes the company as an organisation and the alias as a threat actor, not as a person', () => {
    const company = one('identity', (o) => o.x_dragnet_role === 'company');
    expect(company).toMatchObject({ name: 'Techfix Solutions LLC', identity_class: 'organization' });
    expect(related('related-to', intrusionSet.id, company.id)).toBe(true);
    const alias = one('threat-actor');
    expect(alias).toMatchObject({
      name: 'Kevin Brown',
      resource_level: 'individual',
      x_dragnet_role: 'alias',
    });
    expect(related('attributed-to', intrusionSet.id, alias.id)).toBe(true);
    expect(ofType('identity').some((o) => o.identity_class === 'individual')).toBe(false);
  });

  it("writes the victims' countries as targeted locations and the brand as an impersonated organisation", () => {
    const countries = ofType('location').map((o) => o.country);
    expect(countries.sort()).toEqual(['CA', 'US']);
    for (const l of ofType('location')) expect(related('targets', intrusionSet.id, l.id)).toBe(true);
    const brand = one('identity', (o) => o.name === 'Microsoft');
    const link = one('relationship', (o) => o.target_ref === brand.id);
    expect(link).toMatchObject({ relationship_type: 'related-to', description: 'impersonates' });
  });

  it('writes the losses as an incident with the Incident Core extension', () => {
    const incident = one('incident');
    expect(incident).toMatchObject({
      name: 'Losses to Dragnet operation op-7f3a9c',
      x_dragnet_losses: [
        { currency: 'USD', value: 18250 },
        { currency: 'CAD', value: 2400 },
      ],
    });
    expect(incident.extensions).toHaveProperty(
      [INCIDENT_CORE_EXTENSION, 'extension_type'],
      'property-extension',
    );
    expect(related('attributed-to', incident.id, intrusionSet.id)).toBe(true);
    const noLosses = sampleOperation();
    noLosses.profile = { ...noLosses.profile, lossesByCurrency: [] };
    expect(ofType('incident', toStixBundle([noLosses], opts).objects)).toEqual([]);
  });

  it('writes the crawled popup host as phishing infrastructure with its screenshot', () => {
    const site = one('infrastructure');
    expect(site).toMatchObject({
      name: 'win-alert-0x8024.azurewebsites.net',
      infrastructure_types: ['phishing'],
    });
    expect(related('uses', intrusionSet.id, site.id)).toBe(true);
    const domain = one('domain-name');
    expect(related('consists-of', site.id, domain.id)).toBe(true);
    const screenshot = one('file');
    expect(screenshot).toMatchObject({
      hashes: { 'SHA-256': 'a'.repeat(64) },
      mime_type: 'image/png',
      x_dragnet_page_title: 'Windows Defender Security Warning',
    });
    expect(related('related-to', site.id, screenshot.id)).toBe(true);
  });

  it('keeps a value two operations share once, marked with the stricter TLP', () => {
    const both = toStixBundle([sampleOperation(), sampleOperation({ id: 'op-red', tlp: 'red' })], opts);
    const phone = one('phone-number', (o) => o.value === '+18885550142', both.objects);
    expect(phone.object_marking_refs).toEqual([TLP_MARKING_IDS.red]);
    expect(
      ofType('marking-definition', both.objects)
        .map((o) => o.id)
        .sort(),
    ).toEqual([TLP_MARKING_IDS.amber, TLP_MARKING_IDS.red].sort());
    expect(validateBundle(both).valid).toBe(true);
  });

  it('carries a value that no observable schema admits by its pattern alone', () => {
    const op = sampleOperation({
      indicators: [indicator('email', "jöhn.o'brien@exämple.com"), indicator('url', 'http://x.example/a|b')],
    });
    const out = toStixBundle([op], opts);
    expect(ofType('email-addr', out.objects)).toEqual([]);
    expect(ofType('url', out.objects).map((o) => o.value)).not.toContain('http://x.example/a|b');
    expect(
      ofType('indicator', out.objects)
        .map((o) => o.pattern)
        .sort(),
    ).toEqual(["[email-addr:value = 'jöhn.o\\'brien@exämple.com']", "[url:value = 'http://x.example/a|b']"]);
    expect(validateBundle(out)).toEqual({ valid: true, errors: [] });
  });

  it('writes a tracking id as a Dragnet observable with its extension definition', () => {
    const out = toStixBundle(
      [sampleOperation({ indicators: [indicator('tracking_id', 'UA-1234567-1')] })],
      opts,
    );
    const tracking = one('x-tracking-id', () => true, out.objects);
    const definition = one('extension-definition', () => true, out.objects);
    expect(tracking.extensions).toEqual({ [definition.id]: { extension_type: 'new-sco' } });
    expect(validateBundle(out)).toEqual({ valid: true, errors: [] });
  });
});
