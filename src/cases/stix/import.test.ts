import { describe, expect, it } from 'vitest';
import { sampleOperation } from '../../../test/helpers/shared-operations.js';
import { ValidationError } from '../../core/errors.js';
import type { SharedIndicator } from '../types.js';
import { toStixBundle } from './export.js';
import { fromStixBundle } from './import.js';
import { OPENCTI_SCO_EXTENSION, type StixObject } from './types.js';

const T = '2026-11-01T10:00:00.000Z';
let counter = 0;
const uuid = () => `0b5c7f4e-1d2a-4c3b-8a9d-${String(++counter).padStart(12, '0')}`;
const sdo = (type: string, properties: Record<string, unknown>): StixObject => ({
  type,
  spec_version: '2.1',
  id: `${type}--${uuid()}`,
  created: T,
  modified: T,
  ...properties,
});
const sco = (type: string, properties: Record<string, unknown>, custom = false): StixObject => ({
  type,
  spec_version: '2.1',
  id: `${type}--${uuid()}`,
  ...properties,
  ...(custom ? { extensions: { [OPENCTI_SCO_EXTENSION]: { extension_type: 'new-sco' } } } : {}),
});
const rel = (type: string, source: StixObject, target: StixObject) =>
  sdo('relationship', { relationship_type: type, source_ref: source.id, target_ref: target.id });
const bundleOf = (objects: StixObject[]) => ({ type: 'bundle', id: `bundle--${uuid()}`, objects });

/** A bundle as OpenCTI exports an intrusion set: observables pointing at it, indicators, a report. */
function openCtiBundle() {
  const cert = sdo('identity', { name: 'CERT-X', identity_class: 'organization' });
  const by = { created_by_ref: cert.id };
  const gang = sdo('intrusion-set', {
    ...by,
    name: 'Fake Defender popups',
    description: 'Popups and calls.',
  });
  const phone = sco('phone-number', { value: '+18772229841' }, true);
  const wallet = sco('cryptocurrency-wallet', { value: 'bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh' }, true);
  const account = sco('bank-account', { iban: 'GB33BUKB20201555555555', account_number: '55555555' }, true);
  const skype = sco('user-account', { account_type: 'skype', user_id: 'live:techsupport' });
  const domainIndicator = sdo('indicator', {
    ...by,
    pattern:
      "[domain-name:value = 'fake-defender.example' OR url:value = 'http://fake-defender.example/scan']",
    pattern_type: 'stix',
    valid_from: T,
  });
  const yara = sdo('indicator', {
    ...by,
    pattern: 'rule x { condition: true }',
    pattern_type: 'yara',
    valid_from: T,
  });
  const caller = sdo('identity', { name: 'Steve Miller', identity_class: 'individual' });
  const gangActor = sdo('threat-actor', {
    name: 'Kolkata call centre',
    threat_actor_types: ['crime-syndicate'],
  });
  const uk = sdo('location', { country: 'GB' });
  const email = sco('email-addr', { value: 'help@fake-defender.example' });
  const reportIndicator = sdo('indicator', {
    pattern: "[phone-number:value = '+18336274511']",
    pattern_type: 'stix',
    valid_from: T,
  });
  const report = sdo('report', {
    ...by,
    name: 'Refund scam calls',
    published: T,
    object_refs: [email.id, reportIndicator.id],
  });
  const loose = sco('domain-name', { value: 'unrelated.example' });
  return {
    ids: { gang, report, loose, yara, skype, gangActor, cert },
    bundle: bundleOf([
      cert,
      gang,
      phone,
      wallet,
      account,
      skype,
      domainIndicator,
      yara,
      caller,
      gangActor,
      uk,
      email,
      reportIndicator,
      report,
      loose,
      rel('related-to', phone, gang),
      rel('related-to', wallet, gang),
      rel('related-to', account, gang),
      rel('related-to', skype, gang),
      rel('indicates', domainIndicator, gang),
      rel('indicates', yara, gang),
      rel('attributed-to', gang, caller),
      rel('attributed-to', gang, gangActor),
      rel('targets', gang, uk),
    ]),
  };
}

