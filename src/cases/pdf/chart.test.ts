import { describe, expect, it } from 'vitest';
import { sampleOperation } from '../../../test/helpers/shared-operations.js';
import { niceTicks, timelineOf } from './chart.js';

const daily = (...days: Array<[string, number]>) =>
  sampleOperation({ daily: days.map(([day, reports]) => ({ day, reports, losses: [] })) });

describe('timelineOf', () => {
  it('bins reports per day across operations, gaps included', () => {
    const timeline = timelineOf([daily(['2026-11-19', 2], ['2026-11-21', 1]), daily(['2026-11-19', 3])]);
    expect(timeline).toEqual({
      unit: 'day',
      bins: [
        { start: '2026-11-19', reports: 5 },
        { start: '2026-11-20', reports: 0 },
        { start: '2026-11-21', reports: 1 },
      ],
    });
  });

  it('switches to weeks from Monday over a long range, and to months and years beyond', () => {
    const weeks = timelineOf([daily(['2026-01-01', 1], ['2026-11-19', 2])]);
    expect(weeks.unit).toBe('week');
    expect(weeks.bins[0]).toEqual({ start: '2025-12-29', reports: 1 });
    expect(timelineOf([daily(['2020-01-01', 1], ['2026-11-19', 2])]).unit).toBe('month');
    const years = timelineOf([daily(['1995-06-01', 1], ['2026-11-19', 2])]);
    expect(years.unit).toBe('year');
    expect(years.bins.length).toBeLessThanOrEqual(160);
  });

  it('leaves out days that are not dates or are implausible', () => {
    const timeline = timelineOf([
      daily(['0001-01-01', 9], ['garbage', 9], ['2026-11-19', 1], ['9999-12-31', 9]),
    ]);
    expect(timeline.bins).toEqual([{ start: '2026-11-19', reports: 1 }]);
  });
});

describe('niceTicks', () => {
  it('counts up in round steps to at least the maximum', () => {
    expect(niceTicks(17)).toEqual([0, 5, 10, 15, 20]);
    expect(niceTicks(1)).toEqual([0, 1]);
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(1234)).toEqual([0, 500, 1000, 1500]);
  });
});
