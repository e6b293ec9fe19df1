import { describe, expect, it } from 'vitest';
import { phoneBlockPairs } from './blocks.js';

describe('phoneBlockPairs', () => {
  it('pairs the numbers of one block whose lines are at most the span apart', () => {
    const phones = ['+18885550101', '+18885550102', '+18885550104', '+18885550108', '+18885560102'];
    const pairs = phoneBlockPairs(phones, 3).map(([a, b]) => [phones[a], phones[b]]);
    expect(pairs).toEqual([
      ['+18885550101', '+18885550102'],
      ['+18885550101', '+18885550104'],
      ['+18885550102', '+18885550104'],
    ]);
  });

  it('never pairs numbers of different lengths or blocks, and finds nothing in an empty list', () => {
    expect(phoneBlockPairs(['+441234567890', '+44123456789', '+33123456789'])).toEqual([]);
    expect(phoneBlockPairs([])).toEqual([]);
  });

  it('stays linear in a crowded block: 10,000 consecutive lines give span pairs each', () => {
    const phones = Array.from({ length: 10_000 }, (_, i) => `+1855777${String(i).padStart(4, '0')}`);
    expect(phoneBlockPairs(phones, 3).length).toBe(3 * 10_000 - 6);
  });
});
