import { describe, expect, it } from 'vitest';
import { interpretQuery } from './interpret.js';

const kinds = (q: string, country?: string) => interpretQuery(q, country).map((i) => `${i.kind}:${i.value}`);

describe('reading a search the way a victim types it', () => {
  it('finds the E.164 number in national and spaced forms', () => {
    expect(kinds('(844) 207-3311')).toContain('phone:+18442073311');
    expect(kinds('1 844 207 3311')).toContain('phone:+18442073311');
    expect(kinds('+44 800 123 4567')).toContain('phone:+448001234567');
    // A national number needs the victim's country as its region.
    expect(kinds('0800 123 4567', 'GB')).toContain('phone:+448001234567');
    expect(kinds('0800 123 4567').some((k) => k.startsWith('phone:'))).toBe(false);
  });

  it('reads sites, addresses and wallets in their stored forms, the extractor first', () => {
    expect(kinds('https://WWW.Fix-My-PC.com/help#top').slice(0, 2)).toEqual([
      'url:https://www.fix-my-pc.com/help',
      'domain:fix-my-pc.com',
    ]);
    expect(kinds('Fix-My-PC.com')[0]).toBe('domain:fix-my-pc.com');
    expect(kinds('Help.Desk@Fix-My-PC.com')[0]).toBe('email:help.desk@fix-my-pc.com');
    expect(kinds('0x0F1250D3E4C28A512BB3A45D88F04AF3FCF99E20')).toContain(
      'crypto_wallet:0x0f1250d3e4c28a512bb3a45d88f04af3fcf99e20',
    );
    expect(kinds('sp * swiftsupport')).toContain('merchant:SP*SWIFTSUPPORT');
  });

  it('never reads a query as the last four digits of a card on its own', () => {
    expect(kinds('4567').some((k) => k.startsWith('card_last4:'))).toBe(false);
  });
});
