import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkProperty } from '../testing/checkProperty';
import { roundHalfEven } from './roundHalfEven';

/**
 * An independent oracle for Python's `round(x, k)`: the double's exact decimal expansion
 * (m·2^e = m·5^−e / 10^−e, written out with BigInt), rounded half to even on its digits, then
 * parsed back. It shares no code and no fast path with the helper.
 */
function pythonRound(value: number, places: number): number {
  if (!Number.isFinite(value)) return value;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(value));
  const word = view.getBigUint64(0);
  const biased = Number((word >> 52n) & 0x7ffn);
  const fraction = word & ((1n << 52n) - 1n);
  const mantissa = biased === 0 ? fraction : fraction | (1n << 52n);
  const exponent = biased === 0 ? -1074 : biased - 1075;
  if (exponent >= 0) return value;
  // |value| = mantissa·5^d / 10^d exactly, d = −exponent decimal places.
  const decimals = -exponent;
  if (decimals <= places) return value;
  const digits = (mantissa * 5n ** BigInt(decimals)).toString().padStart(decimals + 1, '0');
  const kept = digits.slice(0, digits.length - decimals + places);
  const rest = digits.slice(digits.length - decimals + places);
  let result = BigInt(kept);
  const firstDropped = rest.charAt(0);
  const beyondHalf = /[1-9]/.test(rest.slice(1));
  const odd = (result & 1n) === 1n;
  if (firstDropped > '5' || (firstDropped === '5' && (beyondHalf || odd))) result += 1n;
  const rounded = Number(`${result}e-${places}`);
  return rounded === 0 ? 0 : Math.sign(value) * rounded;
}

/** [x, k, Python's round(x, k)], generated with python3 (CPython) and pasted. */
const pythonTable: [number, number, number][] = [
  [-85.87345, 4, -85.8735],
  [-24.545, 2, -24.55],
  [-61.875305, 5, -61.8753],
  [-29.5, 0, -30.0],
  [13.02995, 4, 13.0299],
  [-46.9405, 3, -46.941],
  [14.123525, 5, 14.12353],
  [3.5, 0, 4.0],
  [0.545, 2, 0.55],
  [-49.335, 2, -49.34],
  [-27.5395, 3, -27.54],
  [-71.82965, 4, -71.8297],
  [32.3205, 3, 32.321],
  [-95.868735, 5, -95.86874],
  [-45.685, 2, -45.69],
  [85.35, 1, 85.3],
  [-15.84205, 4, -15.8421],
  [-9.205205, 5, -9.2052],
  [-42.5, 0, -42.0],
  [-15.615, 2, -15.62],
  [-74.042755, 5, -74.04275],
  [8.0198995, 6, 8.019899],
  [63.26095, 4, 63.261],
  [-10.448815, 5, -10.44881],
  [54.638405, 5, 54.6384],
  [95.66135, 4, 95.6613],
  [88.805, 2, 88.81],
  [-25.45, 1, -25.4],
  [-86.375, 2, -86.38],
  [7.646935, 5, 7.64694],
  [-95.5, 0, -96.0],
  [35.2648675, 6, 35.264868],
  [-76.88375, 4, -76.8838],
  [22.125, 2, 22.12],
  [-87.95, 1, -88.0],
  [-71.905, 2, -71.91],
  [6.3515, 3, 6.351],
  [36.355, 2, 36.35],
  [-80.5145, 3, -80.514],
  [-18.85, 1, -18.9],
  [483.87519841351696, 0, 484.0],
  [799.4984084864238, 8, 799.49840849],
  [411.12957068314313, 0, 411.0],
  [347.47461518798104, 5, 347.47462],
  [-249.52038569077217, 1, -249.5],
  [-804.3522843118969, 6, -804.352284],
  [-994.6782386148378, 4, -994.6782],
  [-665.7308605780272, 3, -665.731],
  [-704.8067909877886, 5, -704.80679],
  [541.895745834084, 6, 541.895746],
  [-306.61543316353914, 1, -306.6],
  [-148.96445285718005, 5, -148.96445],
  [-841.1690500078446, 4, -841.1691],
  [-172.85089831255004, 0, -173.0],
  [79.75510714273014, 7, 79.7551071],
  [-402.41448901344177, 4, -402.4145],
  [-169.8195829351847, 3, -169.82],
  [-675.0877373173907, 8, -675.08773732],
  [762.6030490384744, 1, 762.6],
  [28.657439676196873, 4, 28.6574],
  [2.675, 2, 2.67],
  [1.77525, 4, 1.7752],
  [0.5625, 3, 0.562],
  [0.5, 0, 0.0],
  [1.5, 0, 2.0],
  [2.5, 0, 2.0],
  [-2.5, 0, -2.0],
  [-0.015175000000000001, 5, -0.01518],
  [0.125, 2, 0.12],
  [0.375, 2, 0.38],
  [1e-07, 5, 0.0],
  [123456.785, 2, 123456.79]

];

