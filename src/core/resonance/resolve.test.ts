import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agentKeyPair } from '../crypto';
import { demoCluster, demoRound, demoTask, demoText } from './demoRound';
import { ResolveMemo } from './ResolveMemo';
import { applyResolution, resolveRound } from './resolve';
import type { ResonanceAgent } from './ResonanceAgent';
import { sealRecord } from './seal';
import type { Round, SealedRecord } from './types';
import { checkProperty } from '../../testing/checkProperty';

/** Runs a fast-check property with a printed seed: FC_SEED=<seed> replays a failure. */

const opposed = 'reject: the budget change is risky, flawed and inadequate; perhaps maybe unclear';
const offTopic = 'lunch menu: pizza salad soup and dessert';

/** A round of n agents where only the agents at `present` participate. */
function partialRound(
  n: number,
  present: readonly number[],
): { round: Round; resolver: ResonanceAgent } {
  const agents = demoCluster(n);
  const round = agents[0]!.propose(demoTask, { roster: agents.map((agent) => agent.id) });
  for (const index of present) agents[index]!.participate(round, demoText(index));
  return { round, resolver: agents[0]! };
}

/** A valid record for `aid`, sealed and signed with its own key, with the given vectors. */
function craftedRecord(
  round: Round,
  aid: string,
  edit: (record: SealedRecord) => void,
): SealedRecord {
  const base = structuredClone(round.evaluations[aid]!);
  edit(base);
  const fields = { ...base, relational: base.relationalSealed };
  return sealRecord(fields, agentKeyPair(42, aid), round.id);
}

describe('resolve: quorum and faults', () => {
  it('commits an all-honest round with the whole cluster in the quorum', () => {
    const { agents, round } = demoRound(7);
    const outcome = agents[3]!.resolve(round);
    expect(outcome).toMatchObject({ status: 'committed', n: 7, f: 2, quorumNeeded: 5 });
    expect(outcome.quorumSize).toBe(7);
    expect(outcome.quorumAgents).toEqual(['a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6']);
    expect(outcome.tamperedAgents).toEqual([]);
    expect(outcome.winner).toMatch(/^a\d$/);
    expect(outcome.viewNumber).toBe(0);
    expect(round.view).toBe(0);
  });

  it('commits exactly when the quorum reaches n − f, with f = ⌊(n−1)/3⌋ (property)', () => {
    const texts = [demoText(0), demoText(1), opposed, offTopic];
    const scenario = fc.integer({ min: 4, max: 10 }).chain((n) =>
      fc.record({
        n: fc.constant(n),
        choices: fc.array(fc.nat(texts.length - 1), { minLength: n, maxLength: n }),
        silent: fc.nat(n),
      }),
    );
    checkProperty(
      fc.property(scenario, ({ n, choices, silent }) => {
        const { agents, round } = demoRound(n, { text: (i) => texts[choices[i]!]! });
        for (let i = 0; i < silent; i++) delete round.evaluations[`a${n - 1 - i}`];
        const outcome = agents[0]!.resolve(round);
        const f = Math.floor((n - 1) / 3);
        expect(outcome.f).toBe(f);
        expect(outcome.quorumNeeded).toBe(n - f);
        expect(outcome.status === 'committed').toBe(outcome.quorumSize >= n - f);
        expect(outcome.quorumSize).toBe(outcome.quorumAgents.length);
        if (outcome.status === 'aborted') expect(outcome.winner).toBeUndefined();
      }),
      25,
    );
  });

  it('decides the same with decisionOnly, leaving out only the diagnostics (property)', () => {
    const texts = [demoText(0), demoText(1), opposed, offTopic];
    const scenario = fc.integer({ min: 4, max: 10 }).chain((n) =>
      fc.record({ n: fc.constant(n), choices: fc.array(fc.nat(texts.length - 1), { minLength: n, maxLength: n }) }),
    );
    checkProperty(
      fc.property(scenario, ({ n, choices }) => {
        const { agents, round } = demoRound(n, { text: (i) => texts[choices[i]!]! });
        const config = agents[0]!.resolveConfig();
        const full = resolveRound(round, config).outcome;
        const decision = resolveRound(round, config, { decisionOnly: true }).outcome;
        const decided = ({ status, quorumAgents, winner, reason, viewNumber }: typeof full) =>
          ({ status, quorumAgents, winner, reason, viewNumber });
        expect(decided(decision)).toEqual(decided(full));
        expect(full.deliberation).toBeDefined();
        expect(decision.deliberation).toBeUndefined();
        expect(decision.consensusType).toBe('unknown');
      }),
      25,
    );
  });

  it('still commits with 2 of 7 records tampered, excluding them', () => {
    const { agents, round } = demoRound(7);
    round.evaluations.a1!.semantic = round.evaluations.a1!.semantic.map((x) => x + 999);
    round.evaluations.a5!.epistemic = [0.1, 0.9];
    const outcome = agents[0]!.resolve(round);
    expect(outcome).toMatchObject({ status: 'committed', quorumSize: 5, quorumNeeded: 5 });
    expect(outcome.tamperedAgents).toEqual(['a1', 'a5']);
    expect(outcome.outlierAgents).toEqual(['a1', 'a5']);
    expect(outcome.tamperedExceedsF).toBe(false);
  });

  it('aborts when the configured cluster is smaller than 4', () => {
    const { agents, round } = demoRound(3);
    const outcome = agents[0]!.resolve(round);
    expect(outcome.status).toBe('aborted');
    expect(outcome.reason).toMatch(/^insufficient_participants: n=3 < 4/);
    expect(outcome.quorumAgents).toEqual([]);
    expect(outcome.perAxis).toEqual({});
  });

  it('aborts a round without evaluations', () => {
    const [agent] = demoCluster(4);
    const round = agent!.propose(demoTask);
    const outcome = agent!.resolve(round);
    expect(outcome).toMatchObject({ status: 'aborted', reason: 'no_evaluations', n: 4 });
  });

  it('aborts when too few records reach the threshold, logging the abort in the round', () => {
    const { agents, round } = demoRound(7, { text: (i) => (i < 3 ? opposed : demoText(i)) });
    const outcome = agents[0]!.resolve(round);
    expect(outcome.status).toBe('aborted');
    expect(outcome.quorumSize).toBeLessThan(5);
    expect(outcome.reason).toMatch(/^no_quorum: /);
    expect(round.aborts).toEqual([{ view: 0, quorumSize: outcome.quorumSize, quorumNeeded: 5 }]);
  });

  it('never commits above a threshold of 1', () => {
    const agents = demoCluster(4, { threshold: 1.5 });
    const round = agents[0]!.propose(demoTask, { roster: agents.map((agent) => agent.id) });
    for (const agent of agents) agent.participate(round, demoText(0));
    expect(agents[0]!.resolve(round).status).toBe('aborted');
  });
});

