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
  if (everyVectorConstant(vectors, dim)) return constantTrimmedMean(vectors, t, dim);
  const columns = transposed(vectors, dim);
  for (let i = 0; i < dim; i++) out[i] = trimmedSum(columns.subarray(i * count, (i + 1) * count), column, t) / kept;
  return out;
}

/** The trimmed mean of vectors that are each one value (`everyVectorConstant`), with trim t > 0. */
function constantTrimmedMean(vectors: readonly (readonly number[])[], t: number, dim: number): number[] {
  // Every column holds the same values (each vector's one value): one column gives them all.
  const values = Float64Array.from(vectors, (v) => v[0]!);
  const sum = trimmedSum(values, new Float64Array(vectors.length), t);
  return new Array<number>(dim).fill(sum / (vectors.length - 2 * t));
}

/**
 * True when every vector has all `dim` coordinates and they are equal (as `===` has it: a −0
 * beside a 0 counts as equal, which changes no trimmed sum, since zeros are never added).
 * Policy: the relational vectors of a first round are all uniform (no trust learned yet), so
 * the centroid of 10³ coordinates is one column's sum; anything else fails at its first pair.
 */
function everyVectorConstant(vectors: readonly (readonly number[])[], dim: number): boolean {
  for (const v of vectors) {
    if (v.length !== dim) return false;
    const first = v[0];
    for (let i = 1; i < dim; i++) if (v[i] !== first) return false;
  }
  return true;
}

/**
 * The vectors as columns: coordinate i of vector j at `i·k + j` (a missing coordinate is 0).
 * Policy: read row by row, each vector once in order; reading a column at a time went through
 * every vector's array for every coordinate (10³ × 700 scattered reads per relational centroid
 * at n = 1000, resolved at each record a leader receives).
 */
function transposed(vectors: readonly (readonly number[])[], dim: number): Float64Array {
  const count = vectors.length;
  if (columnScratch.length < dim * count) columnScratch = new Float64Array(dim * count);
  const columns = columnScratch;
  for (let j = 0; j < count; j++) {
    const v = vectors[j]!;
    const length = v.length;
    for (let i = 0; i < length; i++) columns[i * count + j] = v[i] ?? 0;
    for (let i = length; i < dim; i++) columns[i * count + j] = 0;
  }
  return columns;
}

/**
 * Reused by `transposed` (one run at a time per thread; nothing keeps it across calls). Policy:
 * a scratch buffer, not a fresh one per call: a relational centroid at n = 1000 is 5.6 MB.
 */
let columnScratch = new Float64Array(0);

/**
 * The sum of one column's values at sorted positions [t, k − t), added in ascending order.
 *
 * Policy: bit for bit the sum over the whole sorted column, but cheaper where bag-of-words and
 * uniform relational rows make it so. Zeros are never sorted: the sorted column is the sorted
 * negatives, then the zeros, then the sorted rest, and adding a zero changes no sum (which
 * starts at +0, so it is never −0). A part already in order (a constant column) is not sorted,
 * and of a part out of order only the kept positions are put in order (`sortRange`): with
 * t = f of k ≈ 2f values that is a few dozen of hundreds.
 */
function trimmedSum(values: Float64Array, column: Float64Array, t: number): number {
  const count = values.length;
  // Negatives fill the column from the front, the rest (positives, NaN) from the back.
  let negatives = 0;
  let rest = 0;
  for (let j = 0; j < count; j++) {
    const value = values[j]!;
    if (value < 0) column[negatives++] = value;
    else if (value !== 0) column[count - 1 - rest++] = value;
  }
  if (negatives + rest === 0) return 0;
  const low = column.subarray(0, negatives);
  const high = column.subarray(count - rest, count);
  // Sorted position p: low[p] below `negatives`, a zero up to `count − rest`, then high.
  const lowFrom = t;
  const lowTo = Math.min(negatives, count - t);
  const highFrom = Math.max(t, count - rest) - (count - rest);
  const highTo = count - t - (count - rest);
  if (lowFrom < lowTo && !ascending(low)) sortRange(low, lowFrom, lowTo);
  if (highFrom < highTo && !ascending(high)) sortRange(high, highFrom, highTo);
  let sum = 0;
  for (let p = lowFrom; p < lowTo; p++) sum += low[p]!;
  for (let p = highFrom; p < highTo; p++) sum += high[p]!;
  return sum;
}