describe('roundHalfEven', () => {
  it('agrees with a table of CPython round(x, k) values', () => {
    for (const [value, places, expected] of pythonTable) {
      expect(roundHalfEven(value, places), `round(${value}, ${places})`).toBe(expected);
    }
  });

  it('rounds from the exact binary value: 2.675 → 2.67 and 1.77525 → 1.7752', () => {
    // 2.675 is stored as 2.67499999…, and 1.77525 as 1.77524999999999999467…
    expect(roundHalfEven(2.675, 2)).toBe(2.67);
    expect(roundHalfEven(1.77525, 4)).toBe(1.7752);
    expect(roundHalfEven(-1.77525, 4)).toBe(-1.7752);
    // 0.00015 is stored just below the tie, 1.00005 just above it.
    expect(roundHalfEven(0.00015, 4)).toBe(0.0001);
    expect(roundHalfEven(1.00005, 4)).toBe(1.0001);
  });

  it('sends exact binary ties to the even digit, symmetrically for negatives', () => {
    expect(roundHalfEven(0.5, 0)).toBe(0);
    expect(roundHalfEven(1.5, 0)).toBe(2);
    expect(roundHalfEven(2.5, 0)).toBe(2);
    expect(roundHalfEven(-2.5, 0)).toBe(-2);
    expect(roundHalfEven(9 / 16, 3)).toBe(0.562);
    expect(roundHalfEven(0.03125, 4)).toBe(0.0312);
    expect(roundHalfEven(0.09375, 4)).toBe(0.0938);
  });

  it('rounds the ordinary way away from ties', () => {
    expect(roundHalfEven(2 / 3, 4)).toBe(0.6667);
    expect(roundHalfEven(0.1 + 0.2, 4)).toBe(0.3);
    expect(roundHalfEven(3, 4)).toBe(3);
  });

  it('never returns −0 and passes non-finite values through', () => {
    expect(Object.is(roundHalfEven(-0.00001, 2), 0)).toBe(true);
    expect(Object.is(roundHalfEven(-0, 2), 0)).toBe(true);
    expect(roundHalfEven(Number.POSITIVE_INFINITY, 4)).toBe(Number.POSITIVE_INFINITY);
    expect(roundHalfEven(Number.NaN, 4)).toBeNaN();
  });

  it('agrees with the exact-decimal oracle on any double (property)', () => {
    const places = fc.integer({ min: 0, max: 12 });
    const anyDouble = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.double({ min: -1e4, max: 1e4, noNaN: true }),
    );
    checkProperty(
      fc.property(anyDouble, places, (value, k) => {
        expect(roundHalfEven(value, k)).toBe(pythonRound(value, k));
      }),
      2000,
    );
  });

  it('agrees with the oracle on decimals that look like ties (property)', () => {
    const tie = fc.record({
      digits: fc.integer({ min: -1e9, max: 1e9 }),
      places: fc.integer({ min: 0, max: 8 }),
    });
    checkProperty(
      fc.property(tie, ({ digits, places }) => {
        const value = Number(`${digits}5e-${places + 1}`);
        expect(roundHalfEven(value, places)).toBe(pythonRound(value, places));
      }),
      2000,
    );
  });
});
