import { describe, expect, it } from 'vitest';
import { demoRound } from './demoRound';
import type { Outcome } from './types';
import { noConflictingCommits, noForgedQuorum } from './validators';

function committed(quorum: string[], outliers: string[], winner: string, roundId = 'r1'): Outcome {
  const n = quorum.length + outliers.length;
  const f = Math.floor((n - 1) / 3);
  return {
    roundId, status: 'committed', n, f, quorumSize: quorum.length, quorumNeeded: n - f,
    quorumAgents: quorum, outlierAgents: outliers, tamperedAgents: [], tamperedExceedsF: false,
    winner, perAxis: {},
    axisContributors: { semantic: [], affective: [], relational: [], epistemic: [], behavioral: [] },
    threshold: 0.6, viewNumber: 0, consensusType: 'unknown',
  };
}

describe('noConflictingCommits', () => {
  it('accepts the commits of honest resolvers', () => {
    const { agents, round } = demoRound(7);
    const outcomes = agents.map((agent) => agent.resolve(structuredClone(round)));
    const verdict = noConflictingCommits(outcomes);
    expect(verdict).toMatchObject({ name: 'no_conflicting_commits', ok: true });
  });

  it('accepts overlapping quorums that classify every shared agent alike', () => {
    const a = committed(['a0', 'a1', 'a2', 'a3', 'a4'], [], 'a1');
    const b = committed(['a1', 'a2', 'a3', 'a4', 'a5'], [], 'a5');
    expect(noConflictingCommits([a, b]).ok).toBe(true);
  });

  it('flags an agent in one quorum and out of the other', () => {
    const a = committed(['a0', 'a1', 'a2', 'a3', 'a4'], ['a5'], 'a1');
    const b = committed(['a1', 'a2', 'a3', 'a4', 'a5'], ['a0'], 'a1');
    const verdict = noConflictingCommits([a, b]);
    expect(verdict.ok).toBe(false);
    expect(verdict.detail).toContain('agents a0, a5 are present in both commits');
  });

  it('flags one quorum naming two winners, and ignores other rounds and aborts', () => {
    const five = ['a0', 'a1', 'a2', 'a3', 'a4'];
    const a = committed(five, [], 'a1');
    expect(noConflictingCommits([a, committed(five, [], 'a2')]).ok).toBe(false);
    expect(noConflictingCommits([a, committed(five, [], 'a2', 'r2')]).ok).toBe(true);
    const aborted = { ...committed(['a0'], ['a1', 'a2', 'a3'], 'a0'), status: 'aborted' as const };
    expect(noConflictingCommits([a, aborted]).ok).toBe(true);
  });
});

describe('noForgedQuorum', () => {
  it('accepts real n − f commits', () => {
    const { agents, round } = demoRound(7);
    const verdict = noForgedQuorum([agents[0]!.resolve(round)]);
    expect(verdict).toMatchObject({ name: 'no_forged_quorum', ok: true });
  });

  it('flags a commit below n − f', () => {
    const short = committed(['a0', 'a1', 'a2', 'a3'], ['a4', 'a5', 'a6'], 'a0');
    const forged = { ...short, quorumNeeded: 4 };
    expect(noForgedQuorum([forged]).detail).toContain('claimed quorum 4/4 != recomputed 4/5');
    expect(noForgedQuorum([short]).detail).toContain('committed with 4/5 (forged quorum)');
  });

  it('flags an under-reported membership and a quorum padded with duplicates', () => {
    const honest = committed(['a0', 'a1', 'a2', 'a3'], ['a4', 'a5', 'a6'], 'a0');
    const shrunk = { ...honest, n: 5, f: 1, quorumNeeded: 4 };
    expect(noForgedQuorum([shrunk]).detail).toContain('under-reported n');
    const padded = committed(['a0', 'a1', 'a2', 'a3', 'a3'], ['a4', 'a5'], 'a0');
    expect(noForgedQuorum([{ ...padded, n: 7, f: 2, quorumNeeded: 5 }]).ok).toBe(false);
  });
});
