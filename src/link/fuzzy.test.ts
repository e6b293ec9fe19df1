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
});

describe('phoneTypoPairs', () => {
  it('pairs numbers one digit apart, but not numbers two apart', () => {
    const pairs = phoneTypoPairs(['+18554428444', '+18554428454', '+18554420000', '+442079460000']);
    expect(pairs).toEqual([[0, 1]]);
  });
});
