import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { round4 } from './axisData';
import { quantise, quantiseNumber, traceDecimals } from './traceEvents';

/** Doubles of every kind: already rounded to a few places, near ties, huge, tiny, special. */
const doubles = fc.oneof(
  fc.double(),
  fc.double({ min: -10, max: 10, noNaN: true }),
  fc.integer({ min: -1e9, max: 1e9 }).chain((k) => fc.constantFrom(k / 1e4, k / 1e6, k / 1e6 + 5e-7, k / 1e4 + 5e-5)),
  fc.constantFrom(0, -0, 1e8, -1e8, 9.999999e7, 1e-7, 0.1 + 0.2, 2 ** 53, Number.MAX_VALUE, Number.MIN_VALUE),
);

describe('quantise fast paths', () => {
  it('quantiseNumber is Number(toFixed(6)) for every double', () => {
    fc.assert(
      fc.property(doubles, (value) => {
        const expected = Number.isInteger(value) ? value : Number(value.toFixed(traceDecimals));
        expect(Object.is(quantiseNumber(value), expected)).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });

  it('round4 is Number(toFixed(4)) for every double', () => {
    fc.assert(
      fc.property(doubles, (value) => {
        expect(Object.is(round4(value), Number(value.toFixed(4)))).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });

  it('quantise copies arrays and objects, rounding every float in them', () => {
    const shared = [0.1234567, 2];
    const event = { t: 3, rows: [shared, shared], note: 'x', flag: null };
    const out = quantise(event);
    expect(out).toEqual({ t: 3, rows: [[0.123457, 2], [0.123457, 2]], note: 'x', flag: null });
    expect(out.rows[0]).not.toBe(shared);
  });
});
