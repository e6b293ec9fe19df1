import { describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit.js';

describe('group commit', () => {
  it('writes what arrives together in one write, and each caller gets its own outcome in order', async () => {
    const writes: number[][] = [];
    const group = new GroupCommit<number, string>(async (items) => {
      writes.push(items);
      await new Promise((r) => setTimeout(r, 5));
      return items.map((i) => `stored ${i}`);
    });
    const first = await Promise.all([1, 2, 3].map((i) => group.submit(i)));
    expect(first).toEqual(['stored 1', 'stored 2', 'stored 3']);
    expect(writes).toEqual([[1, 2, 3]]);
    // Arrivals during a write wait for it, then go together.
    const during = [group.submit(4)];
    await new Promise((r) => setTimeout(r, 1));
    during.push(group.submit(5), group.submit(6));
    expect(await Promise.all(during)).toEqual(['stored 4', 'stored 5', 'stored 6']);
    expect(writes.slice(1)).toEqual([[4], [5, 6]]);
  });

  it('bounds a write to maxBatch items', async () => {
    const sizes: number[] = [];
    const group = new GroupCommit<number, number>(async (items) => {
      sizes.push(items.length);
      return items;
    }, 4);
    await Promise.all(Array.from({ length: 10 }, (_, i) => group.submit(i)));
    expect(sizes).toEqual([4, 4, 2]);
  });

  it('fails only the caller whose item fails: a shared write that fails is retried item by item', async () => {
    const group = new GroupCommit<number, number>(async (items) => {
      if (items.includes(13)) throw new Error(`13 is refused (write of ${items.length})`);
      return items.map((i) => i * 10);
    });
    const outcomes = await Promise.allSettled([12, 13, 14].map((i) => group.submit(i)));
    expect(outcomes).toEqual([
      { status: 'fulfilled', value: 120 },
      { status: 'rejected', reason: new Error('13 is refused (write of 1)') },
      { status: 'fulfilled', value: 140 },
    ]);
    // And it keeps working afterwards.
    expect(await group.submit(15)).toBe(150);
  });
});
