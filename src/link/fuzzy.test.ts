import { describe, expect, it } from 'vitest';
import { companyVariants, jaroWinkler, phoneTypoPairs } from './fuzzy.js';

describe('jaroWinkler', () => {
  it('matches the textbook values', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.9611, 3);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.8133, 3);
    expect(jaroWinkler('abc', 'abc')).toBe(1);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
  });
});

describe('companyVariants', () => {
  it('maps misspellings and spacing variants to the most common spelling, and leaves others alone', () => {
    const names = new Map([
      ['easy net express', 10],
      ['easynet express', 2],
      ['easy net expres', 1],
      ['easy tech solutions', 4],
      ['global it help', 3],
    ]);
    const v = companyVariants(names);
    expect(v.get('easynet express')).toBe('easy net express');
    expect(v.get('easy net expres')).toBe('easy net express');
    expect(v.has('easy tech solutions')).toBe(false);
    expect(v.has('easy net express')).toBe(false);
  });

  it('finds a swap of two letters at the start of a name (the commonest typo)', () => {
    const names = new Map([
      ['smart shield', 40],
      ['samrt shield', 2],
      ['quick guard', 30],
      ['qucik guard', 1],
      ['smart network', 5],
    ]);
    const v = companyVariants(names);
    expect(v.get('samrt shield')).toBe('smart shield');
    expect(v.get('qucik guard')).toBe('quick guard');
    expect(v.has('smart network')).toBe(false);
  });
});

describe('phoneTypoPairs', () => {
  it('pairs numbers one digit apart, but not numbers two apart', () => {
    const pairs = phoneTypoPairs(['+18554428444', '+18554428454', '+18554420000', '+442079460000']);
    expect(pairs).toEqual([[0, 1]]);
  });
});

describe('evidence rules found on simulated worlds', () => {
  it('treats a one-digit difference as a typo only away from the last two digits (sequential blocks differ there)', async () => {
    const { isStrongTypo } = await import('./cluster.js');
    expect(isStrongTypo('+18554428444', '+18554420444', 1, 5)).toBe(true);
    expect(isStrongTypo('+13028367612', '+13028367610', 1, 27)).toBe(false);
    expect(isStrongTypo('+18554428444', '+18554420444', 2, 2)).toBe(false);
  });

  it('weighs generic company names like first names', async () => {
    const { isGenericCompany } = await import('./weights.js');
    expect(isGenericCompany('tech solutions')).toBe(true);
    expect(isGenericCompany('alpha services')).toBe(true);
    expect(isGenericCompany('easy net express')).toBe(false);
  });
});
