import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import {
  displayPhone,
  halfPhone,
  mistypePhone,
  openBlock,
  PHONE_RANGES,
  REAL_BRAND_NUMBERS,
  takeNumber,
} from './phones.js';
import { Rng } from './rng.js';

const digits = (s: string) => s.replace(/\D/g, '');

describe('operation phone numbers', () => {
  it('are valid numbers of their country, VoIP or toll-free, and every display parses back to the same number', () => {
    const rng = new Rng(3);
    for (const country of Object.keys(PHONE_RANGES))
      for (const voip of [0, 1])
        for (let i = 0; i < 40; i++) {
          const p = takeNumber(openBlock(rng, country, voip));
          const parsed = parsePhoneNumberFromString(p.e164);
          expect(parsed?.isValid(), `${country} ${p.e164}`).toBe(true);
          expect(parsed?.country === country || parsed?.countryCallingCode === '1').toBe(true);
          if (!voip) expect(parsed?.getType()).toBe('TOLL_FREE');
          const shown = displayPhone(rng, p);
          expect(parsePhoneNumberFromString(shown, country as 'US')?.number).toBe(p.e164);
        }
  });

  it('come in sequential blocks: same prefix, adjacent line numbers', () => {
    const block = openBlock(new Rng(4), 'US', 0);
    const a = takeNumber(block);
    const b = takeNumber(block);
    expect(a.e164.slice(0, -4)).toBe(b.e164.slice(0, -4));
    expect((Number(b.e164.slice(-4)) - Number(a.e164.slice(-4)) + 10_000) % 10_000).toBe(1);
  });

  it('never use a real brand support number or the fictional 555 exchange', () => {
    const rng = new Rng(11);
    for (let i = 0; i < 2000; i++) {
      const p = takeNumber(openBlock(rng, 'US', 0.5));
      expect(REAL_BRAND_NUMBERS.has(p.e164)).toBe(false);
      expect(p.e164.slice(5, 8)).not.toBe('555');
    }
  });

  it('are garbled the way victims garble them: one digit off, or only the first half', () => {
    const rng = new Rng(12);
    for (let i = 0; i < 200; i++) {
      const shown = displayPhone(rng, takeNumber(openBlock(rng, 'GB', 0.5)));
      const typo = mistypePhone(rng, shown);
      const a = digits(shown);
      const b = digits(typo);
      expect(b.length).toBe(a.length);
      expect([...a].filter((d, j) => d !== b[j]).length).toBe(1);
      const half = digits(halfPhone(rng, shown));
      expect(a.startsWith(half)).toBe(true);
      expect(half.length).toBeLessThan(a.length);
      expect(half.length).toBeGreaterThanOrEqual(Math.floor(a.length / 2));
    }
  });
});