/**
 * Puts in `values[from, to)` exactly the values a full ascending sort would put there, in
 * ascending order; the rest is left partitioned around them. Two quickselects (Hoare
 * partitions on a median of three, sorting outright once a range is small or the recursion
 * deep) and a sort of the range only. A range holding NaN is sorted in full, as before.
 */
function sortRange(values: Float64Array, from: number, to: number): void {
  for (let j = 0; j < values.length; j++) {
    if (Number.isNaN(values[j]!)) {
      values.sort();
      return;
    }
  }
  const depth = 2 * Math.ceil(Math.log2(values.length + 1));
  select(values, 0, values.length, from, depth);
  select(values, from, values.length, to, depth);
  values.subarray(from, to).sort();
}

/**
 * Rearranges `values[lo, hi)` so that every value before `k` is ≤ every value from `k` on
 * (for k in (lo, hi); nothing to do otherwise). No NaN.
 */
function select(values: Float64Array, lo: number, hi: number, k: number, depth: number): void {
  while (hi - lo > 16 && k > lo && k < hi) {
    if (depth-- <= 0) {
      values.subarray(lo, hi).sort();
      return;
    }
    const mid = lo + ((hi - lo) >> 1);
    const a = values[lo]!;
    const b = values[mid]!;
    const c = values[hi - 1]!;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    // Hoare partition: [lo, j] ≤ pivot ≤ [j + 1, hi).
    let i = lo - 1;
    let j = hi;
    for (;;) {
      do i++; while (values[i]! < pivot);
      do j--; while (values[j]! > pivot);
      if (i >= j) break;
      const swap = values[i]!;
      values[i] = values[j]!;
      values[j] = swap;
    }
    if (k <= j) hi = j + 1;
    else lo = j + 1;
  }
  if (k > lo && k < hi) values.subarray(lo, hi).sort();
}

/** True when the values are in ascending order (no NaN out of place). */
function ascending(values: Float64Array): boolean {
  for (let j = 1; j < values.length; j++) if (!(values[j - 1]! <= values[j]!)) return false;
  return true;
}

/**
 * `trimmedMean` for a set of vectors that grows between calls: a leader resolves at each record
 * it receives from n−f on, so at n = 1000 it takes ~90 trimmed means of 700+ vectors that each
 * differ from the last by one vector. Bit for bit `trimmedMean` (a property in the tests).
 *
 * Policy: it keeps every column in full ascending order and inserts what a call adds, so the
 * kept middle is a slice to add up, not a selection to make. The sum over a fully sorted column
 * is the definition `trimmedSum` computes more cheaply one-off; the zeros it skips change no
 * sum. Vectors are known by identity and must not change while the tracker holds them (the
 * inspected records' vectors never do). It takes the one-off path whenever the call is not an
 * extension of the last (a new round, another axis), on the first extension it sorts in full,
 * and it never keeps NaN, a repeated vector or a vector longer than the ones it holds.
 */
export class TrimmedMeanTracker {
  /** The last call's vectors; `sorted` holds their columns when `count` > 0. */
  private members = new Set<readonly number[]>();
  /** Every vector of the last call is one value (`everyVectorConstant`). */
  private constant = false;
  private count = 0;
  private dim = 0;
  private stride = 0;
  /** Column i ascending at [i·stride, i·stride + count). */
  private sorted = new Float64Array(0);

  mean(vectors: readonly (readonly number[])[], trim: number): number[] {
    const count = vectors.length;
    const dim = maxLength(vectors);
    const t = effectiveTrim(count, trim);
    const members = new Set(vectors);
    const added = this.additions(vectors, members, dim);
    this.members = members;
    // Constancy of the vectors already held is known: only what a call adds is read.
    this.constant = everyVectorConstant(added !== null && this.constant ? added : vectors, dim);
    if (t > 0 && this.constant) {
      this.count = 0;
      this.dim = dim;
      return constantTrimmedMean(vectors, t, dim);
    }
    if (t === 0 || added === null || members.size !== count) {
      this.count = 0;
      this.dim = dim;
      return trimmedMean(vectors, trim);
    }
    const ok = this.count > 0 && added.length <= count / 4 ? this.insert(added) : this.sortAll(vectors, dim);
    if (!ok) {
      this.count = 0;
      return trimmedMean(vectors, trim);
    }
    const out = new Array<number>(dim);
    const kept = count - 2 * t;
    for (let i = 0; i < dim; i++) {
      let sum = 0;
      for (let p = i * this.stride + t, end = i * this.stride + count - t; p < end; p++) sum += this.sorted[p]!;
      out[i] = sum / kept;
    }
    return out;
  }