describe('resolve: partitions and membership', () => {
  it.each([
    [4, [0, 1, 2, 3]],
    [3, [4, 5, 6]],
  ])('aborts when only %i of 7 agents take part, with n = 7 and quorum 5', (_, present) => {
    const { round, resolver } = partialRound(7, present);
    const outcome = resolver.resolve(round);
    expect(outcome).toMatchObject({ status: 'aborted', n: 7, quorumNeeded: 5, quorumSize: 0 });
    const reason = `partition: only ${present.length}/7 participated, below quorum_needed=5`;
    expect(outcome.reason).toBe(reason);
    expect(outcome.quorumAgents).toEqual([]);
  });

  it('moves the view on after every abort', () => {
    const { round, resolver } = partialRound(7, [0, 1, 2, 3]);
    expect(resolver.resolve(round).viewNumber).toBe(1);
    expect(round.view).toBe(1);
    expect(resolver.resolve(round).viewNumber).toBe(2);
    expect(round.view).toBe(2);
  });

  it('commits at 5 of 7 when two agents are silent', () => {
    const { round, resolver } = partialRound(7, [0, 1, 2, 3, 4]);
    const outcome = resolver.resolve(round);
    expect(outcome).toMatchObject({ status: 'committed', quorumSize: 5, quorumNeeded: 5 });
  });

  it('cannot have its membership lowered by round metadata', () => {
    const { round, resolver } = partialRound(7, [0, 1, 2, 3]);
    round.expectedN = 4;
    round.roster = [];
    const outcome = resolver.resolve(round);
    expect(outcome).toMatchObject({ status: 'aborted', n: 7, quorumNeeded: 5 });
  });

  it('lets metadata raise the membership', () => {
    const { agents, round } = demoRound(7);
    round.expectedN = 10;
    const outcome = agents[0]!.resolve(round);
    expect(outcome).toMatchObject({ n: 10, f: 3, quorumNeeded: 7, status: 'committed' });
  });
});

describe('resolve: tampered records', () => {
  it('keeps tampered records out of the centroid, whatever values they hold', () => {
    const { agents, round } = demoRound(7);
    const honestScores = (fill: number): unknown => {
      const copy = structuredClone(round);
      const record = copy.evaluations.a4!;
      record.semantic = record.semantic.map(() => fill);
      record.affective = [fill, -fill];
      record.epistemic = [fill, fill];
      const outcome = agents[0]!.resolve(copy);
      expect(outcome.tamperedAgents).toEqual(['a4']);
      const { a4: _, ...others } = outcome.perAxis;
      return others;
    };
    expect(honestScores(99)).toEqual(honestScores(-50));
  });

  it('trims by the configured f at the quorum floor, so valid extremes cannot drag it', () => {
    // n = 7 (f = 2), only 5 present; a5 and a6 are Byzantine but validly sealed and signed.
    const { round, resolver } = partialRound(7, [0, 1, 2, 5, 6]);
    const honestScores = (skew: number, unsafe = {}): unknown => {
      const copy = structuredClone(round);
      for (const aid of ['a5', 'a6']) {
        copy.evaluations[aid] = craftedRecord(copy, aid, (record) => {
          record.epistemic = [skew, 0.05];
          record.affective = [-skew, 0.05];
        });
      }
      const outcome = resolver.resolve(copy, { unsafe });
      expect(outcome.tamperedAgents).toEqual([]);
      return ['a0', 'a1', 'a2'].map((aid) => outcome.perAxis[aid]);
    };
    expect(honestScores(5)).toEqual(honestScores(500));
    // Trimming by ⌊(k−1)/3⌋ = 1 of the 5 arrived records leaves one extreme in the mean.
    const underTrimmed = { trim: 'arrived' } as const;
    expect(honestScores(5, underTrimmed)).not.toEqual(honestScores(500, underTrimmed));
  });

  it('scores a malformed record −1 on every axis and never crashes', () => {
    const { agents, round } = demoRound(7);
    (round.evaluations as Record<string, unknown>).a2 = 'not a record';
    const outcome = agents[0]!.resolve(round);
    expect(outcome.perAxis.a2).toEqual({
      semantic: -1, affective: -1, relational: -1, epistemic: -1, behavioral: -1, pentadic: -1,
    });
    expect(outcome.status).toBe('committed');
    expect(JSON.parse(JSON.stringify(outcome))).toEqual(outcome);
  });
});

