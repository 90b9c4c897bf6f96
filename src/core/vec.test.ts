import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cosine,
  diameter,
  effectiveTrim,
  euclidean,
  gramTimes,
  gramTimesThree,
  isBoxValid,
  lerp,
  meanPairwiseDistance,
  meanVec,
  norm,
  normalise,
  pad,
  pca2,
  trimmedCentroid,
  trimmedMean,
  TrimmedMeanTracker,
  weightedCentroid,
} from './vec';
import { checkProperty as checkSeededProperty } from '../testing/checkProperty';

/**
 * Runs a fast-check property with a printed seed: set FC_SEED to replay a failure.
 * (STYLE: a failing randomized test prints its seed and the command that replays it.)
 */
const checkProperty = <T>(property: fc.IProperty<T>, numRuns = 200) => checkSeededProperty(property, numRuns);

const close = (actual: readonly number[], expected: readonly number[]): void => {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, i) => expect(value).toBeCloseTo(expected[i]!, 12));
};

describe('normalise', () => {
  it('scales a vector to unit length', () => {
    close(normalise([3, 4]), [0.6, 0.8]);
  });

  it('turns a near-zero vector into the uniform unit vector', () => {
    close(normalise([0, 0, 0, 0]), [0.5, 0.5, 0.5, 0.5]);
    close(normalise([1e-12, 0]), [Math.SQRT1_2, Math.SQRT1_2]);
  });

  it('keeps the empty vector empty', () => {
    expect(normalise([])).toEqual([]);
  });
});

describe('cosine', () => {
  it('is 1 for parallel, 0 for orthogonal and −1 for opposite vectors', () => {
    expect(cosine([1, 2], [2, 4])).toBeCloseTo(1, 12);
    expect(cosine([1, 0], [0, 3])).toBe(0);
    expect(cosine([1, 1], [-1, -1])).toBeCloseTo(-1, 12);
  });

  it('zero-pads the shorter vector', () => {
    expect(cosine([1, 0], [1, 0, 0, 0])).toBeCloseTo(1, 12);
    expect(cosine([1], [1, 1])).toBeCloseTo(Math.SQRT1_2, 12);
  });

  it('gives 0 against a zero vector instead of NaN', () => {
    expect(cosine([0, 0], [1, 2])).toBe(0);
    expect(cosine([], [])).toBe(0);
  });
});

describe('means and centroids', () => {
  it('averages ragged vectors coordinate-wise, missing coordinates counting as 0', () => {
    expect(meanVec([[2, 4], [4]])).toEqual([3, 2]);
    expect(meanVec([])).toEqual([]);
  });

  it('weights a centroid and then normalises it, missing weights counting as 1', () => {
    close(weightedCentroid([[1, 0], [0, 1]], [3]), normalise([0.75, 0.25]));
    close(weightedCentroid([[2, 0], [0, 2]]), [Math.SQRT1_2, Math.SQRT1_2]);
    expect(weightedCentroid([])).toEqual([]);
  });
});

