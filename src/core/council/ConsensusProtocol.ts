import { assert, AssertionError } from '../assert';
import { AuditChain, type AuditChainState, type AuditEntry, type ChainVerdict } from '../audit';
import {
  agreementMatrix,
  agreementRate,
  countAgreement,
  type AgreementCounts,
} from './agreementMatrix';
import { resolveConsensusConfig, type ConsensusConfig } from './consensusConfig';
import { defaultBlocThreshold, detectVotingBlocs } from './detectVotingBlocs';
import { renderSummary } from './render';
import { expiredTally, quorumCount, tallyPlaces, tallyVotes } from './tally';
import { roundHalfEven } from '../roundHalfEven';
import {
  isCritical,
  isVoteValue,
  ProposalStatus,
  type ConsensusSummary,
  type Proposal,
  type ProposalStatusT,
  type TallyResult,
  type Vote,
  type VoteValueT,
} from './types';
import { voteHash } from './voteHash';

export interface ConsensusProtocolOptions {
  /** Weight per voter id; a voter without an entry weighs 1. Every weight must be > 0. */
  weights?: Record<string, number>;
  config?: Partial<ConsensusConfig>;
  /** Virtual time in ticks, never decreasing. Default: always 0, so nothing expires. */
  clock?: () => number;
  /** Called with a copy of each audit entry as it is appended (an engine's trace). */
  onAudit?: (entry: AuditEntry) => void;
}

export interface ProposeOptions {
  target?: string;
  /** JSON-shaped facts behind the proposal; copied, never aliased. */
  evidence?: Record<string, unknown>;
  /** Ticks until the proposal expires; 0 or less means never. Default: the config's. */
  expiry?: number;
}

/** The actor id of audit entries written by the protocol itself. */
const systemActor = 'system';

type ProposalRecord = Omit<{ -readonly [K in keyof Proposal]: Proposal[K] }, 'votes'> & {
  votes: Vote[];
};

/**
 * What changes in a protocol as it is used, as plain data; the voters, weights, config and
 * clock are its construction's. A vote object appears both in its proposal's `votes` and in
 * `ballots`: a copy made by structuredClone keeps them one object.
 */
export interface ConsensusProtocolState {
  proposals: Map<string, ProposalRecord>;
  ballots: Map<string, Map<string, Vote>>;
  openByProposer: Map<string, number>;
  chain: AuditChainState;
  proposalCounter: number;
  /** The last tick the clock returned (-Infinity before the first). */
  lastTick: number;
  votesVersion: number;
}

/**
 * The Agent Consensus Protocol (reference §1.3): weighted voting on safety actions with a
 * quorum, a supermajority for critical actions, expiry, and a tamper-evident audit chain.
 *
 * Time comes only from the injected clock, read once per operation, so every timestamp of
 * one call (vote, expiry check, audit entry) is the same tick. Errors are plain `Error`s
 * with the reference's messages; an unknown proposal id throws "Unknown proposal: <id>".
 */
export class ConsensusProtocol {
  private readonly ids: readonly string[];
  private readonly weightById = new Map<string, number>();
  private readonly config: ConsensusConfig;
  private readonly clock: () => number;
  private proposals = new Map<string, ProposalRecord>();
  /**
   * Each proposal's votes by voter id, for lookups. The proposal's own `votes` array keeps the
   * order they were first cast: a plain object would list integer-like ids ("1", "10") first.
   */
  private ballots = new Map<string, Map<string, Vote>>();
  private openByProposer = new Map<string, number>();
  private readonly chain: AuditChain;
  private proposalCounter = 0;
  private lastTick = -Infinity;
  /** Bumped on every vote; the agreement counts are cached per version. */
  private votesVersion = 0;
  private agreementCache: { version: number; counts: AgreementCounts } | null = null;

  constructor(voterIds: readonly string[], opts: ConsensusProtocolOptions = {}) {
    if (voterIds.length < 1) throw new Error('At least one voter required');
    if (new Set(voterIds).size !== voterIds.length) throw new Error('Duplicate voter IDs');
    const weights = opts.weights ?? {};
    for (const id of voterIds) {
      assert(typeof id === 'string', `voter ids must be strings, got ${typeof id}`);
      const weight = Object.hasOwn(weights, id) ? weights[id] : 1;
      if (typeof weight !== 'number' || !(weight > 0)) {
        throw new Error(`Weight for '${id}' must be positive`);
      }
      if (!Number.isFinite(weight)) throw new Error(`Weight for '${id}' must be finite`);
      this.weightById.set(id, weight);
    }
    this.ids = [...voterIds];
    this.config = resolveConsensusConfig(opts.config);
    this.clock = opts.clock ?? (() => 0);
    this.chain = new AuditChain(opts.onAudit);
  }

