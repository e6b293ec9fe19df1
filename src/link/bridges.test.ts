import { describe, expect, it } from 'vitest';
import { type CutRule, cutWeakBridges, evidenceGraph } from './bridges.js';

/**
 * A group of `size` reports from `start`: a chain of numbers each shared by two neighbours, and a core
 * value (its company) that every other report names.
 */
const group = (start: number, size: number, core = true) => [
  ...Array.from({ length: size - 1 }, (_, i) => ({
    value: 100 + start + i,
    reports: [start + i, start + i + 1],
  })),
  ...(core
    ? [{ value: 1000 + start, reports: Array.from({ length: size / 2 }, (_, i) => start + 2 * i) }]
    : []),
];

const RULE: CutRule = () => [12, 0.1, 8];
const cut = (nodes: Array<{ value: number; reports: number[] }>, n: number, rule = RULE) =>
  cutWeakBridges(evidenceGraph(n, nodes), new Int32Array(n), rule);

describe('cutWeakBridges', () => {
  it('cuts two groups that one value carried by too few of their reports holds together', () => {
    const nodes = [...group(0, 20), ...group(20, 20), { value: 7, reports: [3, 25] }];
    const { cluster, count, cuts } = cut(nodes, 40);
    expect(count).toBe(2);
    expect(new Set(cluster.subarray(0, 20)).size).toBe(1);
    expect(new Set(cluster.subarray(20, 40)).size).toBe(1);
    expect(cluster[0]).not.toBe(cluster[20]);
    expect(cuts.map((c) => nodes[c.node]!.value)).toEqual([7]);
  });

  it('keeps groups whose joining value a good share of both carry', () => {
    const nodes = [...group(0, 20), ...group(20, 20), { value: 7, reports: [1, 3, 5, 21, 23, 25] }];
    expect(cut(nodes, 40).count).toBe(1);
  });

  it('keeps a small part (a stray), a part with no core of its own, and groups held by two paths', () => {
    expect(cut([...group(0, 20), ...group(20, 6), { value: 7, reports: [3, 21] }], 26).count).toBe(1);
    // An operation's rotating numbers: every one is the only link between its reports before and after.
    expect(cut([...group(0, 20), ...group(20, 40, false), { value: 7, reports: [3, 25] }], 60).count).toBe(1);
    const twice = [
      ...group(0, 20),
      ...group(20, 20),
      { value: 7, reports: [3, 25] },
      { value: 8, reports: [9, 30] },
    ];
    expect(cut(twice, 40).count).toBe(1);
  });

  it('leaves clusters apart as they are, and cuts by the rule of each value', () => {
    const nodes = [...group(0, 20), ...group(20, 20), { value: 7, reports: [3, 25] }];
    const labels = Int32Array.from({ length: 40 }, (_, r) => (r < 20 ? 0 : 1));
    expect(cutWeakBridges(evidenceGraph(40, nodes), labels, RULE).count).toBe(2);
    expect(cut(nodes, 40, (v) => (v === 7 ? [30, 0.1, 8] : RULE(v))).count).toBe(1);
  });
});
