import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cosine, lerp, normalise, weightedCentroid } from '../vec';
import { AXES, AXIS_EPSILON_MULTIPLIERS, type Axis } from './axes';
import { relational } from './axisVectors';
import { deliberate, type DeliberateOptions } from './deliberate';
import { craftedRound, type CraftedAxes } from './demoRound';
import { buildHkContext } from './hkContext';
import { buildHkSpace } from './hkSpace';
import { addRows, HkStepper } from './hkStep';
import { TrustStore } from './TrustStore';
import { checkProperty } from '../../testing/checkProperty';

/**
 * The fast HK step (reduced relational coordinates, pair links, rows added four at a time) against a
 * plain transcription of reference §2.4 over full S + 6 + n vectors.
 */


interface Reference {
  radius: (i: number, j: number, axis: Axis | 'whole') => number;
  trust: (i: number, j: number) => number;
  axisTrust: (i: number, j: number, axis: Axis) => number;
  bounded: boolean;
  stepSize: number;
}

/** Reference §2.4, one step, literally: full vectors, slices, no shortcuts. */
function referenceStep(
  positions: number[][],
  slices: [number, number][],
  ref: Reference,
): number[][] {
  return positions.map((x, i) => {
    const others = positions.map((_, j) => j).filter((j) => j !== i);
    const near = ref.bounded
      ? others.filter((j) => cosine(x, positions[j]!) >= 1 - ref.radius(i, j, 'whole'))
      : others;
    if (near.length === 0) return [...x];
    const c0 = weightedCentroid(near.map((j) => positions[j]!), near.map((j) => ref.trust(i, j)));
    const target = [...c0];
    AXES.forEach((axis, a) => {
      const [s, e] = slices[a]!;
      const members = ref.bounded
        ? near.filter(
          (j) => cosine(x.slice(s, e), positions[j]!.slice(s, e)) >= 1 - ref.radius(i, j, axis),
        )
        : near;
      if (members.length === 0) return;
      const weights = members.map((j) => ref.axisTrust(i, j, axis));
      const total = weights.reduce((p, q) => p + q, 0);
      for (let c = s; c < e; c++) {
        target[c] = members.reduce((p, j, k) => p + weights[k]! * positions[j]![c]!, 0) / total;
      }
    });
    return lerp(x, target, ref.stepSize);
  });
}

function slicesFor(semanticWidth: number, n: number): [number, number][] {
  const widths = [semanticWidth, 2, n, 2, 2];
  let at = 0;
  return widths.map((w) => [at, (at += w)] as [number, number]);
}

// Policy: components on a grid of 1/1000 (as sentiment and stance counts give), not any
// double: a component like 1.8e-160 squares to a subnormal, where two correct summation orders
// of the Gram formulation and the literal loop legitimately round differently.
const gridUnit = fc.integer({ min: -1000, max: 1000 }).map((k) => k / 1000);
const unit = fc.tuple(gridUnit, gridUnit).map(([x, y]) => normalise([x, y]));
const agentAxes = fc.record({
  semantic: fc.array(fc.nat(3), { minLength: 6, maxLength: 6 }).map((v) => normalise(v)),
  affective: unit,
  epistemic: unit,
  behavioral: unit,
});
/** Like `agentAxes`, but often with neutral affect ([0, 0], text without sentiment words). */
const neutralAxes = fc.record({
  semantic: fc.array(fc.nat(1), { minLength: 6, maxLength: 6 }).map((v) => normalise(v)),
  affective: fc.oneof(fc.constant<number[]>([0, 0]), unit),
  epistemic: unit,
  behavioral: fc.constant<number[]>([1, 0]),
});

function runBoth(axes: CraftedAxes[], options: DeliberateOptions, store?: TrustStore): void {
  const round = craftedRound(axes);
  const n = axes.length;
  const ids = axes.map((_, i) => `a${i}`);
  const context = store ? { threshold: 0.6, embed: 'bow' as const, me: 'a0', store } : {
    threshold: 0.6, embed: 'bow' as const,
  };
  const trajectory = deliberate(round, options, context);
  const uniform = ids.map(() => 1 / Math.sqrt(n));
  const rows = ids.map((aid) =>
    store?.hasTrustRow(aid) ? relational(ids, (peer) => store.trust(aid, peer)) : uniform,
  );
  let positions = axes.map((v, i) => [
    ...v.semantic, ...v.affective, ...rows[i]!, ...v.epistemic, ...v.behavioral,
  ]);
  const epsilon = options.epsilon ?? 0;
  const effective = epsilon !== 0 ? epsilon : store ? store.baseEpsilon : 0.15;
  const ref: Reference = {
    bounded: effective > 0,
    stepSize: options.stepSize ?? 0.3,
    radius: (i, j, axis) => {
      if (!store) return effective * (axis === 'whole' ? 1 : AXIS_EPSILON_MULTIPLIERS[axis]);
      return store.getEpsilon(effective, ids[i]!, ids[j]!, axis === 'whole' ? 'semantic' : axis);
    },
    trust: (i, j) => (store ? store.trust(ids[i]!, ids[j]!) : 1),
    axisTrust: (i, j, axis) => (store ? store.axisTrust(ids[i]!, ids[j]!, axis) : 1),
  };
  const slices = slicesFor(6, n);
  for (let step = 0; step <= (options.steps ?? 3); step++) {
    const fast = trajectory.positions![step]!;
    positions.forEach((x, i) => x.forEach((value, c) => expect(fast[i]![c]).toBeCloseTo(value, 7)));
    positions = referenceStep(positions, slices, ref);
  }
}

