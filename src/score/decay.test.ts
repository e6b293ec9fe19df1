import { describe, expect, it } from 'vitest';
import { decayedScore, expiresAt } from './decay.js';

const DAY = 86_400_000;

describe('decay', () => {
  it("follows MISP's phone model: base 80 falls below 30 about 3.4 days after last seen", () => {
    const now = Date.UTC(2026, 0, 10);
    expect(decayedScore('phone', now, now, 80)).toBe(80);
    const expiry = expiresAt('phone', now, 30, 80);
    expect((expiry - now) / DAY).toBeCloseTo(3.4, 1);
    expect(decayedScore('phone', now - 3.3 * DAY, now, 80)).toBeGreaterThan(30);
    expect(decayedScore('phone', now - 3.5 * DAY, now, 80)).toBeLessThan(30);
    expect(decayedScore('phone', now - 11 * DAY, now, 80)).toBe(0);
  });

  it('lets payment accounts live far longer than phone numbers', () => {
    const now = Date.UTC(2026, 0, 10);
    expect(decayedScore('iban', now - 30 * DAY, now)).toBeGreaterThan(
      decayedScore('phone', now - 3 * DAY, now),
    );
  });
});
