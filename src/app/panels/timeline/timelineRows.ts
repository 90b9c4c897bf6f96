import type { SimEvent, StreamEvent } from '../../../worker/api';
import { decidedValues, type DecidedValue } from '../../trace/decidedValues';
import type { TraceIndex } from '../../trace/traceIndex';
import { milestonesOf } from './timelineLayout';

type Resolved = Extract<SimEvent, { kind: 'roundResolved' }>;

/** One round as it stood at the cursor: the text alternative of the timeline. */
export interface RoundRow {
  roundNo: number;
  /** Committed once some replica committed it; aborted only if the run ended without a commit. */
  /** `no-agreement`: decided that its records do not agree. */
  status: 'committed' | 'no-agreement' | 'aborted' | 'pending';
  /** The highest view the round had reached (a view change, or the view it started in). */
  view: number;
  /** The leader resolution shown: the committing view's, else the latest one. */
  resolution: Pick<Resolved, 'view' | 'status' | 'quorumSize' | 'quorumNeeded' | 'n' | 'f' | 'tamperedAgents'> | null;
  consensusType: string | null;
  winner: number | null;
  /** The tick of the round's first commit, once reached. */
  commitTick: number | null;
  /**
   * In a fork (two values committed for one round by the cursor), one row per value: its side
   * and the agents that committed it; null for a round with one value.
   */
  conflict: { side: string; agents: number[] } | null;
}

/** One council proposal as it stood at the cursor. */
export interface ProposalRow {
  roundNo: number;
  proposalId: string;
  action: string;
  target: number;
  proposedTick: number;
  decision: 'approved' | 'rejected' | 'no_quorum' | 'pending' | 'expired';
  approveWeight: number | null;
  rejectWeight: number | null;
  quorumMet: boolean | null;
  /** The tick of the tally (or expiry), once reached. */
  decidedTick: number | null;
}

/** Policy: the list shows at most this many rounds, the latest ones the cursor has reached. */
export const roundRowsMax = 100;

/**
 * Every round up to the latest the cursor has reached (at least the first `roundRowsMax` of the
 * scenario's `roundCount`), with what the trace says about it by `tick`.
 */
export function roundRows(
  trace: TraceIndex,
  tick: number,
  ended: boolean,
  roundCount: number,
  byzantine: ReadonlySet<number> = new Set(),
): RoundRow[] {
  const rows = new Map<number, RoundRow>();
  const row = (roundNo: number): RoundRow => {
    let found = rows.get(roundNo);
    if (found === undefined) {
      found = {
        roundNo, status: 'pending', view: 0, resolution: null, consensusType: null, winner: null, commitTick: null,
        conflict: null,
      };
      rows.set(roundNo, found);
    }
    return found;
  };
  const consensus = new Map<string, string>();
  let latestRound = 0;
  const milestones = milestonesOf(trace);
  for (let i = 0; i < milestones.count; i++) {
    const event = milestones.all[i]!;
    if (event.t > tick) break;
    if (!('roundNo' in event) || typeof event.roundNo !== 'number') continue;
    latestRound = Math.max(latestRound, event.roundNo);
    const current = row(event.roundNo);
    if ('view' in event) current.view = Math.max(current.view, event.view);
    applyRoundEvent(current, event, consensus);
  }
  const last = Math.min(Math.max(latestRound, Math.min(roundCount, roundRowsMax)), Math.max(roundCount, latestRound));
  const first = Math.max(1, last - roundRowsMax + 1);
  const result: RoundRow[] = [];
  // The committed values of every round, read once for all the rows.
  const decided = decidedValues(trace, byzantine);
  for (let roundNo = first; roundNo <= last; roundNo++) {
    const current = row(roundNo);
    if (current.status === 'pending' && ended) current.status = 'aborted';
    current.consensusType = consensus.get(`${roundNo}:${current.resolution?.view ?? current.view}`) ?? null;
    result.push(...conflictRows(current, decided, tick));
  }
  return result;
}

/** A round's row, or one row per value committed by `tick` when the round forked. */
function conflictRows(
  row: RoundRow,
  decided: ReadonlyMap<number, DecidedValue[]>,
  tick: number,
): RoundRow[] {
  const values = (decided.get(row.roundNo) ?? []).filter((value) => value.firstTick <= tick);
  if (values.length < 2) return [row];
  return values.map((value) => ({
    ...row,
    view: value.view,
    winner: value.winner,
    commitTick: value.firstTick,
    conflict: {
      side: value.sideName,
      agents: value.commits.filter((commit) => commit.t <= tick).map((commit) => commit.agent),
    },
  }));
}

function applyRoundEvent(row: RoundRow, event: StreamEvent, consensus: Map<string, string>): void {
  switch (event.kind) {
    case 'roundResolved':
      // Once committed, the row keeps the committing view's resolution.
      if (row.status === 'committed' && row.resolution?.view !== event.view) return;
      row.resolution = {
        view: event.view, status: event.status, quorumSize: event.quorumSize, quorumNeeded: event.quorumNeeded,
        n: event.n, f: event.f, tamperedAgents: event.tamperedAgents,
      };
      return;
    case 'deliberated':
      consensus.set(`${event.roundNo}:${event.view}`, event.consensusType);
      return;
    case 'decidedNoAgreement':
      if (row.status !== 'pending') return;
      row.status = 'no-agreement';
      row.commitTick = event.t;
      return;
    case 'committed':
      if (row.status === 'committed') return;
      row.status = 'committed';
      row.commitTick = event.t;
      row.winner = event.winner;
      if (row.resolution !== null && row.resolution.view !== event.view) row.resolution = null;
      return;
    default:
      return;
  }
}

/** Every council proposal made by `tick`, with its tally once the cursor has reached it. */
export function proposalRows(trace: TraceIndex, tick: number): ProposalRow[] {
  const rows = new Map<string, ProposalRow>();
  for (const event of trace.ofKinds(['councilProposed', 'councilTallied', 'councilExpired'] as const)) {
    if (event.t > tick) break;
    if (event.kind === 'councilProposed') {
      rows.set(event.proposalId, {
        roundNo: event.roundNo, proposalId: event.proposalId, action: event.action, target: event.target,
        proposedTick: event.t, decision: 'pending', approveWeight: null, rejectWeight: null, quorumMet: null,
        decidedTick: null,
      });
    }
    const row = 'proposalId' in event ? rows.get(event.proposalId) : undefined;
    if (row === undefined) continue;
    if (event.kind === 'councilTallied') {
      Object.assign(row, {
        decision: event.decision, approveWeight: event.approveWeight, rejectWeight: event.rejectWeight,
        quorumMet: event.quorumMet, decidedTick: event.t,
      });
    } else if (event.kind === 'councilExpired' && row.decision === 'pending') {
      Object.assign(row, { decision: 'expired', decidedTick: event.t });
    }
  }
  return [...rows.values()];
}
