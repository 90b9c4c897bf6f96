/**
 * Classic one-dimensional Hegselmann–Krause opinion dynamics (Hegselmann & Krause 2002), for
 * the opinion panel's trajectory chart: every agent moves to the mean of all opinions within
 * ε of its own (itself included), all at once. Opinions in [0, 1]. Returns `steps + 1` rows,
 * the first being the input.
 *
 * Sorting once per step makes each neighbourhood a contiguous window, found with two moving
 * pointers: O(n log n) per step instead of O(n²).
 */
export function hkClassic(opinions: readonly number[], epsilon: number, steps: number): number[][] {
  const rows: number[][] = [[...opinions]];
  let current = [...opinions];
  for (let step = 0; step < steps; step++) {
    current = hkStep1d(current, epsilon);
    rows.push(current);
  }
  return rows;
}

function hkStep1d(opinions: readonly number[], epsilon: number): number[] {
  const n = opinions.length;
  const order = Array.from({ length: n }, (_, index) => index).sort((a, b) => opinions[a]! - opinions[b]! || a - b);
  const sorted = order.map((index) => opinions[index]!);
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i]! + sorted[i]!;
  const next = new Array<number>(n);
  let low = 0;
  let high = 0;
  for (let i = 0; i < n; i++) {
    const x = sorted[i]!;
    while (sorted[low]! < x - epsilon) low++;
    if (high < i) high = i;
    while (high + 1 < n && sorted[high + 1]! <= x + epsilon) high++;
    next[order[i]!] = (prefix[high + 1]! - prefix[low]!) / (high - low + 1);
  }
  return next;
}

/** Opinion diameter of each row: max − min. */
export function diameters1d(rows: readonly (readonly number[])[]): number[] {
  return rows.map((row) => (row.length === 0 ? 0 : Math.max(...row) - Math.min(...row)));
}
