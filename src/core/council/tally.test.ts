import { describe, expect, it } from 'vitest';
import { ConsensusProtocol, type ConsensusProtocolOptions } from './ConsensusProtocol';
import { quorumCount } from './tally';
import { Decision, ProposalStatus, type VoteValueT } from './types';

/** Proposes `action` and casts the given votes, in order. */
function voteOn(
  protocol: ConsensusProtocol,
  action: string,
  votes: Record<string, VoteValueT>,
): string {
  const id = protocol.propose(protocol.voterIds[0]!, action);
  for (const [voterId, value] of Object.entries(votes)) protocol.vote(id, voterId, value);
  return id;
}

function council(count: number, opts?: ConsensusProtocolOptions): ConsensusProtocol {
  return new ConsensusProtocol('abcdefghij'.slice(0, count).split(''), opts);
}

describe('tally', () => {
  it('approves 2 to 1 and rejects 1 to 2 by simple majority', () => {
    const protocol = council(3);
    const approved = protocol.tally(
      voteOn(protocol, 'quarantine', { a: 'approve', b: 'approve', c: 'reject' }),
    );
    const rejected = protocol.tally(
      voteOn(protocol, 'quarantine', { a: 'reject', b: 'reject', c: 'approve' }),
    );
    expect(approved).toMatchObject({
      decision: Decision.APPROVED,
      approved: true,
      approveCount: 2,
      rejectCount: 1,
    });
    expect(rejected).toMatchObject({ decision: Decision.REJECTED, approved: false });
  });

  it('reports no quorum when 2 of 4 vote under a 0.75 quorum', () => {
    const protocol = council(4, { config: { quorumFraction: 0.75 } });
    const result = protocol.tally(voteOn(protocol, 'quarantine', { a: 'approve', b: 'approve' }));
    expect(result).toMatchObject({
      decision: Decision.NO_QUORUM,
      quorumMet: false,
      quorumRequired: 3,
    });
  });

  it('does not count abstentions toward quorum', () => {
    const protocol = council(3);
    const votes = { a: 'approve', b: 'abstain', c: 'abstain' } as const;
    const result = protocol.tally(voteOn(protocol, 'quarantine', votes));
    expect(result).toMatchObject({
      decision: Decision.NO_QUORUM,
      abstainCount: 2,
      quorumRequired: 2,
    });
  });

  it('marks a no-quorum proposal decided, and refuses to execute it', () => {
    const protocol = council(3);
    const id = voteOn(protocol, 'quarantine', { a: 'approve' });
    protocol.tally(id);
    expect(protocol.getProposal(id)!.status).toBe(ProposalStatus.DECIDED);
    expect(protocol.execute(id)).toBe(false);
  });

  it('rejects a terminate approved by 3 of 5 (below the two-thirds supermajority)', () => {
    const protocol = council(5);
    const votes = { a: 'approve', b: 'approve', c: 'approve', d: 'reject', e: 'reject' } as const;
    const result = protocol.tally(voteOn(protocol, 'terminate', votes));
    expect(result).toMatchObject({
      decision: Decision.REJECTED,
      isCritical: true,
      thresholdUsed: 0.6667,
    });
  });

  it('approves a terminate approved by 4 of 5', () => {
    const protocol = council(5);
    const votes = { a: 'approve', b: 'approve', c: 'approve', d: 'approve', e: 'reject' } as const;
    expect(protocol.tally(voteOn(protocol, 'terminate', votes)).decision).toBe(Decision.APPROVED);
  });

  it('reports participation of 2 in 5 when one of three voters abstains', () => {
    const protocol = council(5);
    const votes = { a: 'approve', b: 'reject', c: 'abstain' } as const;
    const result = protocol.tally(voteOn(protocol, 'quarantine', votes));
    expect(result.participationRate).toBeCloseTo(2 / 5, 12);
  });

  it('lets a senior of weight 3 outvote two juniors of weight 1', () => {
    const protocol = new ConsensusProtocol(['senior', 'junior1', 'junior2'], {
      weights: { senior: 3, junior1: 1, junior2: 1 },
    });
    const id = protocol.propose('senior', 'quarantine');
    protocol.vote(id, 'senior', 'approve');
    protocol.vote(id, 'junior1', 'reject');
    protocol.vote(id, 'junior2', 'reject');
    expect(protocol.tally(id)).toMatchObject({
      decision: Decision.APPROVED,
      approveWeight: 3,
      rejectWeight: 2,
    });
  });

  it('lets juniors overrule a senior when the majority threshold is 0.7 (2 against 3)', () => {
    const protocol = new ConsensusProtocol(['senior', 'j1', 'j2', 'j3'], {
      weights: { senior: 2 },
      config: { majorityThreshold: 0.7 },
    });
    const id = protocol.propose('senior', 'quarantine');
    protocol.vote(id, 'senior', 'approve');
    for (const junior of ['j1', 'j2', 'j3']) protocol.vote(id, junior, 'reject');
    expect(protocol.tally(id)).toMatchObject({
      decision: Decision.REJECTED,
      approveWeight: 2,
      rejectWeight: 3,
    });
  });

  it('approves an exact 50/50 split at threshold 0.5, since the comparison is >=', () => {
    const protocol = council(4);
    const votes = { a: 'approve', b: 'approve', c: 'reject', d: 'reject' } as const;
    expect(protocol.tally(voteOn(protocol, 'quarantine', votes)).decision).toBe(Decision.APPROVED);
  });

  it('approves 4 of 6 at a threshold of exactly 2/3', () => {
    const protocol = council(6);
    const votes = {
      a: 'approve', b: 'approve', c: 'approve', d: 'approve', e: 'reject', f: 'reject',
    } as const;
    expect(protocol.tally(voteOn(protocol, 'escalate', votes)).decision).toBe(Decision.APPROVED);
  });

  it('reports weights and threshold rounded to 4 places, Python style', () => {
    const protocol = new ConsensusProtocol(['a', 'b'], { weights: { a: 1 / 3, b: 0.03125 } });
    const result = protocol.tally(voteOn(protocol, 'escalate', { a: 'approve', b: 'reject' }));
    expect(result).toMatchObject({
      approveWeight: 0.3333,
      rejectWeight: 0.0312,
      thresholdUsed: 0.6667,
    });
  });

  it('decides on the exact weights, not the rounded ones it reports', () => {
    const protocol = new ConsensusProtocol(['a', 'b'], {
      weights: { a: 0.89996, b: 0.10004 },
      config: { majorityThreshold: 0.9 },
    });
    const result = protocol.tally(voteOn(protocol, 'quarantine', { a: 'approve', b: 'reject' }));
    // Rounded, the split would be 0.9 to 0.1 and pass; exactly, 0.89996 < 0.9.
    expect(result).toMatchObject({
      decision: Decision.REJECTED,
      approveWeight: 0.9,
      rejectWeight: 0.1,
    });
  });

  it('returns the very same result object when a decided or executed proposal is tallied', () => {
    const protocol = council(3);
    const id = voteOn(protocol, 'quarantine', { a: 'approve', b: 'approve' });
    const first = protocol.tally(id);
    expect(protocol.tally(id)).toBe(first);
    expect(protocol.execute(id)).toBe(true);
    const entries = protocol.auditLog().length;
    expect(protocol.tally(id)).toBe(first);
    expect(protocol.auditLog()).toHaveLength(entries);
  });

  it('hands out frozen plain-data results that survive structuredClone and JSON', () => {
    const protocol = council(3);
    const result = protocol.tally(voteOn(protocol, 'quarantine', { a: 'approve', b: 'approve' }));
    expect(Object.isFrozen(result)).toBe(true);
    expect(structuredClone(result)).toEqual(result);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    expect(Object.keys(result).sort()).toEqual([
      'abstainCount', 'approveCount', 'approveWeight', 'approved', 'decision', 'hashChainValid',
      'isCritical', 'participationRate', 'proposalId', 'quorumMet', 'quorumRequired',
      'rejectCount', 'rejectWeight', 'thresholdUsed', 'totalVoters',
    ]);
  });

  it('reports whether the audit chain verified before the tally', () => {
    const protocol = council(3);
    const id = voteOn(protocol, 'quarantine', { a: 'approve', b: 'approve' });
    protocol.tamperAudit(1, { hash: 'forged' });
    expect(protocol.tally(id).hashChainValid).toBe(false);
  });

  it('throws for an unknown proposal', () => {
    expect(() => council(3).tally('nope')).toThrow('Unknown proposal: nope');
  });

  it('needs at least one vote for quorum, and ceil(n × fraction) in general', () => {
    expect(quorumCount(3, 0.5)).toBe(2);
    expect(quorumCount(4, 0.75)).toBe(3);
    expect(quorumCount(1, 0.01)).toBe(1);
    expect(quorumCount(7, 1)).toBe(7);
  });
});
