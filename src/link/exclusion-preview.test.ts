import { describe, expect, it } from 'vitest';
import { previewExclusion } from './exclusion-preview.js';
import { DEFAULT_LINK_POLICY, type LinkReport } from './types.js';

const report = (id: string, ...values: string[]): LinkReport => ({
  id,
  indicators: values.map((v) => ({ kind: v.includes('.') ? 'domain' : 'phone', value: v })),
});
const none = () => null;

describe('previewing an exclusion', () => {
  // Two pairs, each sharing a number, bridged only by one site.
  const reports = [
    report('a1', '+18442073311', 'bridge.com'),
    report('a2', '+18442073311'),
    report('b1', '+18442073399', 'bridge.com'),
    report('b2', '+18442073399'),
  ];
  const ops = ['op-1', 'op-1', 'op-1', 'op-1'];

  it('splits an operation at the value that bridges its groups', () => {
    const p = previewExclusion(
      reports,
      ops,
      { kind: 'domain', value: 'bridge.com' },
      DEFAULT_LINK_POLICY,
      none,
      [],
    );
    expect(p.get('op-1')).toEqual({ before: [4], after: [2, 2] });
  });

  it('honours the analysts’ decisions in force: a merge keeps the groups together', () => {
    const merge = { type: 'merge' as const, reportIds: ['a1', 'b2'] };
    const p = previewExclusion(
      reports,
      ops,
      { kind: 'domain', value: 'bridge.com' },
      DEFAULT_LINK_POLICY,
      none,
      [merge],
    );
    expect(p.get('op-1')).toEqual({ before: [4], after: [4] });
  });

  it('does not count crawled pages, which link but are no reports', () => {
    const withPage = [...reports, report('crawl:x', 'bridge.com')];
    const p = previewExclusion(
      withPage,
      [...ops, null],
      { kind: 'phone', value: '+18442073399' },
      DEFAULT_LINK_POLICY,
      none,
      [],
    );
    expect(p.get('op-1')).toEqual({ before: [4], after: [3, 1] });
  });
});
