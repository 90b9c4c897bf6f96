/**
 * Vector primitives shared by the core (reference §2.2, `_vectors.py`).
 *
 * Vectors are plain `number[]` and may be ragged: wherever two vectors of different lengths
 * meet, the shorter one is read as if padded with zeros. That is what lets an agent that
 * sealed its bag-of-words vector before the vocabulary grew be compared with one that sealed
 * after (the vocabulary is append-only, so the shorter vector is a prefix of the longer).
 *
 * These run in the hot paths of `resolve` and deliberation (n up to 1000, vectors up to a few
 * thousand coordinates), so they are plain loops over numbers that allocate only their result.
 */

/** Box-validity tolerance: a point this far outside the trimmed range still counts as inside. */
export const boxTolerance = 1e-9;

/** Below this norm a vector counts as zero (reference `_normalise`). */
export const zeroNormMax = 1e-9;

/** Dot product, reading missing coordinates as 0. */
export function dot(a: readonly number[], b: readonly number[]): number {
  const length = Math.min(a.length, b.length);
  let sum = 0;
  for (let i = 0; i < length; i++) sum += a[i]! * b[i]!;
  return sum;
}

/** Euclidean norm. */
export function norm(v: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += v[i]! * v[i]!;
  return Math.sqrt(sum);
}

/**
 * Unit vector in the direction of `v`; `[]` stays `[]`.
 *
 * Policy: a (near-)zero vector becomes the uniform unit vector 1/√n rather than zeros, so no
 * coordinate is preferred and later cosines stay defined (reference `_normalise`).
 */
export function normalise(v: readonly number[]): number[] {
  const length = v.length;
  const out = new Array<number>(length);
  if (length === 0) return out;
  const size = norm(v);
  if (size < zeroNormMax) return out.fill(1 / Math.sqrt(length));
  for (let i = 0; i < length; i++) out[i] = v[i]! / size;
  return out;
}

/**
 * Cosine similarity in [−1, 1] after zero-padding both vectors to the same length. A zero
 * norm is replaced by 1, so a zero vector has cosine 0 with everything (reference `_cosine`).
 */
export function cosine(a: readonly number[], b: readonly number[]): number {
  const sizeA = norm(a) || 1;
  const sizeB = norm(b) || 1;
  return dot(a, b) / (sizeA * sizeB);
}

/** Coordinate-wise mean over ragged vectors; `[]` for no vectors. */
export function meanVec(vectors: readonly (readonly number[])[]): number[] {
  const count = vectors.length;
  const out = new Array<number>(maxLength(vectors)).fill(0);
  if (count === 0) return out;
  for (const v of vectors) {
    for (let i = 0; i < v.length; i++) out[i]! += v[i]!;
  }
  for (let i = 0; i < out.length; i++) out[i]! /= count;
  return out;
}

/**
 * Σ (wᵢ/Σw)·vᵢ, then normalised (reference `_weighted_centroid`). A missing weight counts as
 * 1; a zero total weight counts as 1 so the result stays defined.
 */
export function weightedCentroid(
  vectors: readonly (readonly number[])[],
  weights: readonly number[] = [],
): number[] {
  if (vectors.length === 0) return [];
  let total = 0;
  for (let j = 0; j < vectors.length; j++) total += weights[j] ?? 1;
  if (total === 0) total = 1;
  const out = new Array<number>(maxLength(vectors)).fill(0);
  for (let j = 0; j < vectors.length; j++) {
    const v = vectors[j]!;
    const w = (weights[j] ?? 1) / total;
    for (let i = 0; i < v.length; i++) out[i]! += w * v[i]!;
  }
  return normalise(out);
}

/**
 * The trim actually applied to k values: at most ⌊(k−1)/2⌋, so at least one value survives
 * in every coordinate (at k = 2f+1 that is the coordinate-wise median).
 */
export function effectiveTrim(count: number, trim: number): number {
  const wanted = Number.isFinite(trim) ? Math.floor(trim) : 0;
  return Math.max(0, Math.min(wanted, Math.floor((count - 1) / 2)));
}

