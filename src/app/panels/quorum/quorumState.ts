import { faultBound, quorumNeeded, type QuorumRule } from '../../../core/values';
import type { Scenario, SimEvent } from '../../../worker/api';
import type { TraceIndex } from '../../trace/traceIndex';
import { proposalAt, quorumSection, rejectedIdsAt } from './quorumIndex';

/**
 * The quorum arithmetic at the time cursor (SPEC §7, `quorum-view`): which agents' sealed
 * evaluations have reached the current leader, which of them the resolution counted, and how
 * large two quorums must overlap. Pure: derived from the scenario and the trace alone.
 */

/** The vote quorum in force: n−f (safe), or 2f+1 under the `unsafe.quorum` teaching switch. */
export type { QuorumRule };

/**
 * Where one agent's evaluation stands at the leader. `arrived` is at the leader but not (yet)
 * counted; `rejected` was delivered and refused (its reason in `rejections`); `tampered` and `inQuorum` come from the
 * leader's resolution, so they appear only once the round is resolved.
 */
export type EvaluationStatus =
  | 'waiting'
  | 'inFlight'
  | 'arrived'
  | 'lost'
  | 'rejected'
  | 'tampered'
  | 'inQuorum';

export const evaluationStatuses: readonly EvaluationStatus[] = [
  'waiting', 'inFlight', 'arrived', 'inQuorum', 'tampered', 'lost', 'rejected',
];

export interface RoundResolution {
  status: 'committed' | 'aborted';
  /** Tick of the resolution. */
  t: number;
  quorumSize: number;
  quorumNeeded: number;
  quorumAgents: number[];
  tamperedAgents: number[];
  winner: number | null;
  reason: string | null;
  /** The quorum's false-agreement audit (stance embedding only), as the trace gives it. */
  stanceAudit: NonNullable<Extract<SimEvent, { kind: 'roundResolved' }>['stanceAudit']> | null;
}

export interface QuorumRound {
  roundNo: number;
  view: number;
  leader: number;
  /** Tick of the `roundProposed` this round started with. */
  proposedAt: number;
  /** `statuses[agentIndex]`, for every agent 0 .. n−1. */
  statuses: EvaluationStatus[];
  /** Why the leader refused an agent's evaluation, as the trace says, for `rejected` agents. */
  rejections: Map<number, string>;
  /** Evaluations the leader holds at the cursor (its own included), whatever their fate. */
  arrivedCount: number;
  resolution: RoundResolution | null;
  /**
   * Every resolution the leader announced in this view, in order: more than one when it
   * equivocated (two values for one round, each sent to half of the replicas).
   */
  resolutions: RoundResolution[];
  /**
   * A replica has decided this round at the cursor. Until then a resolution is what the leader
   * proposes, and the replicas are still voting on it: nothing is committed yet.
   */
  decided: boolean;
}

export interface QuorumSnapshot {
  n: number;
  f: number;
  nMinusF: number;
  twoFPlusOne: number;
  rule: QuorumRule;
  /** Evaluations the rule needs: n−f, or 2f+1 under the switch. */
  quorumNeeded: number;
  /** `unsafe.membership: 'present'`: the leader takes n from the records present. */
  membershipPresent: boolean;
  /** Null before the first round is proposed. */
  round: QuorumRound | null;
}

export interface Overlap {
  /** Quorum size q. */
  quorumSize: number;
  /** The smallest possible intersection of two quorums of size q among n agents: 2q − n. */
  overlapMin: number;
  /** True when 2q − n > f: any two quorums share at least one honest agent. */
  honestGuaranteed: boolean;
}

/** Two quorums of q agents out of n share at least 2q − n; more than f means one is honest. */
export function overlap(n: number, f: number, rule: QuorumRule): Overlap {
  const quorumSize = quorumNeeded(n, rule);
  const overlapMin = Math.max(0, 2 * quorumSize - n);
  return { quorumSize, overlapMin, honestGuaranteed: overlapMin > f };
}

