import { describe, expect, it } from 'vitest';
import { agentKeyPair } from '../crypto';
import { demoCluster, demoRound, demoTask, demoText } from './demoRound';
import { ResolveMemo } from './ResolveMemo';
import type { ResonanceAgent } from './ResonanceAgent';
import { sealRecord } from './seal';
import type { Outcome, Round, UnsafeSwitches } from './types';

/**
 * The teaching switches of SPEC §4: each removes exactly one safety rule, and with none set
 * `resolve` is the safe protocol.
 */

const resolveWith = (agent: ResonanceAgent, round: Round, unsafe?: UnsafeSwitches): Outcome =>
  agent.resolve(structuredClone(round), { memo: new ResolveMemo(), ...(unsafe ? { unsafe } : {}) });

/** Replaces the records of `aids` with validly sealed ones whose vectors are extreme. */
function withBiased(round: Round, aids: readonly string[], skew: number): Round {
  const copy = structuredClone(round);
  for (const aid of aids) {
    const base = copy.evaluations[aid]!;
    copy.evaluations[aid] = sealRecord(
      {
        ...base,
        relational: base.relationalSealed,
        epistemic: [skew, 0.05],
        affective: [-skew, 0.05],
      },
      agentKeyPair(42, aid),
      copy.id,
    );
  }
  return copy;
}

describe('unsafe switches', () => {
  it('are all off by default, and `lock` is a replica rule resolve ignores', () => {
    const { agents, round } = demoRound(7);
    const safe = resolveWith(agents[0]!, round);
    expect(resolveWith(agents[0]!, round, {})).toEqual(safe);
    expect(resolveWith(agents[0]!, round, { lock: 'off' })).toEqual(safe);
  });

  it("quorum: '2f+1' commits with 2f+1 where n − f was needed, and changes no score", () => {
    // n = 12: f = 3, n − f = 9, 2f + 1 = 7. Eight agents agree, four dissent.
    const dissent = 'reject: the change is risky, flawed and inadequate; perhaps maybe unclear';
    const { agents, round } = demoRound(12, { text: (i) => (i < 8 ? demoText(i) : dissent) });
    const safe = resolveWith(agents[0]!, round);
    const unsafe = resolveWith(agents[0]!, round, { quorum: '2f+1' });
    expect(safe).toMatchObject({ status: 'aborted', quorumSize: 8, quorumNeeded: 9 });
    expect(unsafe).toMatchObject({ status: 'committed', quorumSize: 8, quorumNeeded: 7, f: 3 });
    expect(unsafe.perAxis).toEqual(safe.perAxis);
  });

  it("centroid: 'mean' lets valid extremes drag the centroid that the trimmed mean holds", () => {
    const { agents, round } = demoRound(7);
    const honest = (outcome: Outcome): unknown =>
      ['a0', 'a1', 'a2', 'a3', 'a4'].map((aid) => outcome.perAxis[aid]);
    const biased = (skew: number): Round => withBiased(round, ['a5', 'a6'], skew);
    const safe = [5, 500].map((skew) => resolveWith(agents[0]!, biased(skew)));
    expect(honest(safe[0]!)).toEqual(honest(safe[1]!));
    const mean = { centroid: 'mean' } as const;
    const unsafe = [5, 500].map((skew) => resolveWith(agents[0]!, biased(skew), mean));
    expect(honest(unsafe[0]!)).not.toEqual(honest(unsafe[1]!));
    expect(unsafe[0]).toMatchObject({ n: 7, quorumNeeded: 5, tamperedAgents: [] });
  });

  it("trim: 'arrived' trims by ⌊(k−1)/3⌋ of the records present, not by f", () => {
    const agents = demoCluster(7);
    const round = agents[0]!.propose(demoTask, { roster: agents.map((agent) => agent.id) });
    for (const index of [0, 1, 2, 5, 6]) agents[index]!.participate(round, demoText(index));
    const biased = withBiased(round, ['a5', 'a6'], 50);
    const safe = resolveWith(agents[0]!, biased);
    const unsafe = resolveWith(agents[0]!, biased, { trim: 'arrived' });
    expect(unsafe.perAxis.a0).not.toEqual(safe.perAxis.a0);
    expect(unsafe).toMatchObject({ n: safe.n, quorumNeeded: safe.quorumNeeded });
    expect(unsafe.tamperedAgents).toEqual([]);
  });

  it("seal: 'off' accepts an edited record but still rejects a malformed one", () => {
    const { agents, round } = demoRound(7);
    round.evaluations.a3!.semantic = round.evaluations.a3!.semantic.map((x) => -x);
    round.evaluations.a4!.affective = [Number.NaN, 0];
    expect(resolveWith(agents[0]!, round).tamperedAgents).toEqual(['a3', 'a4']);
    expect(resolveWith(agents[0]!, round, { seal: 'off' }).tamperedAgents).toEqual(['a4']);
  });

  it("membership: 'present' lets a partitioned minority commit on its own", () => {
    const agents = demoCluster(7);
    const round = agents[0]!.propose(demoTask, { roster: agents.map((agent) => agent.id) });
    for (const index of [0, 1, 2, 3]) agents[index]!.participate(round, demoText(index));
    const safe = resolveWith(agents[0]!, round);
    expect(safe).toMatchObject({ status: 'aborted', n: 7, quorumNeeded: 5 });
    expect(resolveWith(agents[0]!, round, { membership: 'present' })).toMatchObject({
      status: 'committed',
      n: 4,
      f: 1,
      quorumNeeded: 3,
    });
  });
});