  /** The vectors this call adds to the last call's, or null when it does not extend them. */
  private additions(
    vectors: readonly (readonly number[])[],
    members: ReadonlySet<readonly number[]>,
    dim: number,
  ): (readonly number[])[] | null {
    if (this.members.size === 0 || dim !== this.dim) return null;
    const added: (readonly number[])[] = [];
    for (const v of members) if (!this.members.has(v)) added.push(v);
    return members.size - added.length === this.members.size ? added : null;
  }

  /** Every column sorted afresh; false (nothing kept) when a value is NaN. */
  private sortAll(vectors: readonly (readonly number[])[], dim: number): boolean {
    const count = vectors.length;
    this.reserve(dim, count + Math.ceil(count / 2), false);
    const { sorted, stride } = this;
    for (let j = 0; j < count; j++) {
      const v = vectors[j]!;
      for (let i = 0; i < dim; i++) {
        const value = v[i] ?? 0;
        if (Number.isNaN(value)) return false;
        sorted[i * stride + j] = value;
      }
    }
    for (let i = 0; i < dim; i++) sorted.subarray(i * stride, i * stride + count).sort();
    this.count = count;
    this.dim = dim;
    return true;
  }

  /** Each added vector's values put in place in every column; false when a value is NaN. */
  private insert(added: readonly (readonly number[])[]): boolean {
    for (const v of added) for (let i = 0; i < v.length; i++) if (Number.isNaN(v[i]!)) return false;
    this.reserve(this.dim, this.count + added.length, true);
    const { sorted, stride, dim } = this;
    for (const v of added) {
      const count = this.count;
      for (let i = 0; i < dim; i++) {
        const value = v[i] ?? 0;
        const start = i * stride;
        // Upper bound of `value` in the column, then everything above moves up one.
        let lo = start;
        let hi = start + count;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (sorted[mid]! <= value) lo = mid + 1;
          else hi = mid;
        }
        sorted.copyWithin(lo + 1, lo, start + count);
        sorted[lo] = value;
      }
      this.count = count + 1;
    }
    return true;
  }

  /** Room for `capacity` values per column, keeping the sorted columns when `keep`. */
  private reserve(dim: number, capacity: number, keep: boolean): void {
    if (capacity <= this.stride && dim * this.stride <= this.sorted.length) return;
    const stride = capacity <= this.stride ? this.stride : Math.max(capacity, Math.ceil(this.stride * 1.5));
    const next = new Float64Array(dim * stride);
    if (keep) {
      for (let i = 0; i < dim; i++) next.set(this.sorted.subarray(i * this.stride, i * this.stride + this.count), i * stride);
    }
    this.sorted = next;
    this.stride = stride;
  }
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

/** Euclidean distance, reading missing coordinates as 0. */
export function euclidean(a: readonly number[], b: readonly number[]): number {
  const length = Math.max(a.length, b.length);
  let sum = 0;
  for (let i = 0; i < length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    sum += d * d;
  }
  return Math.sqrt(sum);
}

/**
 * The opinion diameter: the largest Euclidean distance between two of `vectors`; 0 with
 * fewer than two. Bounded-confidence dynamics with full connectivity never increase it.
 */
export function diameter(vectors: readonly (readonly number[])[]): number {
  let widest = 0;
  for (let a = 0; a < vectors.length; a++) {
    for (let b = a + 1; b < vectors.length; b++) {
      widest = Math.max(widest, euclidean(vectors[a]!, vectors[b]!));
    }
  }
  return widest;
}

/** Subspace iterations `pca2` runs at most before it settles for what it has. */
export const pcaIterationsMax = 300;
/** Width of the iterated subspace: two components plus one guard vector. */
const pcaBlock = 3;
/** A Ritz pair has converged when ‖Cu − θu‖ ≤ this × the largest θ. */
const pcaTolerance = 1e-10;

/**
 * Projects `vectors` on their first two principal components: the centred data's scores,
 * `[x, y]` per vector (the opinion panel's 2-D view of the HK contraction). Ragged vectors are
 * zero-padded. To draw trails, call it once on every step's positions together so all steps
 * share one projection.
 *
 * Deterministic: subspace iteration from a fixed start. Policy (sign convention): each
 * component is oriented so that the score with the largest magnitude is positive (the first
 * such vector on ties), so the picture never flips between runs. A component that carries no
 * variance (identical or collinear points) scores 0 for every vector.
 */
