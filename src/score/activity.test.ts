import { describe, expect, it } from 'vitest';
import { dailyActivity, timeline } from './activity.js';
import type { ReportFacts } from './facts.js';

const at = (iso: string, losses: ReportFacts['losses'] = []): ReportFacts => ({
  time: Date.parse(iso),
  victimCountry: 'US',
  ageBand: null,
  channel: null,
  language: null,
  brands: [],
  paymentMethods: [],
  remoteTools: [],
  losses,
});

describe('an operation’s timeline', () => {
  it('counts reports and sums losses per UTC day', () => {
    expect(
      dailyActivity([
        at('2025-03-02T23:30:00Z', [{ currency: 'USD', value: 100.005 }]),
        at('2025-03-01T10:00:00Z'),
        at('2025-03-02T01:00:00Z', [
          { currency: 'USD', value: 50 },
          { currency: 'EUR', value: 70 },
        ]),
      ]),
    ).toEqual([
      { day: '2025-03-01', reports: 1, losses: [] },
      {
        day: '2025-03-02',
        reports: 2,
        losses: [
          { currency: 'USD', value: 150.01 },
          { currency: 'EUR', value: 70 },
        ],
      },
    ]);
  });

  it('draws up to 90 days by day, with empty days, and longer spans by week starting on Monday', () => {
    const short = timeline(dailyActivity([at('2025-03-01T10:00:00Z'), at('2025-03-04T10:00:00Z')]));
    expect(short.bucket).toBe('day');
    expect(short.buckets.map((b) => [b.start, b.reports])).toEqual([
      ['2025-03-01', 1],
      ['2025-03-02', 0],
      ['2025-03-03', 0],
      ['2025-03-04', 1],
    ]);
    // 2025-01-01 is a Wednesday: its week starts on Monday 2024-12-30.
    const long = timeline(
      dailyActivity([at('2025-01-01T10:00:00Z'), at('2025-01-05T10:00:00Z'), at('2025-06-01T10:00:00Z')]),
    );
    expect(long.bucket).toBe('week');
    expect(long.buckets[0]).toEqual({ start: '2024-12-30', reports: 2, losses: [] });
    expect(long.buckets.at(-1)!.start).toBe('2025-05-26');
    expect(long.buckets.reduce((a, b) => a + b.reports, 0)).toBe(3);
  });
});
