import type { AuditEntry } from '../audit';

/**
 * The closed vocabularies and plain-data records of the Agent Consensus Protocol
 * (reference §1.1–1.2). Every record is JSON- and structuredClone-safe, so tallies, votes and
 * proposals can cross the worker boundary and sit in a trace unchanged.
 */

export const VoteValue = { APPROVE: 'approve', REJECT: 'reject', ABSTAIN: 'abstain' } as const;
export type VoteValueT = (typeof VoteValue)[keyof typeof VoteValue];

/** `PENDING` is part of the vocabulary but never produced, as in the reference. */
export const Decision = {
  APPROVED: 'approved',
  REJECTED: 'rejected',
  NO_QUORUM: 'no_quorum',
  PENDING: 'pending',
} as const;
export type DecisionT = (typeof Decision)[keyof typeof Decision];

export const ProposalStatus = {
  OPEN: 'open',
  DECIDED: 'decided',
  EXECUTED: 'executed',
  EXPIRED: 'expired',
} as const;
export type ProposalStatusT = (typeof ProposalStatus)[keyof typeof ProposalStatus];

/** Well-known actions; `propose` accepts any action string, as the reference does. */
export const ProposalAction = {
  QUARANTINE: 'quarantine',
  TERMINATE: 'terminate',
  ESCALATE: 'escalate',
  RELEASE: 'release',
  RESTRICT: 'restrict',
} as const;
export type ProposalActionT = (typeof ProposalAction)[keyof typeof ProposalAction];

const voteValues: ReadonlySet<string> = new Set(Object.values(VoteValue));

export function isVoteValue(value: unknown): value is VoteValueT {
  return typeof value === 'string' && voteValues.has(value);
}

/** Critical actions need the supermajority threshold. Compares raw strings, as the reference. */
export function isCritical(action: string): boolean {
  return action === ProposalAction.TERMINATE || action === ProposalAction.ESCALATE;
}

/** One cast vote. Frozen once made. */
export interface Vote {
  readonly voterId: string;
  readonly value: VoteValueT;
  /** Virtual time in ticks. */
  readonly timestamp: number;
  readonly reason: string | null;
  /** First 16 hex characters of sha256(`voterId:value:timestamp[:reason]`). */
  readonly hash: string;
}

/**
 * The outcome of a tally. `approved` and `participationRate` are data fields rather than
 * getters (the reference has properties) so they survive structuredClone and JSON.
 */
export interface TallyResult {
  readonly proposalId: string;
  readonly decision: DecisionT;
  readonly approveCount: number;
  readonly rejectCount: number;
  readonly abstainCount: number;
  readonly totalVoters: number;
  readonly quorumRequired: number;
  readonly quorumMet: boolean;
  /** Rounded to 4 decimal places. */
  readonly approveWeight: number;
  /** Rounded to 4 decimal places. */
  readonly rejectWeight: number;
  /** Rounded to 4 decimal places. */
  readonly thresholdUsed: number;
  readonly isCritical: boolean;
  /** Whether the audit chain verified just before this tally was appended to it. */
  readonly hashChainValid: boolean;
  /** `decision === 'approved'`. */
  readonly approved: boolean;
  /** (approve + reject) / totalVoters; abstentions do not count. */
  readonly participationRate: number;
}

/**
 * A proposal as the protocol holds it. `getProposal` and `listProposals` hand out the live
 * record (as the reference does), typed read-only: only the protocol changes it.
 */
export interface Proposal {
  readonly id: string;
  readonly proposerId: string;
  readonly action: string;
  readonly target: string | null;
  readonly evidence: Readonly<Record<string, unknown>>;
  readonly status: ProposalStatusT;
  /** Ticks. */
  readonly createdAt: number;
  /** Ticks; set when a tally decides the proposal (not on expiry). */
  readonly decidedAt: number | null;
  /** Ticks; the proposal expires when now > expiresAt. Null means never. */
  readonly expiresAt: number | null;
  /**
   * One vote per voter, in the order they were first cast; a changed vote (allowVoteChange)
   * keeps its voter's place, like a key of the reference's dict. An array, not an object by
   * voter id: an object would list integer-like ids ("1", "2", "10") in numeric order.
   */
  readonly votes: readonly Vote[];
  readonly result: TallyResult | null;
}

export type { AuditEntry };

/** What `summary()` reports (reference §1.3, in camelCase). */
export type ConsensusSummary = {
  voterCount: number;
  maxByzantineFaults: number;
  bftQuorum: number;
  totalProposals: number;
  open: number;
  /** Decided or executed proposals whose result approved them. */
  approved: number;
  /** Decided or executed proposals whose result did not approve them (no quorum included). */
  rejected: number;
  executed: number;
  expired: number;
  auditEntries: number;
  auditChainValid: boolean;
  /** Blocs at the default threshold of 0.9. */
  votingBlocs: string[][];
};