describe('fromStixBundle on bundles from other producers', () => {
  const { bundle, ids } = openCtiBundle();
  const { reports, skipped } = fromStixBundle(bundle);

  it('turns an intrusion set and what is related to it into one report', () => {
    expect(reports[0]).toEqual({
      externalId: `stix:${ids.gang.id}`,
      source: 'stix:CERT-X',
      submittedAt: T,
      callbackNumbers: ['+18772229841'],
      urls: ['fake-defender.example', 'http://fake-defender.example/scan'],
      scammerNames: ['Steve Miller'],
      payments: [
        { recipient: { iban: 'GB33BUKB20201555555555' } },
        { recipient: { accountNumber: '55555555' } },
        { recipient: { walletAddress: 'bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh' } },
      ],
      narrative: 'Popups and calls.',
      victim: { country: 'GB' },
    });
  });

  it('turns a report that names no intrusion set into a report of its own', () => {
    expect(reports[1]).toEqual({
      externalId: `stix:${ids.report.id}`,
      source: 'stix:CERT-X',
      submittedAt: T,
      firstContactAt: T,
      callbackNumbers: ['+18336274511'],
      emails: ['help@fake-defender.example'],
      narrative: 'Refund scam calls',
    });
    expect(reports).toHaveLength(2);
  });

  it('says what it left out and why, and never groups unrelated values into a report', () => {
    expect(skipped).toEqual(
      expect.arrayContaining([
        { id: ids.yara.id, reason: 'pattern type "yara" is not read' },
        {
          id: ids.skype.id,
          reason: 'user-account of type "skype" is neither a merchant nor a remote-access id',
        },
        { id: ids.gangActor.id, reason: 'threat actor that is not an individual scammer' },
        {
          id: ids.loose.id,
          reason:
            'related to no intrusion set and in no report (unrelated values are not grouped into one report)',
        },
      ]),
    );
    expect(skipped.map((s) => s.id)).not.toContain(ids.cert.id);
  });
});

describe('fromStixBundle reads through campaigns, infrastructure and reports', () => {
  it("reads a campaign's and an infrastructure's values into their intrusion set's report", () => {
    const gang = sdo('intrusion-set', { name: 'Gang' });
    const wave = sdo('campaign', { name: 'November wave' });
    const waveIndicator = sdo('indicator', {
      pattern: "[phone-number:value = '+18772229841']",
      pattern_type: 'stix',
      valid_from: T,
    });
    const site = sdo('infrastructure', { name: 'popups' });
    const domain = sco('domain-name', { value: 'popup.example' });
    const unrelated = sco('domain-name', { value: 'elsewhere.example' });
    const report = sdo('report', { name: 'Gang', published: T, object_refs: [gang.id, unrelated.id] });
    const { reports, skipped } = fromStixBundle(
      bundleOf([
        gang,
        wave,
        waveIndicator,
        site,
        domain,
        unrelated,
        report,
        rel('attributed-to', wave, gang),
        rel('indicates', waveIndicator, wave),
        rel('uses', gang, site),
        rel('consists-of', site, domain),
      ]),
    );
    expect(reports).toEqual([
      {
        externalId: `stix:${gang.id}`,
        source: 'stix:unknown',
        submittedAt: T,
        callbackNumbers: ['+18772229841'],
        urls: ['popup.example'],
      },
    ]);
    expect(skipped).toEqual([
      { id: unrelated.id, reason: 'in a report about an intrusion set, but related to none' },
    ]);
  });
});

describe('fromStixBundle refuses what it cannot trust', () => {
  it('throws a ValidationError naming the first problems of an invalid bundle', () => {
    const broken = sdo('indicator', {
      pattern: "[url:value = 'x'",
      pattern_type: 'stix',
      valid_from: 'yesterday',
    });
    const attempt = () => fromStixBundle(bundleOf([broken]));
    expect(attempt).toThrow(ValidationError);
    expect(attempt).toThrow(`invalid STIX bundle: ${broken.id}: /valid_from: must match pattern`);
    try {
      attempt();
    } catch (e) {
      expect((e as ValidationError).issues).toContainEqual({
        path: broken.id,
        message: '/pattern: not a valid STIX pattern (expected "]" at the end)',
      });
    }
  });

  it('refuses a bundle bigger than the limit before validating it', () => {
    const objects = new Array(11).fill({ type: 'x' });
    expect(() => fromStixBundle({ type: 'bundle', id: 'bundle--x', objects }, { maxObjects: 10 })).toThrow(
      'STIX bundle too big: the bundle has 11 objects; at most 10 are accepted',
    );
  });

  it('keeps a report within the contract: 50 numbers at most, unstorable values left out', () => {
    const indicator = (kind: string, value: string): SharedIndicator => ({
      kind,
      value,
      reportCount: 1,
      firstSeen: T,
      lastSeen: T,
      expiresAt: T,
      decay: 1,
    });
    const phones = Array.from({ length: 55 }, (_, i) => indicator('phone', `+1877222${String(9800 + i)}`));
    const op = sampleOperation({
      indicators: [...phones, indicator('company', 'Bad\u0000Co'), indicator('merchant', 'x'.repeat(300))],
    });
    const { reports, skipped } = fromStixBundle(toStixBundle([op], { now: new Date(T), producer: 'P' }));
    expect(reports[0]?.callbackNumbers).toHaveLength(50);
    expect(reports[0]?.companyNames).toBeUndefined();
    expect(
      skipped.filter((s) => s.reason.startsWith('callbackNumbers: a report holds at most 50')),
    ).toHaveLength(5);
    expect(skipped.map((s) => s.reason)).toEqual(
      expect.arrayContaining([
        'companyNames: not storable text (empty, NUL or lone surrogate)',
        'merchantDescriptor: longer than 200 characters',
      ]),
    );
  });
});