describe('trimmedMean', () => {
  it('drops the trim smallest and largest values of every coordinate', () => {
    expect(trimmedMean([[1, 10], [2, 20], [3, 30], [100, -100], [-100, 40]], 1)).toEqual([2, 20]);
  });

  it('caps the trim at ⌊(k−1)/2⌋ so one value always survives', () => {
    expect(effectiveTrim(5, 9)).toBe(2);
    expect(effectiveTrim(4, 9)).toBe(1);
    expect(effectiveTrim(1, 3)).toBe(0);
    expect(effectiveTrim(5, Number.NaN)).toBe(0);
    expect(effectiveTrim(5, -2)).toBe(0);
    expect(trimmedMean([[1], [5], [9]], 5)).toEqual([5]);
  });

  it('is the plain mean with no trim, and reads missing coordinates as 0', () => {
    expect(trimmedMean([[1, 1], [3]], 0)).toEqual([2, 0.5]);
    expect(trimmedMean([[1, 1], [3], [5, 2]], 1)).toEqual([3, 1]);
  });

  it('does not depend on the order of its vectors', () => {
    const vectors = [[0.3, -1], [5, 2], [0.1, 0.2], [7, 7], [-3, 0.5]];
    expect(trimmedMean([...vectors].reverse(), 1)).toEqual(trimmedMean(vectors, 1));
  });

  // The literal definition with a trim (without one it is the plain mean): sort every column
  // and add its kept middle in order.
  const sortedSum = (vectors: number[][], trim: number): number[] => {
    const t = effectiveTrim(vectors.length, trim);
    const dim = Math.max(0, ...vectors.map((v) => v.length));
    return Array.from({ length: dim }, (_, i) => {
      const column = Float64Array.from(vectors, (v) => v[i] ?? 0).sort();
      let sum = 0;
      for (let j = t; j < column.length - t; j++) sum += column[j]!;
      return sum / (column.length - 2 * t);
    });
  };

  it('gives bit for bit the sum of the whole sorted column (property)', () => {
    // Sparse, repeated and constant values, −0, and ragged vectors.
    const value = fc.oneof(
      fc.constantFrom(0, -0, 0.25, -0.25, 1 / 3),
      fc.double({ min: -2, max: 2, noNaN: true }),
    );
    const vectors = fc.array(fc.array(value, { maxLength: 6 }), { minLength: 1, maxLength: 12 });
    checkProperty(
      fc.property(vectors, fc.integer({ min: 1, max: 5 }), (vs, trim) => {
        fc.pre(effectiveTrim(vs.length, trim) > 0);
        const fast = trimmedMean(vs, trim);
        const literal = sortedSum(vs, trim);
        expect(fast.length).toBe(literal.length);
        fast.forEach((x, i) => expect(Object.is(x, literal[i]) || x === literal[i]).toBe(true));
      }),
    );
  });

  it('gives bit for bit the sorted sum over long columns, trimmed deep (property)', () => {
    // Columns long enough that only the kept middle is selected and sorted (k ≈ 2t + a few),
    // with few distinct values, ties at the trim boundaries, zeros and −0, and some NaN.
    const value = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(0, -0, 0.03125, -0.5, 1 / 3, 1.056) },
      { weight: 4, arbitrary: fc.double({ min: -2, max: 2, noNaN: true }) },
      { weight: 1, arbitrary: fc.constant(Number.NaN) },
    );
    // Ragged vectors, and vectors each of one value (the uniform rows of a first round).
    const ragged = fc.array(fc.array(value, { minLength: 1, maxLength: 3 }), { minLength: 40, maxLength: 300 });
    const uniform = fc
      .tuple(fc.array(value, { minLength: 40, maxLength: 300 }), fc.integer({ min: 1, max: 40 }))
      .map(([values, dim]) => values.map((x) => new Array<number>(dim).fill(x)));
    checkProperty(
      fc.property(fc.oneof(ragged, uniform), fc.double({ min: 0.3, max: 0.5, noNaN: true }), (vs, share) => {
        const trim = Math.floor(vs.length * share);
        const fast = trimmedMean(vs, trim);
        const expected = sortedSum(vs, trim);
        fast.forEach((x, i) => expect(Object.is(x, expected[i]) || x === expected[i]).toBe(true));
      }),
    );
  });

  it('tracks a growing set of vectors bit for bit like the one-off trimmed mean (property)', () => {
    // A pool of vectors (−0, ties, ragged, sometimes a NaN) and calls that mostly extend the
    // last call's set by a few vectors, sometimes start afresh, repeat a vector or trim 0.
    const value = fc.oneof(
      { weight: 1, arbitrary: fc.constantFrom(0, -0, 0.5, -0.5, 1 / 3) },
      { weight: 1, arbitrary: fc.double({ min: -2, max: 2, noNaN: true }) },
    );
    const pool = fc
      .tuple(
        fc.array(fc.array(value, { minLength: 2, maxLength: 4 }), { minLength: 8, maxLength: 80 }),
        fc.option(fc.nat(200), { freq: 4 }),
        fc.integer({ min: 0, max: 3 }),
      )
      .map(([vectors, nanAt, shape]) => {
        if (nanAt !== null) vectors[nanAt % vectors.length]![0] = Number.NaN;
        // Sometimes every vector is one value (a first round's relational rows), sometimes
        // only the first ones are.
        if (shape === 0) return vectors.map((v) => new Array<number>(3).fill(v[0]!));
        if (shape === 1) return vectors.map((v, j) => (j < vectors.length / 2 ? new Array<number>(4).fill(v[0]!) : v));
        return vectors;
      });
    const step = fc.record({
      add: fc.integer({ min: 0, max: 6 }),
      restart: fc.integer({ min: 0, max: 7 }).map((x) => x === 0),
      repeat: fc.integer({ min: 0, max: 7 }).map((x) => x === 0),
      trim: fc.integer({ min: 0, max: 20 }).map((x) => (x === 0 ? 0 : x + 2)),
    });
    checkProperty(
      fc.property(pool, fc.array(step, { minLength: 1, maxLength: 20 }), (vectors, steps) => {
        const tracker = new TrimmedMeanTracker();
        let used = Math.min(vectors.length, 6);
        for (const { add, restart, repeat, trim } of steps) {
          used = restart ? Math.min(vectors.length, 2 + add) : Math.min(vectors.length, used + add);
          const set = vectors.slice(0, used).reverse();
          if (repeat && set.length > 1) set.push(set[0]!);
          const tracked = tracker.mean(set, trim);
          const expected = trimmedMean(set, trim);
          expect(tracked.length).toBe(expected.length);
          tracked.forEach((x, i) => {
            const same = Object.is(x, expected[i]) || x === expected[i] || (Number.isNaN(x) && Number.isNaN(expected[i]));
            expect(same).toBe(true);
          });
        }
      }),
    );
  });

  it('extends its sorted columns rather than starting afresh when a call adds vectors', () => {
    const vectors = Array.from({ length: 40 }, (_, j) => [Math.sin(j), Math.cos(3 * j), j % 5]);
    const tracker = new TrimmedMeanTracker();
    for (let used = 20; used <= 40; used++) {
      expect(tracker.mean(vectors.slice(0, used), 6)).toEqual(trimmedMean(vectors.slice(0, used), 6));
    }
    // The tracker's columns after the extensions hold every value, in order.
    const columns = (tracker as unknown as { sorted: Float64Array; stride: number; count: number });
    expect(columns.count).toBe(40);
    const first = Array.from(columns.sorted.subarray(0, 40));
    expect(first).toEqual(vectors.map((v) => v[0]!).sort((a, b) => a - b));
  });

  it('gives the normalised trimmed mean as the centroid', () => {
    close(trimmedCentroid([[3, 4], [3, 4], [300, -400]], 1), [0.6, 0.8]);
    expect(trimmedCentroid([], 1)).toEqual([]);
  });
});

