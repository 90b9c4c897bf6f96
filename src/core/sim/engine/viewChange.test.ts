import { describe, expect, it } from 'vitest';
import { runScenario } from '../runScenario';
import type { Scenario } from '../scenario';
import type { SimEvent } from './traceEvents';

/**
 * Regression tests for issue 10: scenarios that random search found breaking the reference
 * view change (a lock that binds only the winner, never re-proposed), each replayable with
 * `npm run --silent sim -- --scenario FILE`.
 */
const droppedCommitVotes: Scenario = {
  v: 1, seed: 732, protocol: 'resonance', n: 13, rounds: 2,
  network: { latency: [3, 8], drop: 0.11 }, faults: [{ kind: 'garble', agents: [10] }],
  opinions: { support: 0.85, certainty: [0.5, 0.95] }, resonance: { embed: 'stance' },
};
const healedPartition: Scenario = {
  v: 1, seed: 901, protocol: 'resonance', n: 4, rounds: 3,
  network: { latency: [3, 4], drop: 0, partitions: [{ groups: [[1, 2]], from: 29, healAt: 62 }] },
  faults: [], opinions: { support: 1, certainty: [0.5, 0.95] },
};

function verdicts(scenario: Scenario) {
  const { summary, trace } = runScenario(scenario);
  const failed = summary.invariants.filter((inv) => !inv.ok).map((inv) => `${inv.name}: ${inv.detail}`);
  return { summary, events: trace as SimEvent[], failed };
}

describe('the view change that carries locks', () => {
  it('keeps agreement when commit votes are lost (n = 13, one garbler, drop 0.11)', () => {
    const { summary, failed } = verdicts(droppedCommitVotes);
    expect(failed).toEqual([]);
    expect(summary.rounds.every((round) => round.status === 'committed')).toBe(true);
  });

  it('decides every round after a healed partition that ate the commit votes', () => {
    const { summary, failed, events } = verdicts(healedPartition);
    expect(failed).toEqual([]);
    expect(summary.rounds.map((round) => round.status)).toEqual(['committed', 'committed', 'committed']);
    expect(events.at(-1)).toMatchObject({ kind: 'runEnded', reason: 'completed' });
  });

  it('stalls the same partition under the reference rule, and says so in words', () => {
    const reference = { ...healedPartition, resonance: { unsafe: { viewChange: 'reference' as const } } };
    const { summary, failed, events } = verdicts(reference);
    expect(failed.map((line) => line.split(':')[0])).toEqual(['liveness-after-heal']);
    expect(summary.stalled).toEqual({ round: 2, detail: 'stalled in round 2: view changes exhausted' });
    expect(events.some((event) => event.kind === 'viewsExhausted')).toBe(true);
  });

  it('carries the lock in new-view messages and re-proposes it, certificate attached', () => {
    const { events } = verdicts(healedPartition);
    const locks = events.filter((event) => event.kind === 'locked' && event.roundNo === 2);
    const commits = events.filter((event) => event.kind === 'committed' && event.roundNo === 2);
    expect(locks.length).toBeGreaterThan(0);
    const lockedWinners = new Set(locks.map((event) => event.kind === 'locked' && event.winner));
    expect(commits.every((event) => event.kind === 'committed' && lockedWinners.has(event.winner))).toBe(true);
  });
});

describe('a forge leader', () => {
  const forge: Scenario = { v: 1, seed: 42, protocol: 'resonance', n: 7, rounds: 2, faults: [{ kind: 'forge', agents: [0] }] };

  it('is refused by replicas that check seals: its forged records do not verify', () => {
    const { failed, events, summary } = verdicts(forge);
    expect(failed).toEqual([]);
    expect(events.some((event) => event.kind === 'messageRejected' && /my resolve gives/.test(event.reason))).toBe(true);
    expect(summary.rounds.every((round) => round.status === 'committed' && round.winner !== null)).toBe(true);
  });

  it('commits a quorum nobody signed when the seal checks are off, and validity says so', () => {
    const { failed } = verdicts({ ...forge, resonance: { unsafe: { seal: 'off' } } });
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatch(/^validity: round 1: the committed quorum counts records their agents did not sign/);
  });
});

describe('a twin (two honest copies under one key)', () => {
  it('cannot break agreement with n−f quorums', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const twin: Scenario = { v: 1, seed, protocol: 'resonance', n: 5, rounds: 2, faults: [{ kind: 'twin', agents: [seed % 5] }] };
      const { failed, summary } = verdicts(twin);
      expect(failed, `seed ${seed}`).toEqual([]);
      expect(summary.rounds.every((round) => round.status !== 'aborted'), `seed ${seed}`).toBe(true);
    }
  });
});

describe('the liveness-after-heal monitor', () => {
  // Hunt seed 1951: n = 5 with a3 crashed, so exactly n−f agents are live, and 15% of all
  // messages lost at random: about 0.5% of views can succeed, and none did.
  const lossy: Scenario = {
    v: 1, seed: 1951, protocol: 'resonance', n: 5, rounds: 1,
    network: { latency: [7, 7], drop: 0.148, partitions: [{ groups: [[0, 1, 2, 3]], from: 0, healAt: 117 }] },
    faults: [{ kind: 'silent', agents: [3], from: 58 }],
    opinions: { support: 0.71, certainty: [0.49, 0.97] }, resonance: { embed: 'stance' },
  };

  it('does not judge a network that loses messages at random, and says so', () => {
    const { summary, failed } = verdicts(lossy);
    expect(failed).toEqual([]);
    const liveness = summary.invariants.find((inv) => inv.name === 'liveness-after-heal')!;
    expect(liveness.detail).toMatch(/^not judged: messages are lost at random \(drop 0\.148\)/);
  });

  it('judges the same scenario without random loss', () => {
    const { summary } = verdicts({ ...lossy, network: { ...lossy.network, drop: 0 } });
    const liveness = summary.invariants.find((inv) => inv.name === 'liveness-after-heal')!;
    expect(liveness.detail).not.toMatch(/not judged/);
  });
});
