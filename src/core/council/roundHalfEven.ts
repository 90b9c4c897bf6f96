/**
 * Rounds to `places` decimals exactly as Python's `round(x, places)`: the nearest decimal to
 * the double's exact binary value, with exact ties going to the even digit. The tally rounds
 * weights and thresholds this way (reference §1.3 step 9), so a weight of 1/32 gives 0.0312
 * like the reference, where `Math.round(x * 1e4) / 1e4` would give 0.0313, and 0.00015 (just
 * below the tie in binary) gives 0.0001, where the scaled `Math.round` would give 0.0002.
 */
export function roundHalfEven(value: number, places: number): number {
  if (!Number.isFinite(value) || Math.abs(value) >= 1e21) return value;
  const rounded = Number(value.toFixed(places));
  // toFixed is exact except on a tie, which it breaks away from zero. A double has a finite
  // decimal expansion; toFixed(100) prints it exactly for the magnitudes that can tie.
  const exact = value.toFixed(100).replace(/0+$/, '');
  const decimals = exact.length - exact.indexOf('.') - 1;
  if (decimals !== places + 1 || !exact.endsWith('5')) return rounded;
  const step = 10 ** -places;
  const lastDigit = Number(exact.charAt(exact.length - 2 - (places === 0 ? 1 : 0)));
  if (lastDigit % 2 === 0) return Number((rounded - Math.sign(value) * step).toFixed(places));
  return rounded;
}
