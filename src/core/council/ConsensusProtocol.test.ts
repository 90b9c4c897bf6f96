import { describe, expect, it } from 'vitest';
import { ConsensusProtocol } from './ConsensusProtocol';
import { Decision, ProposalStatus } from './types';

const three = () => new ConsensusProtocol(['a', 'b', 'c']);

/** A protocol whose clock the test moves by hand. */
function withClock(voterIds: string[], config = {}) {
  const clock = { now: 0 };
  const protocol = new ConsensusProtocol(voterIds, { config, clock: () => clock.now });
  return { protocol, clock };
}

describe('ConsensusProtocol construction', () => {
  it('registers its voters and hands out a fresh copy of their ids each time', () => {
    const protocol = three();
    expect(protocol.voterCount).toBe(3);
    expect(protocol.voterIds).toEqual(['a', 'b', 'c']);
    protocol.voterIds.push('mallory');
    expect(protocol.voterIds).toEqual(['a', 'b', 'c']);
    expect(protocol.voterIds).not.toBe(protocol.voterIds);
  });

  it('needs at least one voter and refuses duplicate ids', () => {
    expect(() => new ConsensusProtocol([])).toThrow('At least one voter required');
    expect(() => new ConsensusProtocol(['a', 'a', 'b'])).toThrow('Duplicate voter IDs');
  });

  it('refuses a zero, negative, NaN or infinite weight, naming the voter', () => {
    const weighted = (a: number) => () => new ConsensusProtocol(['a', 'b'], { weights: { a } });
    expect(weighted(0)).toThrow("Weight for 'a' must be positive");
    expect(weighted(-1)).toThrow('must be positive');
    expect(weighted(Number.NaN)).toThrow('must be positive');
    expect(weighted(Number.POSITIVE_INFINITY)).toThrow("Weight for 'a' must be finite");
  });

  it('ignores weights for ids that are not voters, and inherited keys', () => {
    const weights = { stranger: -5 };
    expect(() => new ConsensusProtocol(['toString', 'a'], { weights })).not.toThrow();
  });

  it.each([
    [1, 0, 1],
    [3, 0, 1],
    [4, 1, 3],
    [5, 1, 3],
    [7, 2, 5],
  ])('with %i voters tolerates f = %i Byzantine faults and needs a BFT quorum of %i', (n, f, q) => {
    const protocol = new ConsensusProtocol(Array.from({ length: n }, (_, index) => `v${index}`));
    expect(protocol.maxByzantineFaults).toBe(f);
    expect(protocol.bftQuorum).toBe(q);
  });

  it('validates its config with the reference messages', () => {
    const create = () => new ConsensusProtocol(['a'], { config: { quorumFraction: 1.5 } });
    expect(create).toThrow('quorumFraction must be in (0, 1]');
  });
});

