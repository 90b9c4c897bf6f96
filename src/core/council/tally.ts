import { exhaustive } from '../assert';
import { roundHalfEven } from '../roundHalfEven';
import { Decision, VoteValue, type DecisionT, type TallyResult, type Vote } from './types';

/** Decimal places kept for weights and thresholds in a result, as in the reference. */
export const tallyPlaces = 4;

/** Non-abstain votes needed for quorum: max(1, ceil(voterCount × quorumFraction)). */
export function quorumCount(voterCount: number, quorumFraction: number): number {
  return Math.max(1, Math.ceil(voterCount * quorumFraction));
}

export interface TallyInput {
  proposalId: string;
  /** The proposal's votes, in the order their weights are summed. */
  votes: readonly Vote[];
  weightOf: (voterId: string) => number;
  voterCount: number;
  quorumRequired: number;
  /** The supermajority threshold for critical actions, else the majority threshold. */
  threshold: number;
  isCritical: boolean;
  hashChainValid: boolean;
}

/**
 * Steps 4–9 of the reference tally: count, weigh, check quorum, decide. Abstentions never
 * count toward quorum or weight. Comparisons are `>=` on the unrounded weights, so an exact
 * 50/50 split at threshold 0.5 is approved, and so is 4 of 6 at 2/3 (the floats are equal).
 */
export function tallyVotes(input: TallyInput): TallyResult {
  let approveCount = 0;
  let rejectCount = 0;
  let abstainCount = 0;
  let approveWeight = 0;
  let rejectWeight = 0;
  for (const vote of input.votes) {
    switch (vote.value) {
      case VoteValue.APPROVE:
        approveCount++;
        approveWeight += input.weightOf(vote.voterId);
        break;
      case VoteValue.REJECT:
        rejectCount++;
        rejectWeight += input.weightOf(vote.voterId);
        break;
      case VoteValue.ABSTAIN:
        abstainCount++;
        break;
      default:
        exhaustive(vote.value);
    }
  }
  const quorumMet = approveCount + rejectCount >= input.quorumRequired;
  const decision = decide(quorumMet, approveWeight, rejectWeight, input.threshold);
  return makeResult(input, decision, {
    approveCount,
    rejectCount,
    abstainCount,
    quorumMet,
    approveWeight: roundHalfEven(approveWeight, tallyPlaces),
    rejectWeight: roundHalfEven(rejectWeight, tallyPlaces),
    thresholdUsed: roundHalfEven(input.threshold, tallyPlaces),
  });
}

/**
 * The result of tallying an expired proposal (reference §1.3 step 3): no quorum, every count
 * and weight 0, and the threshold at the reference's dataclass default of 0.5.
 */
export function expiredTally(
  input: Omit<TallyInput, 'votes' | 'weightOf' | 'threshold'>,
): TallyResult {
  const empty = { ...input, votes: [], weightOf: () => 0, threshold: 0.5 };
  return makeResult(empty, Decision.NO_QUORUM, {
    approveCount: 0,
    rejectCount: 0,
    abstainCount: 0,
    quorumMet: false,
    approveWeight: 0,
    rejectWeight: 0,
    thresholdUsed: 0.5,
  });
}

function decide(
  quorumMet: boolean,
  approveWeight: number,
  rejectWeight: number,
  threshold: number,
): DecisionT {
  const total = approveWeight + rejectWeight;
  if (!quorumMet) return Decision.NO_QUORUM;
  if (total > 0 && approveWeight / total >= threshold) return Decision.APPROVED;
  if (total > 0 && rejectWeight / total >= 1 - threshold) return Decision.REJECTED;
  // A tie or an insufficient margin is a rejection too, as in the reference.
  return Decision.REJECTED;
}

type Counted = Pick<
  TallyResult,
  | 'approveCount'
  | 'rejectCount'
  | 'abstainCount'
  | 'quorumMet'
  | 'approveWeight'
  | 'rejectWeight'
  | 'thresholdUsed'
>;

function makeResult(input: TallyInput, decision: DecisionT, counted: Counted): TallyResult {
  const participated = counted.approveCount + counted.rejectCount;
  return Object.freeze({
    proposalId: input.proposalId,
    decision,
    approveCount: counted.approveCount,
    rejectCount: counted.rejectCount,
    abstainCount: counted.abstainCount,
    totalVoters: input.voterCount,
    quorumRequired: input.quorumRequired,
    quorumMet: counted.quorumMet,
    approveWeight: counted.approveWeight,
    rejectWeight: counted.rejectWeight,
    thresholdUsed: counted.thresholdUsed,
    isCritical: input.isCritical,
    hashChainValid: input.hashChainValid,
    approved: decision === Decision.APPROVED,
    participationRate: input.voterCount === 0 ? 0 : participated / input.voterCount,
  });
}
