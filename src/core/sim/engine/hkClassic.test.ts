import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diameters1d, hkClassic } from './hkClassic';

/** The textbook O(n²) step, to check the windowed one against. */
function naiveStep(x: readonly number[], epsilon: number): number[] {
  return x.map((xi) => {
    const near = x.filter((xj) => Math.abs(xi - xj) <= epsilon);
    return near.reduce((sum, v) => sum + v, 0) / near.length;
  });
}

describe('hkClassic', () => {
  it('merges opinions within ε and leaves distant clusters apart', () => {
    const rows = hkClassic([0, 0.05, 0.1, 0.9, 0.95], 0.1, 10);
    const last = rows.at(-1)!;
    expect(last[0]).toBeCloseTo(0.05, 6);
    expect(last[2]).toBeCloseTo(0.05, 6);
    expect(last[3]).toBeCloseTo(0.925, 6);
    expect(rows).toHaveLength(11);
  });

  it('matches the textbook step and never widens the opinion diameter (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 60 }),
        fc.double({ min: 0.01, max: 0.5, noNaN: true }),
        (opinions, epsilon) => {
          const rows = hkClassic(opinions, epsilon, 3);
          const expected = naiveStep(opinions, epsilon);
          rows[1]!.forEach((value, index) => expect(value).toBeCloseTo(expected[index]!, 9));
          const spread = diameters1d(rows);
          for (let step = 1; step < spread.length; step++) expect(spread[step]!).toBeLessThanOrEqual(spread[step - 1]! + 1e-12);
        },
      ),
    );
  });
});