describe('HkStepper against reference §2.4', () => {
  it('matches the plain transcription, trust-free, for random groups (property)', () => {
    const group = fc.record({
      axes: fc.array(agentAxes, { minLength: 2, maxLength: 9 }),
      epsilon: fc.constantFrom(0, 0.05, 0.3, 0.6, -1),
      stepSize: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    checkProperty(
      fc.property(group, ({ axes, epsilon, stepSize }) => {
        runBoth(axes, { epsilon, stepSize, steps: 3 });
      }),
      25,
    );
  });

  it('matches it when several agents have neutral affect (property)', () => {
    const group = fc.record({
      axes: fc.array(neutralAxes, { minLength: 3, maxLength: 9 }),
      epsilon: fc.constantFrom(0, 0.3),
      stepSize: fc.double({ min: 0.05, max: 1, noNaN: true }),
    });
    checkProperty(
      fc.property(group, ({ axes, epsilon, stepSize }) => {
        runBoth(axes, { epsilon, stepSize, steps: 3 });
      }),
      40,
    );
  });

  it('keeps a neutral axis exactly zero when every neighbour is neutral on it', () => {
    // Three agents of neutral affect agree with each other and not with the other two, so
    // each one's affective neighbourhood sum is 0 + 0, exactly 0 in the reference.
    const neutral = { semantic: [1, 0], affective: [0, 0], epistemic: [0, 1], behavioral: [1, 0] };
    const moved = (affective: number[]) => ({ ...neutral, semantic: [0, 1], affective });
    const agents = [
      neutral, neutral, neutral, moved(normalise([0.3, 0.7])), moved(normalise([0.1, -0.9])),
    ];
    const ids = agents.map((_, i) => `a${i}`);
    const space = buildHkSpace(agents, 2);
    const context = buildHkContext({ agents: ids, stepSize: 0.3, epsilon: 0 });
    let positions = space.positions;
    const stepper = new HkStepper(space, context);
    const [affectiveStart] = [space.layout.bounds[1]!];
    for (let step = 0; step < 3; step++) {
      positions = stepper.step(positions, []).positions;
      for (let i = 0; i < 3; i++) {
        const at = i * space.layout.dim + affectiveStart;
        expect([positions[at], positions[at + 1]], `a${i} after step ${step + 1}`).toEqual([0, 0]);
      }
    }
  });

  it('matches it weighted by trust, axis trust and co-commit radii (property)', () => {
    const group = fc.record({
      axes: fc.array(agentAxes, { minLength: 3, maxLength: 8 }),
      epsilon: fc.constantFrom(0, 0.1, 0.3, -1),
      trust: fc.array(fc.double({ min: 0.05, max: 2, noNaN: true }), {
        minLength: 8,
        maxLength: 8,
      }),
      allies: fc.nat(7),
    });
    checkProperty(
      fc.property(group, ({ axes, epsilon, trust, allies }) => {
        const store = new TrustStore();
        axes.forEach((_, j) => store.setTrust('a0', `a${j}`, trust[j]!));
        store.setTrust('a2', 'a1', 0.3);
        store.updateAxisTrust('a0', 'a1', 'affective', 0.7);
        for (let k = 0; k < allies; k++) store.recordCoCommit(['a0', 'a1', 'a2']);
        runBoth(axes, { epsilon, steps: 2 }, store);
      }),
      25,
    );
  });
});

describe('addRows', () => {
  it('adds rows four at a time with the bits of adding them one at a time (property)', () => {
    const value = fc.oneof(
      fc.constantFrom(0, -0, 1e-17, -1e-17, 1 / 3, 1e16),
      fc.double({ min: -3, max: 3, noNaN: true }),
    );
    const input = fc.record({
      dim: fc.integer({ min: 1, max: 7 }),
      rows: fc.integer({ min: 1, max: 12 }),
      values: fc.array(value, { minLength: 84, maxLength: 84 }),
      picks: fc.array(fc.nat(11), { maxLength: 11 }),
      start: fc.nat(3),
    });
    checkProperty(
      fc.property(input, ({ dim, rows, values, picks, start }) => {
        const positions = Float64Array.from(values.slice(0, dim * rows));
        const list = Int32Array.from([...new Array<number>(start).fill(0), ...picks.map((p) => p % rows)]);
        const from = dim > 2 ? 1 : 0;
        const fast = new Float64Array(dim).fill(0.1);
        const plain = new Float64Array(dim).fill(0.1);
        addRows(fast, positions, dim, list, start, picks.length, from, dim);
        for (const row of picks.map((p) => p % rows)) {
          for (let c = from; c < dim; c++) plain[c]! += positions[row * dim + c]!;
        }
        expect(Array.from(fast).map((x) => Object.is(x, -0) ? 'neg0' : x)).toEqual(
          Array.from(plain).map((x) => Object.is(x, -0) ? 'neg0' : x),
        );
      }),
      300,
    );
  });
});
