import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diameter, normalise } from '../vec';
import { AXES } from './axes';
import { deliberate, type DeliberationContext } from './deliberate';
import { craftedRound, demoRound, demoText, type CraftedAxes } from './demoRound';
import { ResolveMemo } from './ResolveMemo';
import { sycophancyScore } from './sycophancyScore';
import { TrustStore } from './TrustStore';
import type { Offer, Round, Trajectory } from './types';
import { checkProperty } from '../../testing/checkProperty';


const trustFree: DeliberationContext = { threshold: 0.6, embed: 'bow' };
const dissent = ['reject: the budget change is risky and flawed', 'maybe, perhaps unclear cost'];
const mixedText = (i: number): string => [demoText(i), ...dissent][i % 3]!;

/** The [start, end) of each axis in a full combined vector. */
function slices(semanticWidth: number, n: number): Record<(typeof AXES)[number], [number, number]> {
  const widths = [semanticWidth, 2, n, 2, 2];
  let at = 0;
  const out = {} as Record<(typeof AXES)[number], [number, number]>;
  AXES.forEach((axis, a) => (out[axis] = [at, (at += widths[a]!)]));
  return out;
}

function axisPart(
  trajectory: Trajectory,
  step: number,
  axis: (typeof AXES)[number],
  width: number,
): number[][] {
  const n = trajectory.agents!.length;
  const [s, e] = slices(width, n)[axis];
  return trajectory.positions![step]!.map((v) => v.slice(s, e));
}

const unit = (x: number, y: number): number[] => normalise([x, y]);
const plain = (overrides: Partial<CraftedAxes> = {}): CraftedAxes => ({
  semantic: [1, 0, 0],
  affective: unit(0.6, 0.8),
  epistemic: unit(0.6, 0.8),
  behavioral: unit(1, 1),
  ...overrides,
});

describe('deliberate: positions and the round', () => {
  it('keeps positions[step][agentIndex] for steps 0 … steps, S + 6 + n coordinates each', () => {
    const { round } = demoRound(7, { text: mixedText });
    const trajectory = deliberate(round, { steps: 4 }, trustFree);
    expect(trajectory.steps).toBe(4);
    expect(trajectory.agents).toEqual(['a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6']);
    expect(trajectory.positions).toHaveLength(5);
    const width = round.vocab.length;
    for (const step of trajectory.positions!) {
      expect(step).toHaveLength(7);
      for (const position of step) expect(position).toHaveLength(width + 6 + 7);
    }
    expect(trajectory.velocities).toHaveLength(4);
    for (const axis of AXES) expect(trajectory.axisDeltas[axis]).toHaveLength(4);
    expect(trajectory.evidenceDelta.a3).toHaveLength(4);
  });

  it('starts from the sealed axes, with a uniform relational row when trust-free', () => {
    const axes = [plain(), plain({ semantic: [0, 1, 0] }), plain({ semantic: [0, 0, 1] })];
    const round = craftedRound(axes);
    const start = deliberate(round, { steps: 1 }, trustFree).positions![0]!;
    const third = 1 / Math.sqrt(3);
    const expected = [1, 0, 0, 0.6, 0.8, third, third, third, 0.6, 0.8, Math.SQRT1_2, Math.SQRT1_2];
    start[0]!.forEach((value, c) => expect(value).toBeCloseTo(expected[c]!, 9));
  });

  it('is idempotent: a second deliberation restarts from the stored starting point', () => {
    const { agents, round } = demoRound(7, { text: mixedText });
    agents[0]!.store.setTrust('a0', 'a2', 0.2);
    const first = agents[0]!.deliberate(round);
    const start = structuredClone(round.preDeliberation);
    expect(start?.relational.a0).toHaveLength(7);
    expect(agents[0]!.deliberate(round)).toEqual(first);
    // Even after the deliberator's trust moves on, deliberation restarts where it first did.
    agents[0]!.store.setTrust('a0', 'a2', 1.9);
    expect(agents[0]!.deliberate(round).positions![0]).toEqual(first.positions![0]);
    expect(round.preDeliberation).toEqual(start);
  });

  it('never writes a sealed record, and leaves the round plain JSON without positions', () => {
    const { round } = demoRound(7, { text: mixedText });
    const before = structuredClone(round.evaluations);
    const memo = new ResolveMemo({ immutableRecords: true });
    const trajectory = deliberate(round, {}, { ...trustFree, memo });
    expect(Object.isFrozen(round.evaluations.a1)).toBe(true);
    expect(round.evaluations).toEqual(before);
    expect(JSON.parse(JSON.stringify(round))).toEqual(round);
    expect(round.trajectory?.positions).toBeUndefined();
    const { positions: _positions, ...summary } = trajectory;
    expect(round.trajectory).toEqual(summary);
  });

  it('leaves out records that fail the tamper check', () => {
    const { round } = demoRound(7, { text: mixedText });
    round.evaluations.a3!.semantic[0] = 999;
    const trajectory = deliberate(round, {}, trustFree);
    expect(trajectory.agents).toEqual(['a0', 'a1', 'a2', 'a4', 'a5', 'a6']);
    expect(trajectory.evidenceDelta.a3).toBeUndefined();
    expect(trajectory.positions![0]![0]).toHaveLength(round.vocab.length + 6 + 6);
  });
});

