import { describe, expect, it } from 'vitest';
import { evidenceTree, explainLink, type ValueFacts } from './explain.js';
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

describe('explainLink across a block', () => {
  it('steps from a number to its neighbour in a sequential block, as weaker evidence', () => {
    const block: LinkReport[] = [
      { id: 'x', indicators: [{ kind: 'phone', value: '+18559700007' }] },
      { id: 'y', indicators: [{ kind: 'phone', value: '+18559700010' }] },
      { id: 'z', indicators: [{ kind: 'phone', value: '+18559700050' }] },
    ];
    const link = explainLink(block, 'x', 'y', facts);
    expect(link?.steps).toEqual([
      {
        from: 'x',
        to: 'y',
        shared: [{ kind: 'phone_block', value: '+18559700007 ~ +18559700010', weight: 0.5, reportCount: 4 }],
        weak: true,
      },
    ]);
    expect(explainLink(block, 'x', 'z', facts)).toBeNull();
  });
});

describe('evidenceTree', () => {
  it('joins every reachable report to the root by one step each, and lists the rest as unreached', () => {
    const t = evidenceTree(reports, 'a', (k) => facts(k));
    expect(t.steps.map((s) => [s.from, s.to, s.weak])).toEqual([
      ['b', 'a', false],
      ['c', 'b', false],
      ['d', 'c', true],
    ]);
    expect(t.unreached).toEqual(['e']);
    expect(t.truncated).toBe(false);
    // Each step agrees with the pairwise explanation's first hop.
    for (const s of t.steps)
      expect(explainLink(reports, s.from, s.to, (k) => facts(k))!.steps).toHaveLength(1);
  });

  it('caps the steps and says so', () => {
    const t = evidenceTree(reports, 'a', (k) => facts(k), 1, 2);
    expect(t.steps).toHaveLength(2);
    expect(t.truncated).toBe(true);
  });

  it('joins 20,000 reports sharing one value, each straight to the root', () => {
    const many: LinkReport[] = Array.from({ length: 20_000 }, (_, i) => ({
      id: `r${i}`,
      indicators: [{ kind: 'phone', value: '+18885550100' }],
    }));
    const t = evidenceTree(many, 'r0', (k) => facts(k));
    expect(t.steps).toHaveLength(19_999);
    expect(t.steps.every((s) => s.to === 'r0')).toBe(true);
  });
});
