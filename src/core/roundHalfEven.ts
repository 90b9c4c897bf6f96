import { assert } from './assert';

/** More places than this is a caller's mistake (no quantity here needs more than 9). */
const placesMax = 100;
/** 10^k for every k whose power of ten is an exact double (literals parse exactly). */
const exactPowers = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
  1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];
/** Below this, a scaled value and its digit count are exact integers in a double. */
const scaledMax = 2 ** 52;
/**
 * The scaled product carries a relative error of at most 2^-53; a fraction further than this
 * (relative) from one half is on the same side of the tie as the exact product.
 */
const tieMarginRelative = 2 ** -50;

/**
 * `value` rounded to `places` decimals exactly as Python's `round(value, places)` (SPEC §3
 * "Rounding"): the decimal nearest to the double's exact binary value, exact ties to the even
 * digit, read back as the nearest double. Both protocols round with it wherever the reference
 * rounds (trust, reputation, sycophancy, scores, tallies).
 *
 * Why not `Math.round(x·10^k)/10^k`: the product is itself rounded, which can turn a value just
 * below a tie into a tie (1.77525 is stored as 1.775249999…, yet 1.77525·10⁴ is 17752.5), and
 * `Math.round` breaks ties toward +∞, where Python goes to even (9/16 to 3 places: 0.562).
 *
 * Policy: never returns −0 (Python's `round(-0.0001, 2)` is −0.0), so a rounded value
 * survives a JSON round trip unchanged and a memoised outcome equals a fresh one.
 */
export function roundHalfEven(value: number, places: number): number {
  assert(Number.isInteger(places) && places >= 0 && places <= placesMax, 'places in 0..100');
  if (!Number.isFinite(value) || Number.isInteger(value)) return value === 0 ? 0 : value;
  const magnitude = Math.abs(value);
  const rounded = roundScaled(magnitude, places) ?? roundExact(magnitude, places);
  return rounded === 0 ? 0 : Math.sign(value) * rounded;
}

/**
 * The fast path: scale in floating point and round, unless the fraction is too close to a
 * half for the product's rounding error to be ruled out (then undefined). The division of two
 * exact doubles is correctly rounded, so it reads the digits back like Python's `strtod`.
 */
function roundScaled(magnitude: number, places: number): number | undefined {
  const power = exactPowers[places];
  if (power === undefined) return undefined;
  const scaled = magnitude * power;
  if (!(scaled < scaledMax)) return undefined;
  const whole = Math.floor(scaled);
  const fraction = scaled - whole;
  if (Math.abs(fraction - 0.5) <= scaled * tieMarginRelative) return undefined;
  return (fraction > 0.5 ? whole + 1 : whole) / power;
}

/**
 * The exact path, from the double's binary value m·2^e: the digits are m·10^k·2^e rounded half
 * to even in integer arithmetic, and `Number` parses "digits e−k" correctly rounded.
 */
function roundExact(magnitude: number, places: number): number {
  const { mantissa, exponent } = decompose(magnitude);
  if (exponent >= 0) return magnitude;
  const numerator = mantissa * 10n ** BigInt(places);
  const shift = BigInt(-exponent);
  let digits = numerator >> shift;
  const remainder = numerator - (digits << shift);
  const half = 1n << (shift - 1n);
  if (remainder > half || (remainder === half && (digits & 1n) === 1n)) digits += 1n;
  return Number(`${digits}e-${places}`);
}

const bits = new DataView(new ArrayBuffer(8));

/** A finite non-negative double as mantissa·2^exponent, with an integer mantissa. */
function decompose(magnitude: number): { mantissa: bigint; exponent: number } {
  bits.setFloat64(0, magnitude);
  const word = bits.getBigUint64(0);
  const biased = Number((word >> 52n) & 0x7ffn);
  const fraction = word & ((1n << 52n) - 1n);
  if (biased === 0) return { mantissa: fraction, exponent: -1074 };
  return { mantissa: fraction | (1n << 52n), exponent: biased - 1075 };
}