describe('resolve: determinism', () => {
  it('breaks score ties by agent id, whatever order the records arrived in', () => {
    const { agents, round } = demoRound(7, { text: () => demoText(0), roster: true });
    const reversed: Round = { ...round, evaluations: {} };
    for (const aid of Object.keys(round.evaluations).reverse()) {
      reversed.evaluations[aid] = round.evaluations[aid]!;
    }
    // Fresh memos, so the second answer is computed, not remembered.
    const forward = agents[0]!.resolve(structuredClone(round), { memo: new ResolveMemo() });
    const backward = agents[0]!.resolve(reversed, { memo: new ResolveMemo() });
    expect(backward).toEqual(forward);
    // a1 … a6 tie (a0, the proposer, has a different behavioural vector); the largest id wins.
    expect(forward.winner).toBe('a6');
  });

  it('reports the consensus type deliberation left in the round, else its own', () => {
    const { agents, round } = demoRound(7);
    const own = agents[0]!.resolve(structuredClone(round));
    expect(own.consensusType).not.toBe('unknown');
    expect(own.deliberation).toMatchObject({ steps: 3, consensusType: own.consensusType });
    round.trajectory = {
      steps: 3,
      velocities: [],
      axisDeltas: { semantic: [], affective: [], relational: [], epistemic: [], behavioral: [] },
      concessionSymmetry: 1, consensusType: 'genuine', depth: 0.3, evidenceDelta: {},
      consensusQuality: { independenceRate: 1, capitulationRate: 0, disagreementCollapse: 0 },
    };
    expect(agents[0]!.resolve(round).consensusType).toBe('genuine');
  });

  it('answers an identical evaluation set from the memo, with the same outcome', () => {
    const { agents, round } = demoRound(7);
    const memo = new ResolveMemo();
    const first = agents[1]!.resolve(structuredClone(round), { memo });
    const second = agents[2]!.resolve(structuredClone(round), { memo });
    expect(second).toEqual(first);
    expect(memo.outcomeHits).toBe(1);
    expect(memo.verify.size).toBe(7);
    expect(memo.verify.hits).toBe(7);
  });

  it('recomputes when a record changes in place, unless records are declared immutable', () => {
    const { agents, round } = demoRound(7);
    const memo = new ResolveMemo();
    expect(agents[0]!.resolve(round, { memo }).tamperedAgents).toEqual([]);
    round.evaluations.a3!.semantic[0] = 5;
    expect(agents[0]!.resolve(round, { memo }).tamperedAgents).toEqual(['a3']);

    const frozen = demoRound(7);
    const immutable = new ResolveMemo({ immutableRecords: true });
    frozen.agents[0]!.resolve(frozen.round, { memo: immutable });
    expect(() => {
      frozen.round.evaluations.a3!.semantic[0] = 5;
    }).toThrow(TypeError);
  });
});

describe('resolveRound mutates nothing', () => {
  function deepFreeze<T>(value: T): T {
    if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
      Object.freeze(value);
      for (const item of Object.values(value)) deepFreeze(item);
    }
    return value;
  }

  it('resolves a frozen round, returning the abort\'s view change for applyResolution', () => {
    const { round, resolver } = partialRound(7, [0, 1, 2]);
    const frozen = deepFreeze(structuredClone(round));
    const resolution = resolveRound(frozen, resolver.resolveConfig());
    expect(resolution.outcome.status).toBe('aborted');
    expect(resolution.roundChange?.view).toBe(round.view + 1);
    applyResolution(round, resolution);
    expect(round.view).toBe(resolution.roundChange!.view);
  });

  it('gives the agent\'s resolve the same outcome, which applies the reference\'s view change', () => {
    const { round, resolver } = partialRound(7, [0, 1, 2, 3, 4, 5, 6]);
    const pure = resolveRound(deepFreeze(structuredClone(round)), resolver.resolveConfig()).outcome;
    expect(resolver.resolve(round).status).toBe(pure.status);
    expect(resolver.resolve(round).winner).toBe(pure.winner);
  });
});