describe('isBoxValid', () => {
  it('accepts a point inside every trimmed coordinate range and rejects one outside', () => {
    const vectors = [[0, 0], [1, 1], [2, 2], [3, 3], [100, -100]];
    expect(isBoxValid(vectors, 1, [1.5, 1.5])).toBe(true);
    expect(isBoxValid(vectors, 1, [3.5, 1])).toBe(false);
    expect(isBoxValid(vectors, 1, [3 + 1e-10, 1])).toBe(true);
  });

  it('is vacuously true without vectors', () => {
    expect(isBoxValid([], 2, [5])).toBe(true);
  });

  it('holds for the trimmed mean of honest vectors plus up to f arbitrary ones (property)', () => {
    const coordinate = fc.double({ min: -1, max: 1, noNaN: true });
    const extreme = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    const scenario = fc
      .record({
        f: fc.integer({ min: 1, max: 6 }),
        dim: fc.integer({ min: 1, max: 5 }),
        extra: fc.nat(4),
      })
      .chain(({ f, dim, extra }) =>
        fc.record({
          f: fc.constant(f),
          honest: fc.array(fc.array(coordinate, { minLength: dim, maxLength: dim }), {
            minLength: 2 * f + 1 + extra,
            maxLength: 2 * f + 1 + extra,
          }),
          byzantine: fc.array(fc.array(extreme, { minLength: dim, maxLength: dim }), {
            minLength: 0,
            maxLength: f,
          }),
        }),
      );
    checkProperty(
      fc.property(scenario, ({ f, honest, byzantine }) => {
        const all = [...honest, ...byzantine];
        const aggregate = trimmedMean(all, f);
        // Inside the honest per-coordinate range: what a Byzantine minority cannot leave.
        aggregate.forEach((value, i) => {
          const column = honest.map((v) => v[i]!);
          expect(value).toBeGreaterThanOrEqual(Math.min(...column) - 1e-9);
          expect(value).toBeLessThanOrEqual(Math.max(...column) + 1e-9);
        });
        expect(isBoxValid(all, f, aggregate)).toBe(true);
      }),
    );
  });
});

describe('distances and interpolation', () => {
  it('averages 1 − cos over all pairs', () => {
    expect(meanPairwiseDistance([[1, 0], [0, 1], [1, 0]])).toBeCloseTo(2 / 3, 12);
    expect(meanPairwiseDistance([[1, 0]])).toBe(0);
  });

  it('interpolates after zero-padding', () => {
    expect(lerp([0, 2], [4], 0.25)).toEqual([1, 1.5]);
  });

  it('pads with zeros or cuts to a width', () => {
    expect(pad([1, 2], 4)).toEqual([1, 2, 0, 0]);
    expect(pad([1, 2, 3], 2)).toEqual([1, 2]);
    expect(norm([3, 4])).toBe(5);
  });
});