describe('deliberate: bounded confidence', () => {
  const coordinate = fc.double({ min: -1, max: 1, noNaN: true });
  const group = fc.array(
    fc.record({
      semantic: fc.array(fc.nat(3), { minLength: 5, maxLength: 5 }).map((v) => normalise(v)),
      affective: fc.tuple(coordinate, coordinate).map(([x, y]) => normalise([x, y])),
      epistemic: fc.double({ min: -1, max: 1, noNaN: true }).map((x) => unit(x, 0.5)),
      behavioral: fc.double({ min: 0, max: 1, noNaN: true }).map((x) => unit(1, x)),
    }),
    { minLength: 2, maxLength: 8 },
  );

  it('never widens the opinion diameter under full connectivity (property)', () => {
    checkProperty(
      fc.property(group, fc.double({ min: 0, max: 1, noNaN: true }), (axes, stepSize) => {
        const options = { epsilon: -1, stepSize, steps: 4 };
        const trajectory = deliberate(craftedRound(axes), options, trustFree);
        const widths = trajectory.positions!.map((step) => diameter(step));
        for (let s = 1; s < widths.length; s++) {
          expect(widths[s]!).toBeLessThanOrEqual(widths[s - 1]! + 1e-8);
        }
      }),
      40,
    );
  });

  it('never widens any axis diameter under full connectivity, weighted by trust (property)', () => {
    checkProperty(
      fc.property(group, fc.nat(7), (axes, seedTrust) => {
        const store = new TrustStore();
        axes.forEach((_, j) => store.setTrust('a0', `a${j}`, 0.1 + ((j * 7 + seedTrust) % 9) / 4));
        store.updateAxisTrust('a0', 'a1', 'semantic', 0.8);
        const context = { ...trustFree, me: 'a0', store };
        const trajectory = deliberate(craftedRound(axes), { epsilon: -1, steps: 3 }, context);
        for (const axis of AXES) {
          const widths = [0, 1, 2, 3].map((s) => diameter(axisPart(trajectory, s, axis, 5)));
          for (let s = 1; s < 4; s++) expect(widths[s]!).toBeLessThanOrEqual(widths[s - 1]! + 1e-8);
        }
      }),
      30,
    );
  });

  it('strictly shrinks the diameter of a diverse group', () => {
    const { round } = demoRound(7, { text: mixedText });
    const trajectory = deliberate(round, { epsilon: -1, steps: 3 }, trustFree);
    const widths = trajectory.positions!.map((step) => diameter(step));
    for (let s = 1; s < widths.length; s++) expect(widths[s]!).toBeLessThan(widths[s - 1]!);
    // Each step scales every pairwise difference by |1 − t·n/(n − 1)| = 0.65.
    expect(widths[1]! / widths[0]!).toBeCloseTo(1 - (0.3 * 7) / 6, 9);
    expect(trajectory.velocities.every((v) => v < 0)).toBe(true);
  });

  it('treats ε < 0 as full connectivity: agents too far apart for any radius still move', () => {
    const far = plain({ semantic: [0, 1, 0], affective: unit(-1, 0), epistemic: unit(-1, 0.2) });
    const axes = [plain(), far];
    const bounded = deliberate(craftedRound(axes), { epsilon: 0.05, steps: 1 }, trustFree);
    expect(bounded.positions![1]).toEqual(bounded.positions![0]);
    expect(bounded.consensusQuality.independenceRate).toBe(1);
    const full = deliberate(craftedRound(axes), { epsilon: -0.5, steps: 1 }, trustFree);
    expect(full.positions![1]).not.toEqual(full.positions![0]);
    expect(full.consensusQuality.independenceRate).toBe(0);
  });

  it('reads ε = 0 as the default: the store’s base ε, or 0.15 trust-free', () => {
    const { agents, round } = demoRound(7, { text: mixedText });
    const copy = (): Round => structuredClone(round);
    const byDefault = deliberate(copy(), { epsilon: 0 }, trustFree);
    expect(deliberate(copy(), { epsilon: 0.15 }, trustFree)).toEqual(byDefault);
    const agent = agents[0]!;
    agent.store.baseEpsilon = 0.4;
    const learned = agent.deliberate(copy(), { epsilon: 0 });
    expect(learned).toEqual(agent.deliberate(copy(), { epsilon: 0.4 }));
    expect(learned).not.toEqual(agent.deliberate(copy(), { epsilon: 0.15 }));
  });

  it('scales the radius per axis: an affective gap closes, an equal epistemic one less', () => {
    const store = new TrustStore();
    expect(store.getEpsilon(0.15, 'a0', 'a1', 'affective')).toBeGreaterThan(
      store.getEpsilon(0.15, 'a0', 'a1', 'epistemic'),
    );
    // cos = 0.8: inside the affective radius (1.8 × 0.15), outside the epistemic one (0.9 × 0.15).
    const gap = (axis: 'affective' | 'epistemic'): number => {
      const axes = [plain({ [axis]: [1, 0] }), plain({ [axis]: [0.8, 0.6] })];
      const trajectory = deliberate(craftedRound(axes), { epsilon: 0.15, steps: 1 }, trustFree);
      const [before, after] = [0, 1].map((s) => axisPart(trajectory, s, axis, 3));
      const distance = (v: number[][]): number =>
        Math.hypot(v[0]![0]! - v[1]![0]!, v[0]![1]! - v[1]![1]!);
      return distance(after!) / distance(before!);
    };
    expect(gap('affective')).toBeCloseTo(1 - 2 * 0.3, 6);
    // Outside its axis radius the slice moves only toward the unit-normalised centroid.
    expect(gap('epistemic')).toBeCloseTo(0.7 - 0.3 / Math.sqrt(5), 6);
  });
});

