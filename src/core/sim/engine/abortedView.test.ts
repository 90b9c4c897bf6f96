import { describe, expect, it } from 'vitest';
import { runScenario } from '../runScenario';
import type { Scenario } from '../scenario';
import type { SimEvent } from './traceEvents';

describe('a round whose records do not reach the threshold', () => {
  // With a0 and a1 crashed, the five live agents' round-1 texts leave only 4 above the
  // threshold: the leader holds n−f records but cannot commit. Before issue 10 the views ran
  // out and the run stalled; now the round is decided as "no agreement" and the next starts.
  const scenario: Scenario = {
    v: 1, seed: 42, protocol: 'resonance', n: 7, rounds: 2,
    faults: [{ kind: 'silent', agents: [0, 1] }],
  };
  const { trace, summary } = runScenario(scenario);
  const events = trace as SimEvent[];

  it('reports the aborted resolution with how many reached the threshold', () => {
    const aborted = events.filter((e) => e.kind === 'roundResolved' && e.status === 'aborted');
    expect(aborted.length).toBeGreaterThan(0);
    for (const event of aborted) {
      if (event.kind !== 'roundResolved') continue;
      expect(event.quorumSize).toBeLessThan(event.quorumNeeded);
      expect(event.reason).toMatch(/^no_quorum/);
    }
  });

  it('decides the round as "no agreement", certified by n−f commit votes, and goes on', () => {
    const decided = events.filter((e) => e.kind === 'decidedNoAgreement');
    expect(decided.length).toBeGreaterThanOrEqual(5);
    for (const event of decided) {
      if (event.kind !== 'decidedNoAgreement') continue;
      expect(event.commitVoters.length).toBeGreaterThanOrEqual(5);
      expect(event.evidenceAgents.length).toBeGreaterThanOrEqual(5);
    }
    expect(summary.rounds.every((round) => round.status !== 'aborted')).toBe(true);
    expect(summary.rounds.some((round) => round.status === 'no-agreement')).toBe(true);
    expect(summary.invariants.every((invariant) => invariant.ok)).toBe(true);
    expect(events.at(-1)).toMatchObject({ kind: 'runEnded', reason: 'completed' });
  });

  it('never reports a view that committed as aborted', () => {
    const happy: Scenario = { v: 1, seed: 42, protocol: 'resonance', n: 7, rounds: 2 };
    const all = runScenario(happy).trace as SimEvent[];
    expect(all.some((e) => e.kind === 'roundResolved' && e.status === 'aborted')).toBe(false);
  });
});
