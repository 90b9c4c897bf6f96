import type { AuditEntry, CouncilRunReport, SimEvent, StreamEvent } from '../../../worker/api';

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
 * recorded votes' weights to show progress; the decision, the counts at the tally and the
 * quorum and majority lines are the trace's and the report's, never recomputed here. The lines
 * are configuration (quorum fraction, critical or not), so they are drawn from the proposal on.
 */
export function councilAt(events: readonly StreamEvent[], tick: number, report: CouncilRunReport): ProposalState[] {
  const proposals = new Map<string, ProposalState>();
  const finals = new Map(report.proposals.map((proposal) => [proposal.id, proposal.tally]));
  const weightOf = (voter: number) => report.weights[voter] ?? 1;
  for (const event of events) {
    if (event.t > tick) break;
    if (event.kind === 'councilProposed') {
      const final = finals.get(event.proposalId);
      proposals.set(event.proposalId, {
        id: event.proposalId, roundNo: event.roundNo, action: event.action, target: event.target,
        proposer: event.agent, critical: event.critical, proposedTick: event.t, deadline: event.deadline,
        votes: [], refused: [], decision: 'pending', decidedTick: null, quorumMet: null, executed: false,
        tally: {
          approveWeight: 0, rejectWeight: 0, approveCount: 0, rejectCount: 0, abstainCount: 0,
          totalVoters: final?.totalVoters ?? report.voterIds.length, quorumRequired: final?.quorumRequired ?? null,
          thresholdUsed: final?.thresholdUsed ?? null, isCritical: event.critical,
        },
      });
      continue;
    }
    const proposal = 'proposalId' in event ? proposals.get(event.proposalId) : undefined;
    if (proposal === undefined) continue;
    applyCouncilEvent(proposal, event, weightOf);
  }
  return [...proposals.values()];
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
 * The audit chain at `tick`. Policy: the report holds the chain as it ended, so an entry that
 * was tampered with later already shows its edited fields; it turns red only from the
 * `auditTampered` event's tick, when the edit happened in the run.
 */
export function auditAt(audit: readonly AuditEntry[], events: readonly StreamEvent[], tick: number): AuditAtCursor {
  let firstInvalid: number | null = null;
  let tamperedTick: number | null = null;
  for (const event of events) {
    if (event.t > tick) break;
    if (event.kind === 'auditTampered' && event.applied) [firstInvalid, tamperedTick] = [event.firstInvalid, event.t];
  }
  return { entries: audit.filter((entry) => entry.timestamp <= tick), firstInvalid, tamperedTick };
}

/** The tick of the run's last tally: voting blocs, a whole-run analysis, are shown from then. */
export function lastTallyTick(events: readonly StreamEvent[]): number | null {
  for (let i = events.length - 1; i >= 0; i--) if (events[i]!.kind === 'councilTallied') return events[i]!.t;
  return null;
}
