import type { AuditEntry, SimEvent, StreamEvent } from '../../../worker/api';

type CouncilVoteValue = Extract<SimEvent, { kind: 'councilVoteRecorded' }>['value'];

/** What a tally bar draws: the votes so far, or the tally's own numbers once it happened. */
export interface TallyView {
  approveWeight: number;
  rejectWeight: number;
  approveCount: number;
  rejectCount: number;
  abstainCount: number;
  totalVoters: number;
  /** Voters needed to take part; null when the run stopped before this proposal was tallied. */
  quorumRequired: number | null;
  /** Share of the cast weight approve must reach; null as for `quorumRequired`. */
  thresholdUsed: number | null;
  isCritical: boolean;
}

export type CouncilDecision = 'approved' | 'rejected' | 'no_quorum' | 'pending' | 'expired';

export interface ProposalState {
  id: string;
  roundNo: number;
  action: string;
  target: number;
  proposer: number;
  critical: boolean;
  proposedTick: number;
  deadline: number;
  /** The votes the coordinator recorded by the cursor, the latest per voter, in roster order. */
  votes: { voter: number; value: CouncilVoteValue; tick: number }[];
  /** Votes the coordinator refused (bad signature, impersonation), with its reason. */
  refused: { voter: number | null; reason: string; tick: number }[];
  tally: TallyView;
  decision: CouncilDecision;
  decidedTick: number | null;
  /** Whether the tally found its quorum; null before the tally. */
  quorumMet: boolean | null;
  executed: boolean;
}

/**
 * The council as it stood at `tick`: proposals appear when proposed, recorded votes fill the
 * tally, the decision comes with `councilTallied`. Policy: before the tally the bar sums the
 * recorded votes' weights to show progress; the decision and the counts at the tally are the
 * trace's, never recomputed here. The quorum and majority lines are configuration, carried by
 * the proposal's event, so they are drawn from the proposal on.
 */
export function councilAt(events: readonly StreamEvent[], tick: number, weights: readonly number[]): ProposalState[] {
  const proposals = new Map<string, ProposalState>();
  const weightOf = (voter: number) => weights[voter] ?? 1;
  for (const event of events) {
    if (event.t > tick) break;
    if (event.kind === 'councilProposed') {
      proposals.set(event.proposalId, openProposal(event, event.agent, event.action, event.target));
      continue;
    }
    const proposal = 'proposalId' in event ? proposals.get(event.proposalId) : undefined;
    if (proposal === undefined) continue;
    applyCouncilEvent(proposal, event, weightOf);
  }
  return [...proposals.values()];
}

type Requirements = Pick<TallyView, 'quorumRequired' | 'thresholdUsed' | 'totalVoters'>;

function openProposal(
  event: Requirements & { t: number; proposalId: string; roundNo: number; critical: boolean; deadline: number },
  proposer: number,
  action: string,
  target: number,
): ProposalState {
  return {
    id: event.proposalId, roundNo: event.roundNo, action, target, proposer, critical: event.critical,
    proposedTick: event.t, deadline: event.deadline, votes: [], refused: [], decision: 'pending',
    decidedTick: null, quorumMet: null, executed: false,
    tally: {
      approveWeight: 0, rejectWeight: 0, approveCount: 0, rejectCount: 0, abstainCount: 0,
      totalVoters: event.totalVoters, quorumRequired: event.quorumRequired,
      thresholdUsed: event.thresholdUsed, isCritical: event.critical,
    },
  };
}

/** How one voter judged an accusation's proof, as it cast its vote. */
export interface ProofVerdict {
  voter: number;
  value: CouncilVoteValue;
  /** Its own check of the proof; null when it did not check (the accused, or its fault). */
  proofValid: boolean | null;
  basis: Extract<SimEvent, { kind: 'accusationVoteCast' }>['basis'];
  tick: number;
}

/** An accusation (SPEC §5, accountability): a Council quarantine proposal with its proof. */
export interface AccusationState extends ProposalState {
  accused: number;
  forged: boolean;
  proofKind: Extract<SimEvent, { kind: 'proofSubmitted' }>['proofKind'];
  proofRoundId: string;
  /** The proof's records as submitted, each checked under the accused's key; and the verdict. */
  records: Extract<SimEvent, { kind: 'proofSubmitted' }>['records'];
  holds: boolean;
  /** Every vote cast by the cursor, with the voter's own check of the proof. */
  verdicts: ProofVerdict[];
  /** The round from which honest replicas ignore the accused, once the quarantine executed. */
  fromRound: number | null;
  /** The accuser's reputation in each agent's store after a false accusation, or null. */
  reputation: number[] | null;
  /** Approved by too few voters to be sure one was honest: approvals and the number needed. */
  withheld: { approveCount: number; approversNeeded: number } | null;
}

/** The events `accusationsAt` reads: panels pick them out of the trace once per run. */
export const accusationKinds: ReadonlySet<StreamEvent['kind']> = new Set<StreamEvent['kind']>([
  'proofSubmitted', 'accusationVoteCast', 'accusationVoteRecorded', 'accusationTallied', 'quarantineExecuted',
  'quarantineWithheld', 'accuserPenalised',
]);

/**
 * The accusations as they stood at `tick`, from the trace alone: the proof when submitted,
 * each voter's check and vote, the accuser's record of it, the tally, and the quarantine or
 * the penalty that followed.
 */