/** The quorum panel's data at `tick`: the arithmetic and the round whose proposal is latest. */
export function quorumAt(
  scenario: Scenario,
  trace: TraceIndex,
  tick: number,
): QuorumSnapshot {
  const n = scenario.n;
  const f = faultBound(n);
  const unsafe = scenario.resonance?.unsafe ?? {};
  const rule: QuorumRule = unsafe.quorum === '2f+1' ? '2f+1' : 'n-f';
  return {
    n, f, nMinusF: n - f, twoFPlusOne: 2 * f + 1, rule,
    quorumNeeded: quorumNeeded(n, rule),
    membershipPresent: unsafe.membership === 'present',
    round: roundAt(n, trace, tick),
  };
}

function roundAt(n: number, trace: TraceIndex, tick: number): QuorumRound | null {
  const index = trace.section(quorumSection);
  const end = trace.end(tick);
  const found = proposalAt(index, end);
  if (found === null) return null;
  const { agent: leader, roundNo, view } = found.proposal;
  const statuses: EvaluationStatus[] = Array.from({ length: n }, () => 'waiting');
  const rejectedIds = rejectedIdsAt(index, leader, end);
  const rejections = new Map<number, string>();
  let resolution: RoundResolution | null = null;
  const resolutions: RoundResolution[] = [];
  for (let i = 0; i < found.count; i++) {
    const event = found.events[i]!;
    if (event.kind === 'evaluationSealed') {
      // The leader's own evaluation never travels: it is at the leader once sealed.
      statuses[leader] = 'arrived';
    } else if (event.kind === 'messageSent') {
      const fate = messageStatus(event, tick, rejectedIds);
      statuses[event.from] = merge(statuses[event.from]!, fate);
      const reason = rejectedIds.get(event.id);
      if (fate === 'rejected' && reason !== undefined) rejections.set(event.from, reason);
    } else {
      resolution = {
        status: event.status,
        t: event.t,
        quorumSize: event.quorumSize,
        quorumNeeded: event.quorumNeeded,
        quorumAgents: [...event.quorumAgents].sort((a, b) => a - b),
        tamperedAgents: [...event.tamperedAgents].sort((a, b) => a - b),
        winner: event.winner, reason: event.reason, stanceAudit: event.stanceAudit ?? null,
      };
      resolutions.push(resolution);
    }
  }
  const arrivedCount = statuses.filter((s) => s === 'arrived').length;
  if (resolution !== null) {
    for (const agent of resolution.tamperedAgents) if (agent < n) statuses[agent] = 'tampered';
    for (const agent of resolution.quorumAgents) if (agent < n) statuses[agent] = 'inQuorum';
  }
  for (const agent of rejections.keys()) if (statuses[agent] !== 'rejected') rejections.delete(agent);
  const decidedAt = index.decidedPositions.get(roundNo);
  const decided = decidedAt !== undefined && decidedAt < end;
  return {
    roundNo, view, leader, proposedAt: found.proposal.t, statuses, rejections, arrivedCount, resolution, resolutions, decided,
  };
}

type EvaluationMessage = Extract<SimEvent, { kind: 'messageSent' }>;

function messageStatus(
  message: EvaluationMessage,
  tick: number,
  rejectedIds: ReadonlyMap<number, string>,
): EvaluationStatus {
  if (message.deliverAt === null) return 'lost';
  if (message.deliverAt > tick) return 'inFlight';
  return rejectedIds.has(message.id) ? 'rejected' : 'arrived';
}

/**
 * Policy: an equivocator may send the leader more than one evaluation; the best fate wins, so
 * one delivered copy shows the agent as arrived even if another copy was lost.
 */
const fateRank: Record<EvaluationStatus, number> = {
  waiting: 0, lost: 1, rejected: 2, inFlight: 3, arrived: 4, tampered: 5, inQuorum: 6,
};

function merge(current: EvaluationStatus, next: EvaluationStatus): EvaluationStatus {
  return fateRank[next] > fateRank[current] ? next : current;
}
