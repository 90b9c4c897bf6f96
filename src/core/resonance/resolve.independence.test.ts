import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AXES } from './axes';
import { demoCluster, demoRound, demoTask, demoText } from './demoRound';
import { ResolveMemo } from './ResolveMemo';
import type { ResonanceAgent } from './ResonanceAgent';
import type { Outcome, Round } from './types';
import { checkProperty } from '../../testing/checkProperty';

/**
 * Resolver independence (reference §2.8): nothing resolver-local, no trust, reputation, learned
 * threshold or weights, may enter the commit, so two resolvers with different histories
 * compute identical outcomes for the same sealed round.
 */


/** Gives `agent` a long, skewed private history: trust, reputation and adaptive parameters. */
function divergeHistory(agent: ResonanceAgent, peers: readonly string[], bias: number): void {
  for (let i = 0; i < 12; i++) {
    const favoured = peers[(i + bias) % peers.length]!;
    const shunned = peers[(i + bias + 1) % peers.length]!;
    agent.commit(outcomeNaming([favoured], [shunned]));
  }
  peers.forEach((peer, i) => agent.store.setTrust(agent.id, peer, 0.05 + ((i * 7 + bias) % 9) / 3));
  agent.store.threshold = 0.85;
  agent.store.baseEpsilon = 0.4;
  const weights = { semantic: 0.6, affective: 0.1, relational: 0.1, epistemic: 0.1, behavioral: 0.1 };
  agent.store.axisWeights = weights;
}

function outcomeNaming(quorum: string[], outliers: string[]): Outcome {
  return {
    roundId: 'past', status: 'committed', n: 7, f: 2, quorumSize: quorum.length, quorumNeeded: 5,
    quorumAgents: quorum, outlierAgents: outliers, tamperedAgents: outliers,
    tamperedExceedsF: false, perAxis: {},
    axisContributors: { semantic: [], affective: [], relational: [], epistemic: [], behavioral: [] },
    threshold: 0.6, viewNumber: 0, consensusType: 'unknown',
  };
}

/**
 * The outcome without the resolver's own learned threshold and weights, which the agent
 * reports beside the commit as its local state (they differ by design; nothing reads them).
 */
const resolveFresh = (agent: ResonanceAgent, round: Round): Outcome => {
  const { adaptiveThreshold, adaptiveAxisWeights, ...shared } = agent.resolve(
    structuredClone(round),
    { memo: new ResolveMemo() },
  );
  expect(adaptiveThreshold).toBe(agent.store.threshold);
  expect(adaptiveAxisWeights).toEqual(agent.store.axisWeights);
  return shared;
};

describe('resolver independence', () => {
  it('gives one outcome to resolvers with divergent trust, reputation and adaptive state', () => {
    const text = (i: number): string => (i === 2 ? 'reject it, risky' : demoText(i));
    const { agents, round } = demoRound(7, { text });
    const ids = agents.map((agent) => agent.id);
    divergeHistory(agents[1]!, ids, 0);
    divergeHistory(agents[4]!, ids, 3);
    expect(agents[1]!.store.trust('a1', 'a2')).not.toBe(agents[4]!.store.trust('a4', 'a2'));
    expect(agents[1]!.store.reputation('a3')).not.toBe(agents[4]!.store.reputation('a3'));
    const reference = resolveFresh(agents[0]!, round);
    expect(resolveFresh(agents[1]!, round)).toEqual(reference);
    expect(resolveFresh(agents[4]!, round)).toEqual(reference);
  });

  it('does not depend on the order agents took part in, without a roster', () => {
    const agentsA = demoCluster(7);
    const agentsB = demoCluster(7);
    const roundA = agentsA[0]!.propose(demoTask);
    const roundB = structuredClone(roundA);
    const extra = ['audit', 'quota', 'canary'];
    const text = (i: number): string => `${demoText(i)} ${extra[i % 3]} plan`;
    agentsA.forEach((agent, i) => agent.participate(roundA, text(i)));
    for (let i = agentsB.length - 1; i >= 0; i--) agentsB[i]!.participate(roundB, text(i));
    expect(roundA.vocab).not.toEqual(roundB.vocab);
    const outcomeA = resolveFresh(agentsA[0]!, roundA);
    expect(outcomeA.status).toBe('committed');
    expect(resolveFresh(agentsB[6]!, roundB)).toEqual(outcomeA);
  });

  it('holds over random rounds, histories and tampering (property)', () => {
    const texts = [
      demoText(0), demoText(1), demoText(2), 'reject: risky and flawed', 'maybe, perhaps unclear cost',
    ];
    const scenario = fc.integer({ min: 4, max: 8 }).chain((n) =>
      fc.record({
        n: fc.constant(n),
        choices: fc.array(fc.nat(texts.length - 1), { minLength: n, maxLength: n }),
        roster: fc.boolean(),
        tampered: fc.subarray(Array.from({ length: n }, (_, i) => `a${i}`), { maxLength: 2 }),
        biasA: fc.nat(10),
        biasB: fc.nat(10),
      }),
    );
    checkProperty(
      fc.property(scenario, ({ n, choices, roster, tampered, biasA, biasB }) => {
        const { agents, round } = demoRound(n, { text: (i) => texts[choices[i]!]!, roster });
        for (const aid of tampered) round.evaluations[aid]!.behavioral = [0, 1];
        const ids = agents.map((agent) => agent.id);
        const [resolverA, resolverB] = [agents[n - 1]!, agents[n - 2]!];
        divergeHistory(resolverA, ids, biasA);
        divergeHistory(resolverB, ids, biasB);
        const outcome = resolveFresh(resolverA, round);
        expect(resolveFresh(resolverB, round)).toEqual(outcome);
        expect(outcome.tamperedAgents).toEqual([...tampered].sort());
        for (const axis of AXES) {
          for (const aid of outcome.axisContributors[axis]) {
            expect(outcome.quorumAgents).toContain(aid);
          }
        }
      }),
      20,
    );
  });
});