export function pca2(vectors: readonly (readonly number[])[]): [number, number][] {
  const count = vectors.length;
  const dim = maxLength(vectors);
  const mean = meanVec(vectors);
  const centred = new Float64Array(count * dim);
  for (let j = 0; j < count; j++) {
    const v = vectors[j]!;
    for (let i = 0; i < dim; i++) centred[j * dim + i] = (v[i] ?? 0) - mean[i]!;
  }
  const [first, second] = principalAxes(centred, count, dim);
  const xs = orientedScores(centred, count, dim, first);
  const ys = orientedScores(centred, count, dim, second);
  return xs.map((x, j) => [x, ys[j]!]);
}

/** The top two eigenvectors of XᵀX (zero vectors where there is no variance). */
function principalAxes(x: Float64Array, count: number, dim: number): [Float64Array, Float64Array] {
  const zero = (): Float64Array => new Float64Array(dim);
  const block = Math.min(pcaBlock, dim);
  if (count === 0 || block === 0) return [zero(), zero()];
  let seed = 0x2545f491;
  let basis: Float64Array[] = Array.from({ length: block }, () => {
    const v = new Float64Array(dim);
    for (let i = 0; i < dim; i++) {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      v[i] = seed / 2 ** 31 - 1;
    }
    return v;
  });
  orthonormalise(basis);
  for (let iteration = 0; ; iteration++) {
    const images = basis.length === 3 ? gramTimesThree(x, count, dim, basis) : basis.map((v) => gramTimes(x, count, dim, v));
    const projected = basis.map((u) => images.map((w) => dotTyped(u, w)));
    const { values, vectors } = symmetricEigen(projected);
    const ritz = (from: readonly Float64Array[], k: number): Float64Array => {
      const out = new Float64Array(dim);
      from.forEach((v, b) => {
        const c = vectors[b]![k]!;
        for (let i = 0; i < dim; i++) out[i]! += c * v[i]!;
      });
      return out;
    };
    const top = Math.max(values[0]!, 0);
    const axes = [0, 1].map((k) => (k < block ? ritz(basis, k) : zero()));
    const settled = [0, 1].every((k) => {
      if (k >= block) return true;
      const image = ritz(images, k);
      let residual = 0;
      for (let i = 0; i < dim; i++) residual += (image[i]! - values[k]! * axes[k]![i]!) ** 2;
      return Math.sqrt(residual) <= pcaTolerance * top;
    });
    if (settled || iteration + 1 >= pcaIterationsMax) {
      if (!(top > 0)) return [zero(), zero()];
      return [axes[0]!, values[1]! > 1e-12 * top ? axes[1]! : zero()];
    }
    basis = images;
    orthonormalise(basis);
  }
}

/** X v then Xᵀ(X v): the (unnormalised) covariance applied to `v`. */
export function gramTimes(x: Float64Array, count: number, dim: number, v: Float64Array): Float64Array {
  const out = new Float64Array(dim);
  for (let j = 0; j < count; j++) {
    const row = j * dim;
    let s = 0;
    for (let i = 0; i < dim; i++) s += x[row + i]! * v[i]!;
    for (let i = 0; i < dim; i++) out[i]! += s * x[row + i]!;
  }
  return out;
}

/**
 * `gramTimes` for three vectors in one pass over the rows, each result bit for bit its own
 * `gramTimes`. Policy: a row's dot product is one chain of dependent additions, so three
 * chains side by side keep the processor busy where one waits on each add, and each row is
 * read once, not three times (the opinion panel's PCA at n = 1000 is 3·10³ rows of ~800).
 */
export function gramTimesThree(x: Float64Array, count: number, dim: number, basis: readonly Float64Array[]): Float64Array[] {
  const [u, v, w] = basis as [Float64Array, Float64Array, Float64Array];
  const out = [new Float64Array(dim), new Float64Array(dim), new Float64Array(dim)];
  const dots = new Float64Array(3);
  for (let j = 0; j < count; j++) {
    rowDots(x, j * dim, dim, u, v, w, dots);
    addRowScaled(x, j * dim, dim, dots, out[0]!, out[1]!, out[2]!);
  }
  return out;
}

/**
 * The row's dot products with u, v and w, each one chain of additions in coordinate order.
 * Policy: the two loops of `gramTimesThree` are functions of their own, optimised with the
 * feedback of every call; as one function, it was compiled mid-loop before the second loop
 * had ever run, and fell back to the interpreter when it did.
 */
function rowDots(
  x: Float64Array, row: number, dim: number,
  u: Float64Array, v: Float64Array, w: Float64Array, dots: Float64Array,
): void {
  let su = 0;
  let sv = 0;
  let sw = 0;
  for (let i = 0; i < dim; i++) {
    const value = x[row + i]!;
    su += value * u[i]!;
    sv += value * v[i]!;
    sw += value * w[i]!;
  }
  dots[0] = su;
  dots[1] = sv;
  dots[2] = sw;
}