describe('deliberate: evidence, offers and learned weights', () => {
  it('flips the sycophancy sign with the confidence direction of the peers', () => {
    const score = (peerConfidence: number): number => {
      const peer = plain({ epistemic: unit(peerConfidence, 0.5) });
      const axes = [plain({ epistemic: unit(0.3, 0.9) }), peer, peer, peer];
      const trajectory = deliberate(craftedRound(axes), { epsilon: -1 }, trustFree);
      return sycophancyScore(trajectory.evidenceDelta).a0!;
    };
    expect(score(0.95)).toBeGreaterThan(0);
    expect(score(-0.6)).toBeLessThan(0);
  });

  it('enacts an offer’s concession only when what it wants is met', () => {
    const { round } = demoRound(7, { text: mixedText });
    const run = (offers: Offer[]) =>
      deliberate(structuredClone(round), { steps: 1, epsilon: -1, offers }, trustFree)
        .positions![1]!;
    const plainStep = run([]);
    const give = run([{ fromAgent: 'a2', give: { affective: 1 }, want: {}, expiresIn: 1 }]);
    expect(give[2]).not.toEqual(plainStep[2]);
    expect(give.filter((_, i) => i !== 2)).toEqual(plainStep.filter((_, i) => i !== 2));
    const want = { semantic: 1.5 };
    const unmet = run([{ fromAgent: 'a2', give: { affective: 1 }, want, expiresIn: 1 }]);
    expect(unmet).toEqual(plainStep);
    const stranger = { fromAgent: 'a9', give: { affective: 1 }, want: {}, expiresIn: 3 };
    expect(run([stranger])).toEqual(plainStep);
  });

  it('steps each axis by its learned weight once layer 3 has moved; trust-free ignores it', () => {
    const { agents, round } = demoRound(7, { text: mixedText });
    const agent = agents[0]!;
    const seedWeights = agent.deliberate(structuredClone(round));
    agent.store.axisWeights = {
      semantic: 0.5, affective: 0.1, relational: 0.2, epistemic: 0.1, behavioral: 0.1,
    };
    expect(agent.deliberate(structuredClone(round)).positions).not.toEqual(seedWeights.positions);
    const context = { ...trustFree, store: agent.store };
    const ignoring = deliberate(structuredClone(round), {}, context);
    expect(ignoring).toEqual(deliberate(structuredClone(round), {}, trustFree));
  });

  it('calls fast, evidence-free convergence coalitional among allies, genuine otherwise', () => {
    const axes = [
      plain({ semantic: [1, 0.2, 0] }), plain({ semantic: [1, 0, 0.3] }),
      plain({ semantic: [0.6, 1, 0] }), plain({ semantic: [0.7, 0.9, 0.2] }),
    ].map((v) => ({ ...v, semantic: normalise(v.semantic) }));
    const store = new TrustStore();
    const context = { ...trustFree, me: 'a0', store };
    const strangers = deliberate(craftedRound(axes), { epsilon: -1, steps: 2 }, context);
    expect(strangers.consensusType).toBe('genuine');
    for (let k = 0; k < 3; k++) store.recordCoCommit(['a0', 'a1', 'a2', 'a3']);
    const allies = deliberate(craftedRound(axes), { epsilon: -1, steps: 2 }, context);
    expect(allies.velocities.every((v) => v < -0.005)).toBe(true);
    expect(Object.values(allies.evidenceDelta).flat().every((d) => d === 0)).toBe(true);
    expect(allies.consensusType).toBe('coalitional');
  });
});
