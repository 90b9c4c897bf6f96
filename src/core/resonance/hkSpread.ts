/**
 * The spread of a group of reduced positions (`hkSpace.ts`).
 */

/**
 * Mean cosine distance over all pairs in O(n·dim) (SPEC §8 Gram lever): with x̂ the unit
 * vectors (0 for a zero vector, whose cosine is 0), Σ_{i<j} x̂ᵢ·x̂ⱼ = (‖Σx̂‖² − Σ‖x̂‖²)/2.
 * Equal to `meanPairwiseDistance` up to rounding.
 */
export function spreadOf(positions: Float64Array, n: number, dim: number): number {
  if (n < 2) return 0;
  const total = new Float64Array(dim);
  let selfDots = 0;
  for (let i = 0; i < n; i++) {
    let size = 0;
    for (let c = 0; c < dim; c++) size += positions[i * dim + c]! ** 2;
    size = Math.sqrt(size);
    if (size === 0) continue;
    let unit = 0;
    for (let c = 0; c < dim; c++) {
      const x = positions[i * dim + c]! / size;
      total[c]! += x;
      unit += x * x;
    }
    selfDots += unit;
  }
  let squared = 0;
  for (let c = 0; c < dim; c++) squared += total[c]! * total[c]!;
  const pairs = (n * (n - 1)) / 2;
  return 1 - (squared - selfDots) / 2 / pairs;
}
