import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { selectPositions } from './selection';

describe('selectPositions', () => {
  it('takes every position in order without a shard or limit', () => {
    expect(selectPositions(5)).toEqual([0, 1, 2, 3, 4]);
    expect(selectPositions(0)).toEqual([]);
  });

  it('gives shard i/k the places congruent to i - 1 mod k', () => {
    expect(selectPositions(10, { shard: { index: 1, count: 3 } })).toEqual([0, 3, 6, 9]);
    expect(selectPositions(10, { shard: { index: 3, count: 3 } })).toEqual([2, 5, 8]);
  });

  it('partitions the selection exactly: the shards together are the unsharded run', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 1, max: 12 }),
        fc.option(fc.integer({ min: 1, max: 600 }), { nil: undefined }),
        (total, count, limit) => {
          const whole = selectPositions(total, limit === undefined ? {} : { limit });
          const limited = limit === undefined ? {} : { limit };
          const shards = Array.from({ length: count }, (_, i) =>
            selectPositions(total, { ...limited, shard: { index: i + 1, count } }),
          );
          const joined = shards.flat().sort((a, b) => a - b);
          expect(joined).toEqual(whole);
          expect(new Set(joined).size).toBe(joined.length);
        },
      ),
    );
  });

  it('spreads a limit evenly over the range', () => {
    expect(selectPositions(100, { limit: 4 })).toEqual([0, 25, 50, 75]);
    expect(selectPositions(3, { limit: 10 })).toEqual([0, 1, 2]);
  });
});