/** out_b += dots[b] · row, for the three outputs of `gramTimesThree`. */
function addRowScaled(
  x: Float64Array, row: number, dim: number, dots: Float64Array,
  outU: Float64Array, outV: Float64Array, outW: Float64Array,
): void {
  const [su, sv, sw] = [dots[0]!, dots[1]!, dots[2]!];
  for (let i = 0; i < dim; i++) {
    const value = x[row + i]!;
    outU[i]! += su * value;
    outV[i]! += sv * value;
    outW[i]! += sw * value;
  }
}

/** Modified Gram–Schmidt in place; a vector that collapses onto the others becomes zero. */
function orthonormalise(basis: Float64Array[]): void {
  let scale = 0;
  for (const v of basis) scale = Math.max(scale, Math.sqrt(dotTyped(v, v)));
  basis.forEach((v, b) => {
    for (let a = 0; a < b; a++) {
      const c = dotTyped(basis[a]!, v);
      for (let i = 0; i < v.length; i++) v[i]! -= c * basis[a]![i]!;
    }
    const size = Math.sqrt(dotTyped(v, v));
    if (!(size > 1e-13 * scale)) v.fill(0);
    else for (let i = 0; i < v.length; i++) v[i]! /= size;
  });
}

/**
 * Eigenpairs of a small symmetric matrix by cyclic Jacobi rotations, sorted by descending
 * eigenvalue; `vectors[row][k]` is component `row` of the k-th eigenvector.
 */
function symmetricEigen(matrix: readonly (readonly number[])[]): {
  values: number[];
  vectors: number[][];
} {
  const a = matrix.map((row) => [...row]);
  const v = a.map((_, r) => a.map((__, c) => (r === c ? 1 : 0)));
  for (let sweep = 0; sweep < 64; sweep++) {
    let total = 0;
    let off = 0;
    a.forEach((row, p) => row.forEach((x, q) => ((total += x * x), (off += p === q ? 0 : x * x))));
    if (off <= 1e-30 * total) break;
    for (let p = 0; p < a.length; p++) {
      for (let q = p + 1; q < a.length; q++) jacobiRotate(a, v, p, q);
    }
  }
  const order = a.map((_, k) => k).sort((k, l) => a[l]![l]! - a[k]![k]! || k - l);
  return {
    values: order.map((k) => a[k]![k]!),
    vectors: v.map((row) => order.map((k) => row[k]!)),
  };
}

/** One Jacobi rotation zeroing a[p][q] (symmetric `a`), accumulated into `v`. */
function jacobiRotate(a: number[][], v: number[][], p: number, q: number): void {
  const apq = a[p]![q]!;
  if (apq === 0) return;
  const theta = (a[q]![q]! - a[p]![p]!) / (2 * apq);
  const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
  const c = 1 / Math.sqrt(t * t + 1);
  const s = t * c;
  const rotate = (m: number[][], columns: boolean): void => {
    for (let k = 0; k < m.length; k++) {
      const [x, y] = columns ? [m[k]![p]!, m[k]![q]!] : [m[p]![k]!, m[q]![k]!];
      const [i, j] = columns ? [m[k]!, m[k]!] : [m[p]!, m[q]!];
      i[columns ? p : k] = c * x - s * y;
      j[columns ? q : k] = s * x + c * y;
    }
  };
  rotate(a, true);
  rotate(a, false);
  rotate(v, true);
}

/** Scores on `axis`, flipped so the largest-magnitude score (first on ties) is positive. */
function orientedScores(x: Float64Array, count: number, dim: number, axis: Float64Array): number[] {
  const scores = new Array<number>(count);
  let pivot = 0;
  for (let j = 0; j < count; j++) {
    let s = 0;
    for (let i = 0; i < dim; i++) s += x[j * dim + i]! * axis[i]!;
    scores[j] = s;
    if (Math.abs(s) > Math.abs(scores[pivot]!) * (1 + 1e-9)) pivot = j;
  }
  const sign = (scores[pivot] ?? 0) < 0 ? -1 : 1;
  return scores.map((s) => (s * sign === 0 ? 0 : s * sign));
}

function dotTyped(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

function maxLength(vectors: readonly (readonly number[])[]): number {
  let length = 0;
  for (const v of vectors) if (v.length > length) length = v.length;
  return length;
}
