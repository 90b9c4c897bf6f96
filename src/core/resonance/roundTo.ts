/**
 * `value` rounded to `places` decimals. Ties go toward +∞ (`Math.round`), where Python's
 * `round` goes to even; outcomes need only be self-consistent (reference preamble). Never
 * returns −0, so a value survives a JSON round trip unchanged and a memoised outcome is
 * identical to a freshly computed one.
 */
export function roundTo(value: number, places: number): number {
  const scale = 10 ** places;
  const rounded = Math.round(value * scale) / scale;
  return rounded === 0 ? 0 : rounded;
}
