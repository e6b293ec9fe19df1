import { describe, expect, it } from 'vitest';
import { hostCountry, originsOf } from './geography.js';

describe('where an operation’s infrastructure points', () => {
  it('places hosts by their country-code TLD only', () => {
    expect(hostCountry('shop.fix-my-pc.co.uk')).toBe('GB');
    expect(hostCountry('support-pc.in')).toBe('IN');
    expect(hostCountry('fix-my-pc.com')).toBeNull();
    expect(hostCountry('fix-my-pc.io')).toBeNull();
    expect(hostCountry('fix-my-pc.azurewebsites.net')).toBeNull();
  });

  it('counts each distinct value once per country and kind of evidence, most signals first', () => {
    expect(
      originsOf([
        { kind: 'phone', value: '+18442073311' },
        { kind: 'phone', value: '+18442073399' },
        { kind: 'phone', value: '+442079460123' },
        { kind: 'iban', value: 'GB33BUKB20201555555555' },
        { kind: 'domain', value: 'help-desk.co.uk' },
        { kind: 'email', value: 'x@y.in' },
      ]),
    ).toEqual([
      { country: 'GB', signals: { phone: 1, bank: 1, hosting: 1 } },
      { country: 'US', signals: { phone: 2 } },
    ]);
  });
});
