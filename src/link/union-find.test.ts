import { describe, expect, it } from 'vitest';
import { UnionFind } from './union-find.js';

describe('UnionFind', () => {
  it('joins sets and labels them densely in order of first appearance', () => {
    const uf = new UnionFind(6);
    uf.union(4, 5);
    uf.union(1, 4);
    uf.union(2, 3);
    expect(uf.find(5)).toBe(uf.find(1));
    expect(uf.find(0)).not.toBe(uf.find(1));
    expect(Array.from(uf.labels().labels)).toEqual([0, 1, 2, 2, 1, 1]);
    expect(uf.labels().count).toBe(3);
  });
});
