import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deliberate } from './deliberate';
import { demoRound, demoText } from './demoRound';
import { ResolveMemo } from './ResolveMemo';
import type { ResonanceAgent } from './ResonanceAgent';
import { sycophancyScore } from './sycophancyScore';
import type { Offer, Outcome, Round } from './types';
import { checkProperty } from '../../testing/checkProperty';

/**
 * Layers 2 and 3 never change what layer 1 commits (reference §2.4 "effect on the commit"):
 * deliberation rewrites no sealed axis, and `resolve` computes its diagnostics after the
 * commit is decided.
 */


const texts = [
  demoText(0), demoText(1), demoText(2), 'reject: risky and flawed', 'maybe, perhaps unclear cost',
  'lunch menu: pizza salad soup',
];

/** What layer 1 decides. */
function commitOf(outcome: Outcome) {
  const { status, n, f, quorumSize, quorumNeeded, quorumAgents, outlierAgents, tamperedAgents,
    winner, perAxis, axisContributors, viewNumber, reason } = outcome;
  return { status, n, f, quorumSize, quorumNeeded, quorumAgents, outlierAgents, tamperedAgents,
    winner, perAxis, axisContributors, viewNumber, reason };
}

const resolveFresh = (agent: ResonanceAgent, round: Round): Outcome =>
  agent.resolve(round, { memo: new ResolveMemo() });

describe('deliberation never changes the commit', () => {
  it('leaves status, quorum and per-axis scores alone, whatever its parameters (property)', () => {
    const axis = fc.constantFrom('semantic', 'affective', 'relational', 'epistemic', 'behavioral');
    const fraction = fc.double({ min: 0, max: 1, noNaN: true });
    const scenario = fc.integer({ min: 4, max: 8 }).chain((n) =>
      fc.record({
        n: fc.constant(n),
        choices: fc.array(fc.nat(texts.length - 1), { minLength: n, maxLength: n }),
        roster: fc.boolean(),
        tampered: fc.subarray(Array.from({ length: n }, (_, i) => `a${i}`), { maxLength: 2 }),
        deliberator: fc.nat(n - 1),
        trustFree: fc.boolean(),
        history: fc.nat(12),
        steps: fc.nat(5),
        stepSize: fc.double({ min: 0, max: 1, noNaN: true }),
        epsilon: fc.oneof(fc.constant(0), fc.double({ min: -1, max: 1, noNaN: true })),
        offer: fc.option(fc.record({ give: axis, want: axis, fraction })),
      }),
    );
    checkProperty(
      fc.property(scenario, (s) => {
        const text = (i: number): string => texts[s.choices[i]!]!;
        const { agents, round } = demoRound(s.n, { text, roster: s.roster });
        for (const aid of s.tampered) round.evaluations[aid]!.behavioral = [0, 1];
        const deliberator = agents[s.deliberator]!;
        for (let k = 0; k < s.history; k++) {
          deliberator.commit(resolveFresh(deliberator, structuredClone(round)));
        }
        const learned = { ...deliberator.store.axisWeights, semantic: 0.4, behavioral: 0.05 };
        deliberator.store.axisWeights = learned;
        const before = resolveFresh(agents[0]!, structuredClone(round));
        const offers: Offer[] = s.offer
          ? [{
            fromAgent: 'a1',
            give: { [s.offer.give]: s.offer.fraction },
            want: { [s.offer.want]: 0.2 },
            expiresIn: 2,
          }]
          : [];
        const options = { steps: s.steps, stepSize: s.stepSize, epsilon: s.epsilon, offers };
        const deliberated = structuredClone(round);
        const trajectory = s.trustFree
          ? deliberate(deliberated, options, { threshold: 0.6, embed: 'bow' })
          : deliberator.deliberate(deliberated, options);
        const after = resolveFresh(agents[0]!, deliberated);
        expect(commitOf(after)).toEqual(commitOf(before));
        expect(after.consensusType).toBe(trajectory.consensusType);
      }),
      25,
    );
  });
});