describe('diameter', () => {
  it('is the largest Euclidean distance between two vectors, 0 for fewer than two', () => {
    expect(euclidean([0, 0], [3, 4])).toBe(5);
    expect(euclidean([1], [1, 2])).toBe(2);
    expect(diameter([[0, 0], [3, 4], [1, 1]])).toBe(5);
    expect(diameter([[7, 7]])).toBe(0);
  });
});

describe('pca2', () => {
  const closeRows = (actual: [number, number][], expected: [number, number][]): void => {
    expect(actual).toHaveLength(expected.length);
    actual.forEach(([x, y], i) => {
      expect(x).toBeCloseTo(expected[i]![0], 9);
      expect(y).toBeCloseTo(expected[i]![1], 9);
    });
  };
  // Variance 32 along x, 8 along y and 2 along z, centred on the origin.
  const axes = [[4, 0, 0], [-4, 0, 0], [0, 2, 0], [0, -2, 0], [0, 0, 1], [0, 0, -1]];
  const projected: [number, number][] = [[4, 0], [-4, 0], [0, 2], [0, -2], [0, 0], [0, 0]];

  it('projects on the two directions of largest variance', () => {
    closeRows(pca2(axes), projected);
  });

  it('ignores translation and rotation of the cloud', () => {
    const c = Math.cos(0.7);
    const s = Math.sin(0.7);
    const moved = axes.map(([x, y, z]) => [c * x! - s * y! + 10, s * x! + c * y! - 3, z! + 0.5]);
    closeRows(pca2(moved), projected);
  });

  it('orients each component so its largest score is positive, first on ties', () => {
    // Mirrored data gives the same picture: the sign never depends on the input orientation.
    closeRows(pca2(axes.map((v) => v.map((x) => -x))), projected);
    closeRows(pca2([[0, -3], [0, 1], [0, 2]]), [[-3, 0], [1, 0], [2, 0]].map(([x]) => [-x!, 0]));
  });

  it('scores 0 on a component that carries no variance', () => {
    // Scores −√2, 0, √2 tie in magnitude: the first one is made positive.
    closeRows(pca2([[1, 1], [2, 2], [3, 3]]), [[Math.SQRT2, 0], [0, 0], [-Math.SQRT2, 0]]);
    closeRows(pca2([[5, 5, 5], [5, 5, 5]]), [[0, 0], [0, 0]]);
    expect(pca2([])).toEqual([]);
    closeRows(pca2([[2], [4]]), [[1, 0], [-1, 0]]);
  });

  it('is deterministic on a larger random cloud (seed 7)', () => {
    let state = 7;
    const next = (): number => ((state = (state * 48271) % 2147483647) / 2147483647) * 2 - 1;
    const cloud = Array.from({ length: 60 }, () => Array.from({ length: 40 }, next));
    const first = pca2(cloud);
    expect(pca2(cloud.map((v) => [...v]))).toEqual(first);
    // The first component carries at least as much variance as the second.
    const variance = (k: 0 | 1): number => first.reduce((sum, p) => sum + p[k] ** 2, 0);
    expect(variance(0)).toBeGreaterThanOrEqual(variance(1));
  });
});

describe('gramTimesThree', () => {
  it('gives each vector bit for bit its own gramTimes (property)', () => {
    const value = fc.oneof(fc.constantFrom(0, -0, 1e16, 1 / 3), fc.double({ min: -3, max: 3, noNaN: true }));
    const input = fc.record({ dim: fc.integer({ min: 1, max: 9 }), count: fc.integer({ min: 1, max: 9 }) }).chain(({ dim, count }) =>
      fc.record({
        dim: fc.constant(dim),
        count: fc.constant(count),
        x: fc.array(value, { minLength: dim * count, maxLength: dim * count }),
        basis: fc.array(fc.array(value, { minLength: dim, maxLength: dim }), { minLength: 3, maxLength: 3 }),
      }),
    );
    checkProperty(
      fc.property(input, ({ dim, count, x, basis }) => {
        const rows = Float64Array.from(x);
        const vectors = basis.map((v) => Float64Array.from(v));
        const fused = gramTimesThree(rows, count, dim, vectors);
        vectors.forEach((v, b) => {
          const alone = gramTimes(rows, count, dim, v);
          expect(Array.from(fused[b]!).map((z) => Object.is(z, -0) ? 'neg0' : z)).toEqual(
            Array.from(alone).map((z) => Object.is(z, -0) ? 'neg0' : z),
          );
        });
      }),
    );
  });
});