export function accusationsAt(events: readonly StreamEvent[], tick: number, weights: readonly number[]): AccusationState[] {
  const accusations = new Map<string, AccusationState>();
  const weightOf = (voter: number) => weights[voter] ?? 1;
  for (const event of events) {
    if (event.t > tick) break;
    if (event.kind === 'proofSubmitted') {
      accusations.set(event.proposalId, {
        ...openProposal({ ...event, critical: false }, event.accuser, 'quarantine', event.accused),
        accused: event.accused, forged: event.forged === true, proofKind: event.proofKind,
        proofRoundId: event.proofRoundId, records: event.records, holds: event.holds, verdicts: [], fromRound: null,
        reputation: null, withheld: null,
      });
      continue;
    }
    const accusation = 'proposalId' in event ? accusations.get(event.proposalId) : undefined;
    if (accusation === undefined) continue;
    switch (event.kind) {
      case 'accusationVoteCast':
        accusation.verdicts.push({
          voter: event.voter, value: event.value, proofValid: event.proofValid, basis: event.basis, tick: event.t,
        });
        break;
      case 'accusationVoteRecorded':
        if (event.rejected !== undefined) accusation.refused.push({ voter: event.voter, reason: event.rejected, tick: event.t });
        else applyCouncilEvent(accusation, { ...event, kind: 'councilVoteRecorded', agent: event.accuser }, weightOf);
        break;
      case 'accusationTallied':
        applyCouncilEvent(accusation, { ...event, kind: 'councilTallied' }, weightOf);
        break;
      case 'quarantineExecuted':
        accusation.executed = true;
        accusation.fromRound = event.fromRound;
        break;
      case 'quarantineWithheld':
        accusation.withheld = { approveCount: event.approveCount, approversNeeded: event.approversNeeded };
        break;
      case 'accuserPenalised':
        accusation.reputation = event.reputation;
        break;
      default:
        break;
    }
  }
  return [...accusations.values()];
}

function applyCouncilEvent(proposal: ProposalState, event: StreamEvent, weightOf: (voter: number) => number): void {
  switch (event.kind) {
    case 'councilVoteRecorded': {
      if (proposal.decidedTick !== null) return;
      const votes = proposal.votes.filter((vote) => vote.voter !== event.voter);
      votes.push({ voter: event.voter, value: event.value, tick: event.t });
      proposal.votes = votes.sort((a, b) => a.voter - b.voter);
      proposal.tally = { ...proposal.tally, ...sumVotes(proposal.votes, weightOf) };
      return;
    }
    case 'councilVoteRejected':
      proposal.refused.push({ voter: event.voter, reason: event.reason, tick: event.t });
      return;
    case 'councilTallied':
      proposal.decision = event.decision;
      proposal.decidedTick = event.t;
      proposal.quorumMet = event.quorumMet;
      proposal.tally = {
        ...proposal.tally,
        approveWeight: event.approveWeight, rejectWeight: event.rejectWeight, approveCount: event.approveCount,
        rejectCount: event.rejectCount, abstainCount: event.abstainCount, quorumRequired: event.quorumRequired,
        thresholdUsed: event.thresholdUsed, isCritical: event.critical,
      };
      return;
    case 'councilExecuted':
      proposal.executed = true;
      return;
    case 'councilExpired':
      if (proposal.decision === 'pending') [proposal.decision, proposal.decidedTick] = ['expired', event.t];
      return;
    default:
      return;
  }
}

function sumVotes(votes: ProposalState['votes'], weightOf: (voter: number) => number) {
  const sums = { approveWeight: 0, rejectWeight: 0, approveCount: 0, rejectCount: 0, abstainCount: 0 };
  for (const vote of votes) {
    if (vote.value === 'approve') [sums.approveWeight, sums.approveCount] = [sums.approveWeight + weightOf(vote.voter), sums.approveCount + 1];
    else if (vote.value === 'reject') [sums.rejectWeight, sums.rejectCount] = [sums.rejectWeight + weightOf(vote.voter), sums.rejectCount + 1];
    else sums.abstainCount++;
  }
  return sums;
}

export interface AuditAtCursor {
  /** The entries written by the cursor (their timestamps are ticks). */
  entries: AuditEntry[];
  /** The first entry verification fails at, from the latest tampering the cursor has passed. */
  firstInvalid: number | null;
  /** The tick of that tampering, or null. */
  tamperedTick: number | null;
}

/**
 * The audit chain at `tick`, from the trace alone: each `auditAppended` event carries its
 * entry exactly as appended, so an entry tampered with later shows its original fields until
 * then; the chain turns red from the `auditTampered` event's tick, when the edit happened.
 */
export function auditAt(events: readonly StreamEvent[], tick: number): AuditAtCursor {
  const entries: AuditEntry[] = [];
  let firstInvalid: number | null = null;
  let tamperedTick: number | null = null;
  for (const event of events) {
    if (event.t > tick) break;
    if (event.kind === 'auditAppended') entries.push(event.entry);
    else if (event.kind === 'auditTampered' && event.applied) [firstInvalid, tamperedTick] = [event.firstInvalid, event.t];
  }
  return { entries, firstInvalid, tamperedTick };
}

/** The tick of the run's last tally: voting blocs, a whole-run analysis, are shown from then. */
export function lastTallyTick(events: readonly StreamEvent[]): number | null {
  for (let i = events.length - 1; i >= 0; i--) if (events[i]!.kind === 'councilTallied') return events[i]!.t;
  return null;
}
