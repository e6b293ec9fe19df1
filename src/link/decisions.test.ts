import { describe, expect, it } from 'vitest';
import { clusterReports } from './cluster.js';
import { applyDecisions, type LinkDecision } from './decisions.js';
import { DEFAULT_LINK_POLICY, type LinkReport } from './types.js';

// Two chains a1-a2-a3 (phones) and b1-b2 joined by a shared e-mail between a3 and b1.
const reports: LinkReport[] = [
  { id: 'a1', indicators: [{ kind: 'phone', value: '+18550000001' }] },
  {
    id: 'a2',
    indicators: [
      { kind: 'phone', value: '+18550000001' },
      { kind: 'domain', value: 'help-a.xyz' },
    ],
  },
  {
    id: 'a3',
    indicators: [
      { kind: 'domain', value: 'help-a.xyz' },
      { kind: 'email', value: 'x@y.com' },
    ],
  },
  {
    id: 'b1',
    indicators: [
      { kind: 'email', value: 'x@y.com' },
      { kind: 'phone', value: '+18559999999' },
    ],
  },
  { id: 'b2', indicators: [{ kind: 'phone', value: '+18559999999' }] },
  { id: 'c1', indicators: [{ kind: 'phone', value: '+18551234567' }] },
];
const index = new Map(reports.map((r, i) => [r.id, i]));

function run(decisions: LinkDecision[]) {
  const c = clusterReports(reports, DEFAULT_LINK_POLICY, () => null);
  const { cluster } = applyDecisions(c.cluster, index, decisions, c.graph, c.weights);
  return (id: string) => cluster[index.get(id)!];
}

describe('applyDecisions', () => {
  it('separates two reports marked "not linked", each keeping the reports closest to it', () => {
    const of = run([{ type: 'not_linked', a: 'a1', b: 'b2' }]);
    expect(of('a1')).toBe(of('a3'));
    expect(of('b1')).toBe(of('b2'));
    expect(of('a1')).not.toBe(of('b2'));
  });

  it('merges operations and carves out a split, in the order decided', () => {
    const of = run([
      { type: 'merge', reportIds: ['a1', 'c1'] },
      { type: 'split', reportIds: ['b1', 'b2'] },
    ]);
    expect(of('c1')).toBe(of('a1'));
    expect(of('b1')).toBe(of('b2'));
    expect(of('b1')).not.toBe(of('a1'));
  });
});
