import { describe, expect, it } from 'vitest';
import type { OperationFacts, ReportFacts } from './facts.js';
import { priority } from './priority.js';
import { hostingOf, profile } from './profile.js';

const DAY = 86_400_000;
const now = Date.UTC(2026, 10, 1);
const report = (daysAgo: number, extra: Partial<ReportFacts> = {}): ReportFacts => ({
  time: now - daysAgo * DAY,
  victimCountry: 'US',
  ageBand: null,
  channel: 'popup',
  language: 'en',
  brands: ['Microsoft'],
  paymentMethods: ['gift_card'],
  remoteTools: ['anydesk'],
  losses: [{ currency: 'USD', value: 500 }],
  ...extra,
});

describe('priority', () => {
  it('ranks a fast-growing operation above a larger one that has gone quiet', () => {
    const surging: OperationFacts = {
      reports: Array.from({ length: 30 }, (_, i) => report(i % 10)),
      indicators: [
        {
          kind: 'phone',
          value: '+18554428444',
          reportCount: 30,
          firstSeen: now - 10 * DAY,
          lastSeen: now - DAY,
        },
      ],
    };
    const quiet: OperationFacts = {
      reports: Array.from({ length: 120 }, (_, i) => report(200 + i)),
      indicators: [
        {
          kind: 'phone',
          value: '+18554420000',
          reportCount: 120,
          firstSeen: now - 320 * DAY,
          lastSeen: now - 200 * DAY,
        },
      ],
    };
    const a = priority(surging, now);
    const b = priority(quiet, now);
    expect(a.score).toBeGreaterThan(b.score);
    expect(a.components.reportsLast7Days).toBe(21);
    expect(a.components.growth).toBeGreaterThan(5);
    expect(b.components.freshness).toBe(0);
  });

  it('counts vulnerable victims and losses in dollars', () => {
    const p = priority(
      {
        reports: [report(1, { ageBand: '80_plus', losses: [{ currency: 'GBP', value: 1000 }] })],
        indicators: [],
      },
      now,
    );
    expect(p.components.vulnerableVictims).toBe(1);
    expect(p.components.lossUsd).toBeCloseTo(1270);
  });
});

describe('profile', () => {
  it('tells modus operandi, origin and targets', () => {
    const p = profile({
      reports: [report(1, { victimCountry: 'GB' }), report(2), report(3)],
      indicators: [
        { kind: 'phone', value: '+442079460000', reportCount: 1, firstSeen: now, lastSeen: now },
        { kind: 'iban', value: 'GB33BUKB20201555555555', reportCount: 1, firstSeen: now, lastSeen: now },
        { kind: 'domain', value: 'ms-help.azurewebsites.net', reportCount: 1, firstSeen: now, lastSeen: now },
      ],
    });
    expect(p.targets.victimCountries).toEqual([
      { value: 'US', count: 2 },
      { value: 'GB', count: 1 },
    ]);
    expect(p.origin.phoneCountries[0]!.value).toBe('GB');
    expect(p.origin.hosting[0]!.value).toBe('azurewebsites.net');
    expect(p.lossesByCurrency).toEqual([{ currency: 'USD', value: 1500 }]);
    expect(hostingOf('support-win.xyz')).toBe('xyz');
  });
});

describe('profiling a very large operation', () => {
  it('profiles 200,000 reports without overflowing the call stack', () => {
    const reports = Array.from({ length: 200_000 }, (_, i) => report(i % 300));
    const p = profile({ reports, indicators: [] });
    expect(p.activePeriod.first).toBe(new Date(now - 299 * DAY).toISOString());
    expect(p.activePeriod.last).toBe(new Date(now).toISOString());
    expect(() => priority({ reports, indicators: [] }, now)).not.toThrow();
  });
});
