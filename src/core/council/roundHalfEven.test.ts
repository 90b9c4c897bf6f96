import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundHalfEven } from './roundHalfEven';

describe('roundHalfEven', () => {
  it('rounds to the nearest decimal like Python round()', () => {
    expect(roundHalfEven(2 / 3, 4)).toBe(0.6667);
    expect(roundHalfEven(3, 4)).toBe(3);
    expect(roundHalfEven(0.1 + 0.2, 4)).toBe(0.3);
  });

  it('sends exact binary ties to the even digit', () => {
    expect(roundHalfEven(0.03125, 4)).toBe(0.0312);
    expect(roundHalfEven(0.09375, 4)).toBe(0.0938);
    expect(roundHalfEven(2.5, 0)).toBe(2);
    expect(roundHalfEven(3.5, 0)).toBe(4);
    expect(roundHalfEven(-2.5, 0)).toBe(-2);
  });

  it('rounds a decimal that only looks like a tie by its exact binary value', () => {
    // 0.00015 is stored as 0.000149999…, so Python gives 0.0001.
    expect(roundHalfEven(0.00015, 4)).toBe(0.0001);
    // 1.00005 is stored as 1.0000500000000001…, so Python gives 1.0001.
    expect(roundHalfEven(1.00005, 4)).toBe(1.0001);
  });

  it('passes non-finite values through', () => {
    expect(roundHalfEven(Number.POSITIVE_INFINITY, 4)).toBe(Number.POSITIVE_INFINITY);
    expect(roundHalfEven(Number.NaN, 4)).toBeNaN();
  });

  it('is never more than half a unit in the last place away from its input (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (value) => {
        expect(Math.abs(roundHalfEven(value, 4) - value)).toBeLessThanOrEqual(0.00005 + 1e-9);
      }),
    );
  });
});
