import { describe, expect, it } from 'vitest';
import { explainLink, type ValueFacts } from './explain.js';
import type { LinkReport } from './types.js';

const facts = (kind: string): ValueFacts =>
  kind === 'person'
    ? { weight: 0.3, reportCount: 40, role: 'weak' }
    : kind === 'company'
      ? { weight: 0.7, reportCount: 3, role: 'weak' }
      : { weight: 1, reportCount: 2, role: 'linking' };

const reports: LinkReport[] = [
  {
    id: 'a',
    indicators: [
      { kind: 'phone', value: '+18554428444' },
      { kind: 'domain', value: 'microsoft.com' },
    ],
  },
  {
    id: 'b',
    indicators: [
      { kind: 'phone', value: '+18554428444' },
      { kind: 'merchant', value: 'TECHHELP*SERVICES' },
    ],
  },
  {
    id: 'c',
    indicators: [
      { kind: 'merchant', value: 'TECHHELP*SERVICES' },
      { kind: 'company', value: 'easy net' },
      { kind: 'person', value: 'john' },
    ],
  },
  {
    id: 'd',
    indicators: [
      { kind: 'company', value: 'easy net' },
      { kind: 'person', value: 'john' },
      { kind: 'person', value: 'steve' },
    ],
  },
  { id: 'e', indicators: [{ kind: 'phone', value: '+18000000000' }] },
];

describe('explainLink', () => {
  it('returns the shortest chain of shared values between two reports, step by step', () => {
    const x = explainLink(reports, 'a', 'c', (k) => facts(k))!;
    expect(x.steps.map((s) => [s.from, s.to, s.shared.map((v) => v.value)])).toEqual([
      ['a', 'b', ['+18554428444']],
      ['b', 'c', ['TECHHELP*SERVICES']],
    ]);
  });

  it('crosses a step on weak evidence only when it adds up, and marks it weak', () => {
    const x = explainLink(reports, 'b', 'd', (k) => facts(k))!;
    expect(x.steps.at(-1)).toMatchObject({ from: 'c', to: 'd', weak: true });
    expect(
      x.steps
        .at(-1)!
        .shared.map((s) => s.kind)
        .sort(),
    ).toEqual(['company', 'person']);
  });

  it('says there is no chain when none exists', () => {
    expect(explainLink(reports, 'a', 'e', (k) => facts(k))).toBeNull();
  });
});