/**
 * Coordinate-wise trimmed mean, not normalised (reference `_trimmed_mean`): in every
 * coordinate, sort the k values (a missing coordinate counts as 0), drop the `trim` smallest
 * and the `trim` largest, and average the rest.
 *
 * With `trim` at least the number of Byzantine vectors present, every coordinate of the
 * result lies between two honest values (box validity; Yin et al. 2018, Cambus & Melnyk
 * 2023). It sorts values, never agents, so it does not depend on the order of `vectors`.
 */
export function trimmedMean(vectors: readonly (readonly number[])[], trim: number): number[] {
  const count = vectors.length;
  const dim = maxLength(vectors);
  const out = new Array<number>(dim);
  if (count === 0) return out;
  const t = effectiveTrim(count, trim);
  if (t === 0) return meanVec(vectors);
  const column = new Float64Array(count);
  const kept = count - 2 * t;
  for (let i = 0; i < dim; i++) {
    for (let j = 0; j < count; j++) column[j] = vectors[j]![i] ?? 0;
    column.sort();
    let sum = 0;
    for (let j = t; j < count - t; j++) sum += column[j]!;
    out[i] = sum / kept;
  }
  return out;
}

/** The trimmed mean projected to the unit sphere: the committed direction of an axis. */
export function trimmedCentroid(vectors: readonly (readonly number[])[], trim: number): number[] {
  return normalise(trimmedMean(vectors, trim));
}

/**
 * True when every coordinate of `point` lies in [trim-th smallest, trim-th largest] of that
 * coordinate over `vectors`, within `boxTolerance` (reference `_box_validity`). Missing
 * coordinates count as 0 on both sides. No vectors: vacuously true.
 */
export function isBoxValid(
  vectors: readonly (readonly number[])[],
  trim: number,
  point: readonly number[],
): boolean {
  const count = vectors.length;
  if (count === 0) return true;
  const t = effectiveTrim(count, trim);
  const dim = Math.max(maxLength(vectors), point.length);
  const column = new Float64Array(count);
  for (let i = 0; i < dim; i++) {
    for (let j = 0; j < count; j++) column[j] = vectors[j]![i] ?? 0;
    column.sort();
    const value = point[i] ?? 0;
    if (value < column[t]! - boxTolerance || value > column[count - 1 - t]! + boxTolerance) {
      return false;
    }
  }
  return true;
}

/** Mean cosine distance (1 − cos) over all pairs; 0 with fewer than two vectors. */
export function meanPairwiseDistance(vectors: readonly (readonly number[])[]): number {
  const count = vectors.length;
  if (count < 2) return 0;
  const sizes = new Float64Array(count);
  for (let j = 0; j < count; j++) sizes[j] = norm(vectors[j]!) || 1;
  let total = 0;
  for (let a = 0; a < count; a++) {
    for (let b = a + 1; b < count; b++) {
      total += 1 - dot(vectors[a]!, vectors[b]!) / (sizes[a]! * sizes[b]!);
    }
  }
  return total / ((count * (count - 1)) / 2);
}

/** a + t·(b − a), element-wise after zero-padding both to the longer length. */
export function lerp(a: readonly number[], b: readonly number[], t: number): number[] {
  const length = Math.max(a.length, b.length);
  const out = new Array<number>(length);
  for (let i = 0; i < length; i++) {
    const from = a[i] ?? 0;
    out[i] = from + t * ((b[i] ?? 0) - from);
  }
  return out;
}

/**
 * `v` zero-padded to `width`, or cut to `width` when longer (reference `_pad` in `resolve`,
 * which lays every agent's axes out at the same offsets).
 */
export function pad(v: readonly number[], width: number): number[] {
  const out = new Array<number>(width);
  for (let i = 0; i < width; i++) out[i] = v[i] ?? 0;
  return out;
}

function maxLength(vectors: readonly (readonly number[])[]): number {
  let length = 0;
  for (const v of vectors) if (v.length > length) length = v.length;
  return length;
}
