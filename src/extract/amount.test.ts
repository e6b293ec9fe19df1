import { describe, expect, it } from 'vitest';
import { parseAmountNumber } from './amount.js';
import { extractText } from './index.js';

const amounts = (text: string, country?: string) =>
  extractText(text, { country }).amounts.map((a) => [a.value, a.currency, a.kind]);

describe('amounts', () => {
  it('parses thousands and decimals the way each locale writes them', () => {
    expect(parseAmountNumber('1,500.00')).toBe(1500);
    expect(parseAmountNumber('1.500,00')).toBe(1500);
    expect(parseAmountNumber('2 500')).toBe(2500);
    expect(parseAmountNumber('1,5')).toBe(1.5);
    expect(parseAmountNumber('399.99')).toBe(399.99);
  });

  it('knows every currency form of the issue', () => {
    expect(
      amounts(
        'I paid $500, US$1,200, CA$300, A$250, £25,000, €99, ¥30,000, ₹5000, USD 500, 1.500,00 € and $5k',
      ),
    ).toEqual([
      [500, 'USD', 'paid'],
      [1200, 'USD', 'paid'],
      [300, 'CAD', 'paid'],
      [250, 'AUD', 'paid'],
      [25000, 'GBP', 'paid'],
      [99, 'EUR', 'paid'],
      [30000, 'JPY', 'paid'],
      [5000, 'INR', 'paid'],
      [500, 'USD', 'paid'],
      [1500, 'EUR', 'paid'],
      [5000, 'USD', 'paid'],
    ]);
    expect(amounts('5万円を支払いました')).toEqual([[50000, 'JPY', 'paid']]);
    expect(amounts('they wanted $300', 'CA')).toEqual([[300, 'CAD', 'asked']]);
  });

  it('tells paid, asked and refunded apart and totals the loss', () => {
    const r = extractText(
      'They asked for $499 for a licence. I paid $299 by card. Later the bank refunded $100.',
    );
    expect(r.amounts.map((a) => a.kind)).toEqual(['asked', 'paid', 'refunded']);
    expect(r.totalLoss).toEqual([{ currency: 'USD', value: 199 }]);
  });

  it('does not take the fake refund of a refund scam for a real one', () => {
    const r = extractText(
      'He said they refunded $5,000 by mistake and I had to send back $4,500 in gift cards.',
    );
    expect(r.amounts.map((a) => [a.value, a.kind])).toEqual([
      [5000, 'unknown'],
      [4500, 'paid'],
    ]);
  });

  it('ignores numbers without a currency', () => {
    expect(amounts('I waited 45 minutes and he called 3 times')).toEqual([]);
  });
});
