import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demoRound } from './demoRound';
import { bftSafetyLowerBound, faultBound, membershipFloor, quorumNeeded } from './quorum';
import { checkProperty as checkSeededProperty } from '../../testing/checkProperty';

const checkProperty = <T>(property: fc.IProperty<T>, numRuns = 300) => checkSeededProperty(property, numRuns);

/** A subset of 0 … n−1 of exactly `size` members. */
const subsetOf = (n: number, size: number): fc.Arbitrary<number[]> =>
  fc.shuffledSubarray(Array.from({ length: n }, (_, i) => i), { minLength: size, maxLength: size });

describe('quorum arithmetic', () => {
  it('tolerates f = ⌊(n−1)/3⌋ faults', () => {
    const sizes = [1, 3, 4, 5, 6, 7, 10, 12, 49, 100];
    expect(sizes.map(faultBound)).toEqual([0, 0, 1, 1, 1, 2, 3, 3, 16, 33]);
    expect(faultBound(0)).toBe(0);
  });

  it('needs n − f records, or 2f + 1 with the teaching switch', () => {
    expect(quorumNeeded(7)).toBe(5);
    expect(quorumNeeded(12)).toBe(9);
    expect(quorumNeeded(12, { quorum: '2f+1' })).toBe(7);
    expect(quorumNeeded(10, { quorum: '2f+1' })).toBe(7);
  });

  it('makes two n − f quorums share f + 1 agents, so an honest one (property)', () => {
    const scenario = fc.integer({ min: 4, max: 64 }).chain((n) => {
      const size = quorumNeeded(n);
      return fc.record({ n: fc.constant(n), a: subsetOf(n, size), b: subsetOf(n, size) });
    });
    checkProperty(
      fc.property(scenario, ({ n, a, b }) => {
        const f = faultBound(n);
        const shared = a.filter((member) => b.includes(member)).length;
        expect(n - 2 * f).toBeGreaterThan(f);
        expect(shared).toBeGreaterThanOrEqual(f + 1);
      }),
    );
  });

  it('lets two 2f + 1 quorums share only f agents once n > 3f + 1', () => {
    for (let n = 4; n <= 64; n++) {
      const f = faultBound(n);
      const size = quorumNeeded(n, { quorum: '2f+1' });
      // Take the first `size` and the last `size` agents: they overlap in 2·size − n.
      const overlap = Math.max(0, 2 * size - n);
      if (n > 3 * f + 1) expect(overlap).toBeLessThanOrEqual(f);
      else expect(overlap).toBeGreaterThanOrEqual(f + 1);
    }
    // n = 6, f = 1: {a0, a1, a2} and {a3, a4, a5} are disjoint 2f+1 quorums.
    expect(2 * quorumNeeded(6, { quorum: '2f+1' })).toBeLessThanOrEqual(6);
  });

  it('gives the adaptive threshold a floor of 1 − 2f/(n − f)', () => {
    expect(bftSafetyLowerBound(7, 2)).toBe(0.2);
    expect(bftSafetyLowerBound(4, 1)).toBe(0.3333);
    expect(bftSafetyLowerBound(6, 2)).toBe(0);
    expect(bftSafetyLowerBound(1, 0)).toBe(1);
  });
});

describe('membership floor', () => {
  it('is the largest of the records present, both expectedN and the roster', () => {
    const { round } = demoRound(4);
    expect(membershipFloor(round, 4, 0)).toBe(4);
    expect(membershipFloor({ ...round, roster: [] , expectedN: 0 }, 3, 9)).toBe(9);
    expect(membershipFloor({ ...round, expectedN: 11 }, 3, 0)).toBe(11);
    expect(membershipFloor({ ...round, roster: [], expectedN: 2 }, 5, 0)).toBe(5);
  });

  it('ignores metadata that is not a count', () => {
    const { round } = demoRound(4);
    const hostile = { ...round, roster: 'a0,a1' as unknown as string[], expectedN: Number.NaN };
    expect(membershipFloor(hostile, 3, 0)).toBe(3);
  });
});