  /**
   * Everything that changes as the protocol is used, by reference (not a copy): for a
   * snapshot, which copies it. The agreement counts are a cache of the votes, not state.
   */
  state(): ConsensusProtocolState {
    const { proposals, ballots, openByProposer, proposalCounter, lastTick, votesVersion } = this;
    const chain = this.chain.state();
    return { proposals, ballots, openByProposer, chain, proposalCounter, lastTick, votesVersion };
  }

  /**
   * Takes `state` over (not a copy) from a protocol with the same voters, weights and config:
   * for a caller restoring its own copy of a `state()`. Votes are frozen again, as when cast.
   */
  adopt(state: ConsensusProtocolState): void {
    this.proposals = state.proposals;
    this.ballots = state.ballots;
    this.openByProposer = state.openByProposer;
    this.chain.adopt(state.chain);
    this.proposalCounter = state.proposalCounter;
    this.lastTick = state.lastTick;
    this.votesVersion = state.votesVersion;
    this.agreementCache = null;
    for (const ballot of this.ballots.values()) {
      for (const vote of ballot.values()) Object.freeze(vote);
    }
  }

  get voterCount(): number {
    return this.ids.length;
  }

  /** A fresh copy on every access. */
  get voterIds(): string[] {
    return [...this.ids];
  }

  /** f = ⌊(n − 1) / 3⌋. */
  get maxByzantineFaults(): number {
    return Math.floor((this.voterCount - 1) / 3);
  }

  /** 2f + 1. */
  get bftQuorum(): number {
    return 2 * this.maxByzantineFaults + 1;
  }

  /** Opens a proposal and returns its id (`prop-0001`, `prop-0002`, …). */
  propose(proposerId: string, action: string, opts: ProposeOptions = {}): string {
    this.requireVoter(proposerId);
    const active = this.openByProposer.get(proposerId) ?? 0;
    const activeMax = this.config.maxActiveProposals;
    if (active >= activeMax) {
      throw new Error(`Voter '${proposerId}' has ${active} active proposals (max ${activeMax})`);
    }
    const evidence = JSON.parse(JSON.stringify(opts.evidence ?? {})) as Record<string, unknown>;
    const target = opts.target ?? null;
    const expiry = opts.expiry ?? this.config.defaultExpiry;
    const now = this.now();
    this.proposalCounter++;
    const id = `prop-${String(this.proposalCounter).padStart(4, '0')}`;
    this.proposals.set(id, {
      id,
      proposerId,
      action,
      target,
      evidence,
      status: ProposalStatus.OPEN,
      createdAt: now,
      decidedAt: null,
      expiresAt: expiry > 0 ? now + expiry : null,
      votes: [],
      result: null,
    });
    this.ballots.set(id, new Map());
    this.openByProposer.set(proposerId, active + 1);
    this.chain.append('propose', id, proposerId, { action, target, evidence }, now);
    return id;
  }

  /**
   * Casts (or, when the config allows it, changes) a vote on an open proposal. Throws for an
   * invalid value, an unknown proposal or voter, a proposal that is "not open" or has
   * "expired" (which also marks it expired), and a second vote ("already voted").
   */
  vote(proposalId: string, voterId: string, value: VoteValueT, reason?: string): Vote {
    if (!isVoteValue(value)) {
      const shown = JSON.stringify(value);
      throw new Error(`Invalid vote value: ${shown} (expected approve, reject or abstain)`);
    }
    const now = this.now();
    const proposal = this.requireOpen(proposalId, now);
    this.requireVoter(voterId);
    const ballot = this.ballots.get(proposalId)!;
    const previous = ballot.get(voterId);
    if (previous !== undefined && !this.config.allowVoteChange) {
      throw new Error(`Voter '${voterId}' already voted on ${proposalId}`);
    }
    const reasonOrNull = reason ?? null;
    const vote: Vote = Object.freeze({
      voterId,
      value,
      timestamp: now,
      reason: reasonOrNull,
      hash: voteHash(voterId, value, now, reasonOrNull),
    });
    // A changed vote keeps the place of the voter's first one, as a Python dict key does.
    if (previous === undefined) proposal.votes.push(vote);
    else proposal.votes[proposal.votes.indexOf(previous)] = vote;
    ballot.set(voterId, vote);
    this.votesVersion++;
    const data = { value, reason: reasonOrNull, hash: vote.hash };
    this.chain.append('vote', proposalId, voterId, data, now);
    return vote;
  }

