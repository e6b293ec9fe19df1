import { describe, expect, it } from 'vitest';
import { sampleOperation } from '../../../test/helpers/shared-operations.js';
import type { SharedIndicator } from '../types.js';
import { toStixBundle } from './export.js';
import { tlpMarking } from './markings.js';
import { dragnetExtensionDefinition } from './observables.js';
import { OPENCTI_SCO_EXTENSION, type StixObject } from './types.js';
import { validateBundle } from './validate.js';

const NOW = new Date('2026-11-25T12:00:00.000Z');
const T = '2026-11-01T10:00:00.000Z';
const bundleOf = (...objects: unknown[]) => ({
  type: 'bundle',
  id: 'bundle--5d0092c5-5f74-4287-9642-33f4c354e56d',
  objects,
});
const indicator = (over: Record<string, unknown> = {}): StixObject => ({
  type: 'indicator',
  spec_version: '2.1',
  id: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
  created: T,
  modified: T,
  pattern: "[domain-name:value = 'win-alert.example.net']",
  pattern_type: 'stix',
  valid_from: T,
  ...over,
});
const openCtiObservable = (type: string, properties: Record<string, unknown>): StixObject => ({
  type,
  spec_version: '2.1',
  id: `${type}--1b8a1f52-4c6e-4a52-9c36-0e2f4c1f8c11`,
  ...properties,
  extensions: { [OPENCTI_SCO_EXTENSION]: { extension_type: 'new-sco' } },
});