describe('resolve: diagnostics', () => {
  const mixed = (i: number): string => texts[i % 5]!;

  it('reports the carried trajectory and skips its own deliberation', () => {
    const { agents, round } = demoRound(7, { text: mixed });
    const trajectory = agents[2]!.deliberate(round, { steps: 2, epsilon: -1 });
    const outcome = agents[0]!.resolve(round);
    expect(outcome.deliberation).toEqual(round.trajectory);
    expect(outcome.deliberation!.steps).toBe(2);
    expect(outcome.consensusType).toBe(trajectory.consensusType);
    expect(outcome.consensusQuality).toEqual(trajectory.consensusQuality);
    expect(outcome.sycophancy).toEqual(sycophancyScore(trajectory.evidenceDelta));
  });

  it('otherwise reports its own trust-free deliberation, the same for every resolver', () => {
    const { agents, round } = demoRound(7, { text: mixed });
    agents[3]!.store.setTrust('a3', 'a1', 0.01);
    agents[3]!.store.threshold = 0.85;
    const [first, second] = [agents[0]!, agents[3]!].map((agent) => {
      const outcome = resolveFresh(agent, structuredClone(round));
      const { adaptiveThreshold: _t, adaptiveAxisWeights: _w, ...shared } = outcome;
      return shared;
    });
    expect(second).toEqual(first);
    const everyone = ['a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6'];
    expect(first!.deliberation).toMatchObject({ steps: 3, agents: everyone });
    expect(first!.consensusType).toBe(first!.deliberation!.consensusType);
    expect(Object.keys(first!.sycophancy!)).toHaveLength(7);
    expect(first!.conflict!.axisAgreement.semantic).toBeGreaterThan(0);
    expect(round.trajectory).toBeUndefined();
  });

  it('classifies five agents, three of neutral affect, as the reference does: fragile', () => {
    // The reference sums neighbourhoods plainly: exact zeros for the neutral agents. A
    // complement sum ("total minus the excluded") left a 1e-17 affective residue, which the
    // per-axis cosine read as a direction, and the port reported capitulated.
    const neutralThree = [
      'the change to the cost model', 'definitely strong and robust cost',
      'ship it, cost and latency', 'the change to the cost model', 'good great budget',
    ];
    const { agents, round } = demoRound(5, { text: (i) => neutralThree[i]! });
    expect(resolveFresh(agents[0]!, round).consensusType).toBe('fragile');
  });

  it('keeps tampered records out of the diagnostics', () => {
    const { agents, round } = demoRound(7, { text: mixed });
    round.evaluations.a4!.semantic[0] = 999;
    const outcome = agents[0]!.resolve(round);
    expect(outcome.tamperedAgents).toEqual(['a4']);
    expect(outcome.deliberation!.agents).not.toContain('a4');
    expect(outcome.sycophancy!.a4).toBeUndefined();
    expect(outcome.conflict!.persistentDissenters).not.toContain('a4');
  });

  it('gives an early abort no diagnostics but the consensus type', () => {
    const { agents, round } = demoRound(7);
    for (const aid of ['a4', 'a5', 'a6']) delete round.evaluations[aid];
    const outcome = agents[0]!.resolve(round);
    expect(outcome.reason).toMatch(/^partition/);
    expect(outcome.consensusType).toBe('unknown');
    expect(outcome.deliberation).toBeUndefined();
    expect(outcome.conflict).toBeUndefined();
  });

  it('reports no consensus type for a partition abort, though the round was deliberated', () => {
    // The reference returns from an early abort before any consensus type is set, so its
    // history records 'unknown' for the round, never the trajectory's type.
    const { agents, round } = demoRound(7, { text: mixed });
    for (const aid of ['a4', 'a5', 'a6']) delete round.evaluations[aid];
    const trajectory = agents[0]!.deliberate(round, { steps: 3 });
    expect(trajectory.consensusType).not.toBe('unknown');
    const outcome = agents[0]!.resolve(round);
    expect(outcome.reason).toMatch(/^partition/);
    expect(outcome.consensusType).toBe('unknown');
    expect(outcome.deliberation).toBeUndefined();
    expect(outcome.sycophancy).toBeUndefined();
    agents[0]!.commit(outcome);
    expect(agents[0]!.store.consensusTypeHistory).toEqual(['unknown']);
  });

  it('ignores a trajectory that does not read as one, and shares the memo safely', () => {
    const { agents, round } = demoRound(7, { text: mixed });
    const memo = new ResolveMemo();
    const own = agents[0]!.resolve(structuredClone(round), { memo });
    const garbled = structuredClone(round);
    (garbled as { trajectory?: unknown }).trajectory = { steps: 'many', consensusType: 'genuine' };
    expect(agents[1]!.resolve(garbled, { memo }).deliberation).toEqual(own.deliberation);
    const carried = structuredClone(round);
    agents[1]!.deliberate(carried, { steps: 1 });
    const withTrajectory = agents[2]!.resolve(carried, { memo });
    expect(withTrajectory.deliberation!.steps).toBe(1);
    expect(commitOf(withTrajectory)).toEqual(commitOf(own));
    const again = agents[3]!.resolve(structuredClone(round), { memo });
    expect(again.deliberation).toEqual(own.deliberation);
  });
});