  /**
   * Decides a proposal, in the reference's order (§1.3): a decided or executed proposal
   * returns its cached result (the same object); an expired one gets NO_QUORUM, status
   * EXPIRED and an `expired` audit entry; otherwise the votes are counted and weighed, and the
   * proposal becomes DECIDED whatever the decision, NO_QUORUM included.
   *
   * Policy: an expired proposal that already has a result also returns it, so re-tallying
   * is idempotent in every state (the reference re-creates the result and appends another
   * `expired` entry each time).
   *
   * `hashChainValid` is the chain's verdict just before the tally's own entry; the chain
   * verifies incrementally, so this checks only the entries appended since the last check.
   */
  tally(proposalId: string): TallyResult {
    const proposal = this.requireProposal(proposalId);
    if (proposal.result !== null && proposal.status !== ProposalStatus.OPEN) return proposal.result;
    const now = this.now();
    const base = {
      proposalId,
      voterCount: this.voterCount,
      quorumRequired: quorumCount(this.voterCount, this.config.quorumFraction),
      isCritical: isCritical(proposal.action),
    };
    if (isExpired(proposal, now)) {
      this.setStatus(proposal, ProposalStatus.EXPIRED);
      proposal.result = expiredTally({ ...base, hashChainValid: this.chain.verify().valid });
      this.chain.append('expired', proposalId, systemActor, {}, now);
      return proposal.result;
    }
    const { supermajorityThreshold, majorityThreshold } = this.config;
    const result = tallyVotes({
      ...base,
      votes: this.votesInRegistrationOrder(proposal),
      weightOf: (voterId) => this.weightById.get(voterId)!,
      threshold: base.isCritical ? supermajorityThreshold : majorityThreshold,
      hashChainValid: this.chain.verify().valid,
    });
    proposal.result = result;
    this.setStatus(proposal, ProposalStatus.DECIDED);
    proposal.decidedAt = now;
    this.chain.append('tally', proposalId, systemActor, {
      decision: result.decision,
      approve: result.approveCount,
      reject: result.rejectCount,
      abstain: result.abstainCount,
      quorumMet: result.quorumMet,
    }, now);
    return result;
  }

  /** Marks a decided, approved proposal executed; false (and no change) otherwise. */
  execute(proposalId: string): boolean {
    const proposal = this.requireProposal(proposalId);
    if (proposal.status !== ProposalStatus.DECIDED) return false;
    if (proposal.result === null || !proposal.result.approved) return false;
    const now = this.now();
    this.setStatus(proposal, ProposalStatus.EXECUTED);
    const data = { action: proposal.action, target: proposal.target };
    this.chain.append('execute', proposalId, systemActor, data, now);
    return true;
  }

  /** The live proposal record (read-only), or undefined. */
  /**
   * What a tally of `action` will need: voters taking part, and the share of the cast weight
   * approve must reach (as the tally reports it). Configuration only, so known from the proposal on.
   */
  requirements(action: string): { quorumRequired: number; thresholdUsed: number; totalVoters: number } {
    const { supermajorityThreshold, majorityThreshold } = this.config;
    return {
      quorumRequired: quorumCount(this.voterCount, this.config.quorumFraction),
      thresholdUsed: roundHalfEven(isCritical(action) ? supermajorityThreshold : majorityThreshold, tallyPlaces),
      totalVoters: this.voterCount,
    };
  }

  getProposal(proposalId: string): Proposal | undefined {
    return this.proposals.get(proposalId);
  }

  /** Proposals in creation order, optionally only those with the given status. */
  listProposals(status?: ProposalStatusT): Proposal[] {
    const all = [...this.proposals.values()];
    return status === undefined ? all : all.filter((proposal) => proposal.status === status);
  }

  /** `[proposalId, vote]` for every proposal the voter voted on, in creation order. */
  getVoterHistory(voterId: string): [string, Vote][] {
    this.requireVoter(voterId);
    const history: [string, Vote][] = [];
    for (const id of this.proposals.keys()) {
      const vote = this.ballots.get(id)!.get(voterId);
      if (vote !== undefined) history.push([id, vote]);
    }
    return history;
  }

  /**
   * `m[a][b]`: the share of proposals on which a and b both cast a non-abstain vote and
   * agreed; 1 on the diagonal, 0 for pairs that never both voted. A fresh object each call.
   */
  voterAgreementMatrix(): Record<string, Record<string, number>> {
    return agreementMatrix(this.ids, this.agreementCounts());
  }

  /**
   * Maximal groups of at least two voters whose pairwise agreement is ≥ threshold, largest
   * first, then by their sorted member lists. Throws "Threshold must be in (0, 1]".
   */
  detectVotingBlocs(threshold: number = defaultBlocThreshold): string[][] {
    const rate = (i: number, j: number) => agreementRate(this.agreementCounts(), i, j);
    return detectVotingBlocs(this.ids, rate, threshold);
  }

  /** How many entries the audit chain holds (no copy, unlike `auditLog`). */
  get auditLength(): number {
    return this.chain.length;
  }

  /** Deep copies of every audit entry. */
  auditLog(): AuditEntry[] {
    return this.chain.entries();
  }