describe('validateBundle', () => {
  it('accepts the export of an operation, every object against its own schema', () => {
    const verdict = validateBundle(toStixBundle([sampleOperation()], { now: NOW, producer: 'Dragnet' }));
    expect(verdict).toEqual({ valid: true, errors: [] });
  });

  it('accepts locations, incidents and extension definitions, which the official bundle.json refuses', () => {
    const sdo = { spec_version: '2.1', created: T, modified: T };
    const location = { ...sdo, type: 'location', id: 'location--0f3c1bd4-2f1b-4a3e-9d0a-4d1f7e6b2c11' };
    const incident = { ...sdo, type: 'incident', id: 'incident--0f3c1bd4-2f1b-4a3e-9d0a-4d1f7e6b2c11' };
    const verdict = validateBundle(
      bundleOf({ ...location, country: 'US' }, { ...incident, name: 'Losses' }, dragnetExtensionDefinition()),
    );
    expect(verdict).toEqual({ valid: true, errors: [] });
  });

  it('accepts the TLP 2.0 marking definitions as they are published', () => {
    const markings = (['clear', 'green', 'amber', 'amber+strict', 'red'] as const).map(tlpMarking);
    expect(validateBundle(bundleOf(...markings)).valid).toBe(true);
  });

  it("accepts OpenCTI's custom observables with their new-sco extension", () => {
    const verdict = validateBundle(
      bundleOf(
        openCtiObservable('phone-number', { value: '+18772229841' }),
        openCtiObservable('bank-account', { iban: 'GB33BUKB20201555555555', bic: 'BUKBGB22' }),
        openCtiObservable('payment-card', { card_number: '4242' }),
        openCtiObservable('cryptocurrency-wallet', { value: 'bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh' }),
        openCtiObservable('text', { value: 'TECHFIX' }),
      ),
    );
    expect(verdict).toEqual({ valid: true, errors: [] });
  });

  it('refuses a custom observable without the extension that declares it', () => {
    const phone = openCtiObservable('phone-number', { value: '+18772229841' });
    delete phone.extensions;
    const verdict = validateBundle(bundleOf(phone));
    expect(verdict.valid).toBe(false);
    expect(verdict.errors[0]).toMatchObject({
      object: phone.id,
      message: expect.stringContaining('unknown type'),
    });
  });

  it('reports an object without an id, naming it by its place', () => {
    const { id: _, ...noId } = indicator();
    const verdict = validateBundle(bundleOf(noId));
    expect(verdict.valid).toBe(false);
    expect(verdict.errors).toContainEqual({
      object: 'objects[0]',
      message: "must have required property 'id'",
    });
  });

  it('reports a pattern type that is not a string, and a STIX pattern that does not parse', () => {
    const badType = validateBundle(bundleOf(indicator({ pattern_type: 5 })));
    expect(badType.errors).toContainEqual({
      object: indicator().id,
      message: '/pattern_type: must be string',
    });
    const badPattern = validateBundle(bundleOf(indicator({ pattern: "[domain-name:value = 'a' AND]" })));
    expect(badPattern.valid).toBe(false);
    expect(badPattern.errors[0]?.message).toMatch(/^\/pattern: not a valid STIX pattern/);
  });

  it('reports timestamps without a time zone, and a modified before created', () => {
    const local = validateBundle(bundleOf(indicator({ valid_from: '2026-11-01T10:00:00' })));
    expect(local.errors.map((e) => e.message)).toContain(
      '/valid_from: must match pattern "^[0-9]{4}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):([0-5][0-9]):([0-5][0-9]|60)(\\.[0-9]+)?Z$"',
    );
    const backwards = validateBundle(bundleOf(indicator({ modified: '2026-10-01T10:00:00.000Z' })));
    expect(backwards.errors).toContainEqual({
      object: indicator().id,
      message: 'modified is earlier than created',
    });
  });

  it('reports an id that does not start with its type', () => {
    const verdict = validateBundle(
      bundleOf(openCtiObservable('phone-number', { value: '+1' }), {
        ...openCtiObservable('text', { value: 'x' }),
        id: 'phone-number--2b8a1f52-4c6e-4a52-9c36-0e2f4c1f8c11',
      }),
    );
    expect(verdict.errors).toContainEqual({
      object: 'phone-number--2b8a1f52-4c6e-4a52-9c36-0e2f4c1f8c11',
      message: 'id must start with "text--"',
    });
  });

  it('reports unknown types and non-objects without throwing', () => {
    const verdict = validateBundle(
      bundleOf({ type: 'scam-call', id: 'scam-call--2b8a1f52-4c6e-4a52-9c36-0e2f4c1f8c11' }, 42, null),
    );
    expect(verdict.valid).toBe(false);
    expect(verdict.errors.map((e) => e.object)).toEqual([
      'scam-call--2b8a1f52-4c6e-4a52-9c36-0e2f4c1f8c11',
      'objects[1]',
      'objects[2]',
    ]);
    expect(validateBundle('not a bundle')).toEqual({
      valid: false,
      errors: [{ object: 'bundle', message: 'must be an object' }],
    });
    expect(validateBundle({ type: 'bundle' }).errors).toContainEqual({
      object: 'bundle',
      message: "must have required property 'id'",
    });
  });

  it('checks a hostile type name in linear time (the published type pattern backtracks exponentially)', () => {
    const hostile = { type: `${'a'.repeat(40)}!`, id: 'x--2b8a1f52-4c6e-4a52-9c36-0e2f4c1f8c11' };
    const extension = openCtiObservable('text', { value: 'x' });
    extension.extensions = { [`${'a'.repeat(40)}!`]: { x: 1 } };
    const t0 = performance.now();
    expect(validateBundle(bundleOf(hostile, extension)).valid).toBe(false);
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('validates 20,000 objects in seconds (objects are dispatched by type, not tried on 36 schemas)', () => {
    const ops = Array.from({ length: 100 }, (_, k) => {
      const base = sampleOperation({ id: `op-${k}` });
      const indicators = Array.from({ length: 40 }, (_, j) => ({
        ...(base.indicators[0] as SharedIndicator),
        kind: j % 2 ? 'phone' : 'domain',
        value: j % 2 ? `+1877${String(k * 100 + j).padStart(7, '0')}` : `popup-${k}-${j}.example.com`,
      }));
      return { ...base, indicators };
    });
    const bundle = toStixBundle(ops, { now: NOW, producer: 'Dragnet' });
    expect(bundle.objects.length).toBeGreaterThan(20_000);
    const t0 = performance.now();
    expect(validateBundle(bundle).valid).toBe(true);
    expect(performance.now() - t0).toBeLessThan(10_000);
  });

  it('refuses a bundle of more than 100,000 objects before validating any', () => {
    const objects = new Array(100_001).fill({});
    expect(validateBundle({ type: 'bundle', id: 'bundle--x', objects })).toEqual({
      valid: false,
      errors: [{ object: 'bundle', message: 'has 100001 objects; at most 100000 are accepted' }],
    });
  });
});
