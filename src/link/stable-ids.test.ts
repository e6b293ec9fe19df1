import { describe, expect, it } from 'vitest';
import { assignOperationIds, operationIdFor } from './stable-ids.js';

const reportIds = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6'];

describe('assignOperationIds', () => {
  it('keeps an operation id while most of its reports stay, and names new clusters from their oldest report', () => {
    const ids = assignOperationIds(Int32Array.from([0, 0, 0, 1, 1, 1]), 2, reportIds, [
      'op-a',
      'op-a',
      'op-a',
      undefined,
      undefined,
      'op-a',
    ]);
    expect(ids[0]).toBe('op-a');
    expect(ids[1]).toBe(operationIdFor('r4'));
  });

  it('gives a merged cluster the id of the operation that contributed most, and each id to one cluster only', () => {
    const merged = assignOperationIds(Int32Array.from([0, 0, 0, 0, 0, 1]), 2, reportIds, [
      'a',
      'a',
      'a',
      'b',
      'b',
      'b',
    ]);
    expect(merged[0]).toBe('a');
    expect(merged[1]).not.toBe('a');
    // b kept only 1 of its 3 reports in cluster 1: not most of them, so cluster 1 gets a new id.
    expect(merged[1]).toBe(operationIdFor('r6'));
  });

  it('is deterministic: the same input gives the same ids', () => {
    const run = () =>
      assignOperationIds(
        Int32Array.from([1, 0, 1, 0]),
        2,
        ['x', 'y', 'z', 'w'],
        [undefined, undefined, undefined, undefined],
      );
    expect(run()).toEqual(run());
  });
});
