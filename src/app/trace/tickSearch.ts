/**
 * Binary search over ascending tick arrays: the per-trace indexes of the panels use them so a
 * frame costs a search, not a scan of the trace (SPEC §8).
 */

/** The first position whose value is ≥ `value` in an ascending array. */
export function lowerBound(values: readonly number[], value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (values[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The first position whose value is > `value` in an ascending array. */
export function upperBound(values: readonly number[], value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (values[mid]! <= value) low = mid + 1;
    else high = mid;
  }
  return low;
}
