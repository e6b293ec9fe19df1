import { describe, expect, it } from 'vitest';
import { abaOk } from './bank-account.js';
import { luhnOk } from './card.js';
import { ibanOk } from './iban.js';
import { extractText } from './index.js';

const of = (text: string, kind: string) => extractText(text).indicators.filter((i) => i.kind === kind);

describe('IBANs, bank accounts and cards', () => {
  it('accepts IBANs by country length and mod-97, grouped or not', () => {
    expect(ibanOk('GB82WEST12345698765432')).toBe(true);
    expect(ibanOk('GB82WEST12345698765433')).toBe(false);
    expect(of('IBAN: DE89 3704 0044 0532 0130 00 please', 'iban').map((i) => i.value)).toEqual([
      'DE89370400440532013000',
    ]);
    expect(of('virement sur FR1420041010050500013M02606.', 'iban').map((i) => i.value)).toEqual([
      'FR1420041010050500013M02606',
    ]);
  });

  it('reads labelled account numbers with an ABA-checked routing number', () => {
    expect(abaOk('021000021')).toBe(true);
    expect(abaOk('021000022')).toBe(false);
    const [a] = of('wire to account number 483920115 routing number 021000021 at Chase', 'bank_account');
    expect(a?.value).toBe('483920115');
    expect(a?.meta?.routing).toBe('021000021');
    expect(of('I waited 483920115 seconds', 'bank_account')).toEqual([]);
  });

  it('keeps only the last 4 digits of a card, masked even in raw', () => {
    expect(luhnOk('4111111111111111')).toBe(true);
    const [c] = of('they charged my card 4111-1111-1111-1111 twice', 'card_last4');
    expect(c?.value).toBe('1111');
    expect(c?.raw).not.toMatch(/4111/);
    expect(JSON.stringify(extractText('card 4111 1111 1111 1111'))).not.toContain('4111 1111');
    expect(of('my Visa card ending in 4821 was charged', 'card_last4').map((i) => i.value)).toEqual(['4821']);
    expect(of('number 4111 1111 1111 1112', 'card_last4')).toEqual([]);
  });

  it('reads merchant descriptors as on a statement', () => {
    expect(of('it showed as TECHHELP*SERVICES on my statement.', 'merchant').map((i) => i.value)).toEqual([
      'TECHHELP*SERVICES',
    ]);
    expect(of('charged by SQ *PC GEEKS LLC', 'merchant').map((i) => i.value)).toEqual(['SQ*PC GEEKS LLC']);
  });
});