  /** A deep copy of one audit entry (undefined past the end), without copying the rest. */
  auditEntry(index: number): AuditEntry | undefined {
    return this.chain.entry(index);
  }

  verifyAuditChain(): boolean {
    return this.chain.verify().valid;
  }

  /** The chain's verdict with the index of the first broken entry (for the audit panel). */
  verifyAuditChainDetailed(): ChainVerdict {
    return this.chain.verify();
  }

  /**
   * Overwrites fields of one stored audit entry without re-hashing: the deliberate break a
   * teacher uses to show detection. Throws a RangeError for an index outside the log.
   */
  tamperAudit(index: number, patch: Partial<AuditEntry>): void {
    this.chain.tamper(index, patch);
  }

  summary(): ConsensusSummary {
    const count = { open: 0, approved: 0, rejected: 0, executed: 0, expired: 0 };
    for (const proposal of this.proposals.values()) {
      if (proposal.status === ProposalStatus.OPEN) count.open++;
      if (proposal.status === ProposalStatus.EXECUTED) count.executed++;
      if (proposal.status === ProposalStatus.EXPIRED) count.expired++;
      const settled =
        proposal.status === ProposalStatus.DECIDED || proposal.status === ProposalStatus.EXECUTED;
      if (settled && proposal.result !== null) {
        count[proposal.result.approved ? 'approved' : 'rejected']++;
      }
    }
    return {
      voterCount: this.voterCount,
      maxByzantineFaults: this.maxByzantineFaults,
      bftQuorum: this.bftQuorum,
      totalProposals: this.proposals.size,
      ...count,
      auditEntries: this.chain.length,
      auditChainValid: this.verifyAuditChain(),
      votingBlocs: this.detectVotingBlocs(),
    };
  }

  /** The summary as a text box ("Agent Consensus Protocol Summary", `Voters:`, …). */
  render(): string {
    return renderSummary(this.summary());
  }

  private now(): number {
    const tick = this.clock();
    // Checked without assert(): its message would be formatted on every vote.
    if (!(tick >= this.lastTick && Number.isFinite(tick))) {
      throw new AssertionError(
        `clock must return finite, non-decreasing ticks: ${tick} after ${this.lastTick}`,
      );
    }
    this.lastTick = tick;
    return tick;
  }

  private requireVoter(voterId: string): void {
    if (!this.weightById.has(voterId)) throw new Error(`Unknown voter: ${voterId}`);
  }

  private requireProposal(proposalId: string): ProposalRecord {
    const proposal = this.proposals.get(proposalId);
    if (proposal === undefined) throw new Error(`Unknown proposal: ${proposalId}`);
    return proposal;
  }

  private requireOpen(proposalId: string, now: number): ProposalRecord {
    const proposal = this.requireProposal(proposalId);
    if (proposal.status !== ProposalStatus.OPEN) {
      throw new Error(`Proposal ${proposalId} is ${proposal.status}, not open`);
    }
    if (isExpired(proposal, now)) {
      this.setStatus(proposal, ProposalStatus.EXPIRED);
      throw new Error(`Proposal ${proposalId} has expired`);
    }
    return proposal;
  }

  /** Every status change goes through here, keeping the open count per proposer exact. */
  private setStatus(proposal: ProposalRecord, status: ProposalStatusT): void {
    if (proposal.status === status) return;
    const isOpen = (value: ProposalStatusT) => (value === ProposalStatus.OPEN ? 1 : 0);
    const open = this.openByProposer.get(proposal.proposerId) ?? 0;
    this.openByProposer.set(proposal.proposerId, open + isOpen(status) - isOpen(proposal.status));
    proposal.status = status;
  }

  /**
   * Policy: weights are summed in voter registration order, not in the order votes arrived
   * (the reference's order). Float addition is not associative, so this keeps a decision at
   * an exact threshold from depending on message latency in the simulated network; with
   * integer or default weights the two orders give identical sums.
   */
  private votesInRegistrationOrder(proposal: ProposalRecord): Vote[] {
    const ballot = this.ballots.get(proposal.id)!;
    const votes: Vote[] = [];
    for (const id of this.ids) {
      const vote = ballot.get(id);
      if (vote !== undefined) votes.push(vote);
    }
    return votes;
  }

  private agreementCounts(): AgreementCounts {
    if (this.agreementCache?.version !== this.votesVersion) {
      const votes = this.ballots.values();
      this.agreementCache = { version: this.votesVersion, counts: countAgreement(this.ids, votes) };
    }
    return this.agreementCache.counts;
  }
}

/** A proposal has expired once the clock is past its expiry tick. */
function isExpired(proposal: ProposalRecord, now: number): boolean {
  return proposal.expiresAt !== null && now > proposal.expiresAt;
}