describe('ConsensusProtocol proposals', () => {
  it('numbers proposals prop-0001, prop-0002, …', () => {
    const protocol = three();
    expect(protocol.propose('a', 'quarantine', { target: 'worker-1' })).toBe('prop-0001');
    expect(protocol.propose('b', 'terminate')).toBe('prop-0002');
  });

  it('refuses a proposer that is not a voter', () => {
    expect(() => three().propose('unknown', 'quarantine')).toThrow('Unknown voter: unknown');
  });

  it('limits each proposer to maxActiveProposals open proposals', () => {
    const protocol = new ConsensusProtocol(['a', 'b'], { config: { maxActiveProposals: 2 } });
    protocol.propose('a', 'quarantine');
    protocol.propose('a', 'terminate');
    const third = () => protocol.propose('a', 'escalate');
    expect(third).toThrow("Voter 'a' has 2 active proposals (max 2)");
    expect(() => protocol.propose('b', 'escalate')).not.toThrow();
  });

  it('frees a slot once a proposal is decided', () => {
    const protocol = new ConsensusProtocol(['a', 'b'], { config: { maxActiveProposals: 1 } });
    const id = protocol.propose('a', 'quarantine');
    protocol.tally(id);
    expect(() => protocol.propose('a', 'quarantine')).not.toThrow();
  });

  it('keeps the action, target and a copy of the evidence, and starts open', () => {
    const protocol = three();
    const evidence = { score: 0.9, samples: [1, 2] };
    const id = protocol.propose('a', 'quarantine', { target: 'w1', evidence });
    evidence.samples.push(3);
    const proposal = protocol.getProposal(id)!;
    expect(proposal).toMatchObject({
      id,
      proposerId: 'a',
      action: 'quarantine',
      target: 'w1',
      status: ProposalStatus.OPEN,
    });
    expect(proposal.evidence).toEqual({ score: 0.9, samples: [1, 2] });
    expect(proposal.expiresAt).toBeNull();
  });

  it('accepts any action string, as the reference does', () => {
    const protocol = three();
    const id = protocol.propose('a', 'reboot');
    expect(protocol.getProposal(id)!.action).toBe('reboot');
  });

  it('returns undefined for an unknown id and lists proposals by status', () => {
    const protocol = three();
    expect(protocol.getProposal('nope')).toBeUndefined();
    const first = protocol.propose('a', 'quarantine');
    protocol.propose('b', 'terminate');
    protocol.tally(first);
    expect(protocol.listProposals().map((proposal) => proposal.id)).toEqual([
      'prop-0001',
      'prop-0002',
    ]);
    const open = protocol.listProposals(ProposalStatus.OPEN);
    expect(open.map((proposal) => proposal.id)).toEqual(['prop-0002']);
    expect(protocol.listProposals(ProposalStatus.DECIDED)).toHaveLength(1);
    expect(protocol.listProposals(ProposalStatus.EXECUTED)).toEqual([]);
  });
});

describe('ConsensusProtocol voting', () => {
  it('returns a frozen vote with a 16-character hash', () => {
    const protocol = three();
    const vote = protocol.vote(protocol.propose('a', 'quarantine'), 'a', 'approve', 'High drift');
    expect(vote).toMatchObject({
      voterId: 'a',
      value: 'approve',
      reason: 'High drift',
      timestamp: 0,
    });
    expect(vote.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(Object.isFrozen(vote)).toBe(true);
  });

  it('refuses unknown voters, unknown proposals and invalid values', () => {
    const protocol = three();
    const id = protocol.propose('a', 'quarantine');
    expect(() => protocol.vote(id, 'unknown', 'approve')).toThrow('Unknown voter: unknown');
    expect(() => protocol.vote('nope', 'a', 'approve')).toThrow('Unknown proposal: nope');
    expect(() => protocol.vote(id, 'a', 'yes' as never)).toThrow('Invalid vote value: "yes"');
    expect(protocol.getProposal(id)!.votes).toEqual([]);
  });

  it('keeps votes in the order they were first cast, even for numeric voter ids', () => {
    // The reference's votes dict keeps insertion order for every key; a JS object would list
    // integer-like keys ("1", "2", "10") in numeric order instead.
    const protocol = new ConsensusProtocol(['1', '2', '10'], { config: { allowVoteChange: true } });
    const id = protocol.propose('1', 'quarantine');
    protocol.vote(id, '10', 'approve');
    protocol.vote(id, '2', 'reject');
    protocol.vote(id, '1', 'approve');
    protocol.vote(id, '10', 'reject');
    const votes = Object.values(protocol.getProposal(id)!.votes);
    expect(votes.map((vote) => vote.voterId)).toEqual(['10', '2', '1']);
    expect(votes.map((vote) => vote.value)).toEqual(['reject', 'reject', 'approve']);
  });

  it('refuses a second vote from the same voter', () => {
    const protocol = three();
    const id = protocol.propose('a', 'quarantine');
    protocol.vote(id, 'a', 'approve');
    expect(() => protocol.vote(id, 'a', 'reject')).toThrow("Voter 'a' already voted on prop-0001");
  });

  it('lets a voter change its vote when the config allows it, and tallies the new one', () => {
    const protocol = new ConsensusProtocol(['a', 'b'], { config: { allowVoteChange: true } });
    const id = protocol.propose('a', 'quarantine');
    protocol.vote(id, 'a', 'approve');
    protocol.vote(id, 'b', 'approve');
    expect(protocol.vote(id, 'a', 'reject').value).toBe('reject');
    expect(protocol.getProposal(id)!.votes.map((vote) => vote.value)).toEqual(['reject', 'approve']);
    expect(protocol.tally(id)).toMatchObject({ approveCount: 1, rejectCount: 1 });
  });

  it('refuses votes on a proposal that is not open', () => {
    const protocol = three();
    const id = protocol.propose('a', 'quarantine');
    protocol.vote(id, 'a', 'approve');
    protocol.vote(id, 'b', 'approve');
    protocol.tally(id);
    const late = () => protocol.vote(id, 'c', 'approve');
    expect(late).toThrow('Proposal prop-0001 is decided, not open');
  });
});

describe('ConsensusProtocol expiry (injected clock)', () => {
  it('expires a proposal only once the clock is past its expiry tick', () => {
    const { protocol, clock } = withClock(['a', 'b', 'c']);
    clock.now = 5;
    const id = protocol.propose('a', 'quarantine', { expiry: 10 });
    expect(protocol.getProposal(id)).toMatchObject({ createdAt: 5, expiresAt: 15 });
    clock.now = 15;
    expect(() => protocol.vote(id, 'a', 'approve')).not.toThrow();
    clock.now = 16;
    expect(() => protocol.vote(id, 'b', 'approve')).toThrow('Proposal prop-0001 has expired');
    expect(protocol.getProposal(id)!.status).toBe(ProposalStatus.EXPIRED);
  });

  it('tallies an expired proposal as no quorum, marks it expired and audits it once', () => {
    const { protocol, clock } = withClock(['a', 'b', 'c']);
    const id = protocol.propose('a', 'terminate', { expiry: 3 });
    protocol.vote(id, 'a', 'approve');
    protocol.vote(id, 'b', 'approve');
    clock.now = 4;
    const result = protocol.tally(id);
    expect(result).toMatchObject({
      decision: Decision.NO_QUORUM,
      approveCount: 0,
      quorumMet: false,
      quorumRequired: 2,
      isCritical: true,
    });
    expect(protocol.getProposal(id)).toMatchObject({
      status: ProposalStatus.EXPIRED,
      decidedAt: null,
    });
    expect(protocol.tally(id)).toBe(result);
    expect(protocol.auditLog().filter((entry) => entry.eventType === 'expired')).toHaveLength(1);
    expect(protocol.execute(id)).toBe(false);
  });

  it('uses the config default expiry unless the proposal gives one, and 0 means never', () => {
    const { protocol, clock } = withClock(['a'], { defaultExpiry: 5 });
    expect(protocol.getProposal(protocol.propose('a', 'quarantine'))!.expiresAt).toBe(5);
    const never = protocol.propose('a', 'quarantine', { expiry: 0 });
    clock.now = 1e9;
    expect(() => protocol.vote(never, 'a', 'approve')).not.toThrow();
  });

  it('stamps votes and audit entries with the tick of the call', () => {
    const { protocol, clock } = withClock(['a', 'b']);
    const id = protocol.propose('a', 'quarantine');
    clock.now = 42;
    expect(protocol.vote(id, 'a', 'approve').timestamp).toBe(42);
    expect(protocol.auditLog().map((entry) => entry.timestamp)).toEqual([0, 42]);
  });

  it('treats a clock that goes backwards as a programming error', () => {
    const { protocol, clock } = withClock(['a']);
    clock.now = 10;
    protocol.propose('a', 'quarantine');
    clock.now = 9;
    const propose = () => protocol.propose('a', 'quarantine');
    expect(propose).toThrow('clock must return finite, non-decreasing ticks');
  });
});

describe('ConsensusProtocol execution', () => {
  it('executes only a decided, approved proposal, and only once', () => {
    const protocol = three();
    const approved = protocol.propose('a', 'quarantine', { target: 'w1' });
    protocol.vote(approved, 'a', 'approve');
    protocol.vote(approved, 'b', 'approve');
    expect(protocol.execute(approved)).toBe(false);
    protocol.tally(approved);
    expect(protocol.execute(approved)).toBe(true);
    expect(protocol.getProposal(approved)!.status).toBe(ProposalStatus.EXECUTED);
    expect(protocol.execute(approved)).toBe(false);
    expect(protocol.auditLog().at(-1)).toMatchObject({
      eventType: 'execute',
      data: { action: 'quarantine', target: 'w1' },
    });
  });

  it('refuses to execute a rejected proposal and throws for an unknown one', () => {
    const protocol = three();
    const id = protocol.propose('a', 'quarantine');
    protocol.vote(id, 'a', 'reject');
    protocol.vote(id, 'b', 'reject');
    protocol.tally(id);
    expect(protocol.execute(id)).toBe(false);
    expect(() => protocol.execute('nope')).toThrow('Unknown proposal: nope');
  });
});

describe('ConsensusProtocol voter history', () => {
  it('lists a voter’s votes in proposal order', () => {
    const protocol = three();
    const first = protocol.propose('a', 'quarantine');
    const second = protocol.propose('b', 'terminate');
    protocol.vote(second, 'a', 'reject');
    protocol.vote(first, 'a', 'approve');
    const history = protocol.getVoterHistory('a');
    expect(history.map(([id, vote]) => [id, vote.value])).toEqual([
      [first, 'approve'],
      [second, 'reject'],
    ]);
    expect(protocol.getVoterHistory('c')).toEqual([]);
    expect(() => protocol.getVoterHistory('nope')).toThrow('Unknown voter: nope');
  });
});

describe('ConsensusProtocol summary and render', () => {
  it('summarises voters, proposals by outcome, the audit chain and blocs', () => {
    const protocol = three();
    const id = protocol.propose('a', 'quarantine');
    protocol.vote(id, 'a', 'approve');
    protocol.vote(id, 'b', 'approve');
    protocol.tally(id);
    protocol.propose('b', 'terminate');
    expect(protocol.summary()).toEqual({
      voterCount: 3,
      maxByzantineFaults: 0,
      bftQuorum: 1,
      totalProposals: 2,
      open: 1,
      approved: 1,
      rejected: 0,
      executed: 0,
      expired: 0,
      auditEntries: 5,
      auditChainValid: true,
      votingBlocs: [['a', 'b']],
    });
  });

  it('counts executed proposals as approved and no-quorum ones as rejected', () => {
    const protocol = three();
    const executed = protocol.propose('a', 'quarantine');
    protocol.vote(executed, 'a', 'approve');
    protocol.vote(executed, 'b', 'approve');
    protocol.tally(executed);
    protocol.execute(executed);
    protocol.tally(protocol.propose('a', 'quarantine'));
    expect(protocol.summary()).toMatchObject({ approved: 1, rejected: 1, executed: 1, open: 0 });
  });

  it('renders a text box with the header and the voter count', () => {
    const protocol = three();
    protocol.propose('a', 'quarantine');
    const text = protocol.render();
    expect(text).toContain('Agent Consensus Protocol Summary');
    expect(text).toMatch(/Voters:\s+3/);
  });
});

describe('the reference demo', () => {
  it.each([false, true])('runs with 5 monitors (last one Byzantine: %s)', (byzantine) => {
    const ids = Array.from({ length: 5 }, (_, index) => `monitor-${index + 1}`);
    const protocol = new ConsensusProtocol(ids, { weights: { 'monitor-1': 2 } });
    const quarantine = protocol.propose(ids[0]!, 'quarantine', {
      target: 'worker-x42',
      evidence: { drift_score: 0.87, anomaly_count: 12 },
    });
    for (const id of ids) protocol.vote(quarantine, id, 'approve', 'High drift detected');
    const first = protocol.tally(quarantine);
    const terminate = protocol.propose(ids[1]!, 'terminate', { target: 'worker-x42' });
    ids.forEach((id, index) =>
      byzantine && index === ids.length - 1
        ? protocol.vote(terminate, id, 'reject', '[COMPROMISED] No threat detected')
        : protocol.vote(terminate, id, 'approve', 'Confirmed threat'),
    );
    const second = protocol.tally(terminate);
    expect(first).toMatchObject({ approved: true, approveWeight: 6 });
    expect(second).toMatchObject({ approved: true, rejectWeight: byzantine ? 1 : 0 });
    expect(protocol.execute(quarantine)).toBe(true);
    expect(protocol.summary()).toMatchObject({
      voterCount: 5,
      executed: 1,
      approved: 2,
      auditChainValid: true,
    });
    expect(protocol.render()).toContain('Voters:');
  });
});

