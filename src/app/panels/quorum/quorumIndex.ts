import type { SimEvent, StreamEvent } from '../../../worker/api';
import { upperBound } from '../../trace/tickSearch';

export type Proposed = Extract<SimEvent, { kind: 'roundProposed' }>;
type MessageSent = Extract<SimEvent, { kind: 'messageSent' }>;
type Rejected = Extract<SimEvent, { kind: 'messageRejected' }>;

/** The events that move one round's quorum: the leader's seal, evaluations to it, its resolution. */
export type QuorumEvent =
  | Extract<SimEvent, { kind: 'evaluationSealed' | 'roundResolved' }>
  | MessageSent;

/**
 * What the quorum panel needs from a trace, built once per trace so that a frame is a binary
 * search plus a scan of one round's events (about n), never of the whole trace.
 */
export interface QuorumIndex {
  proposals: Proposed[];
  /** `proposals[i].t`, ascending. */
  proposalTicks: number[];
  /** `roundEvents[i]`: the events of proposal i's round, in trace order. */
  roundEvents: QuorumEvent[][];
  rejections: Rejected[];
  rejectionTicks: number[];
}

const byTrace = new WeakMap<readonly StreamEvent[], { length: number; index: QuorumIndex }>();

/** The index of `events`, cached per array (rebuilt if the same array has grown). */
export function quorumIndex(events: readonly StreamEvent[]): QuorumIndex {
  const cached = byTrace.get(events);
  if (cached && cached.length === events.length) return cached.index;
  const index = buildQuorumIndex(events);
  byTrace.set(events, { length: events.length, index });
  return index;
}

export function buildQuorumIndex(events: readonly StreamEvent[]): QuorumIndex {
  const index: QuorumIndex = { proposals: [], proposalTicks: [], roundEvents: [], rejections: [], rejectionTicks: [] };
  let current: { proposal: Proposed; events: QuorumEvent[] } | null = null;
  for (const event of events) {
    if (event.kind === 'roundProposed') {
      current = { proposal: event, events: [] };
      index.proposals.push(event);
      index.proposalTicks.push(event.t);
      index.roundEvents.push(current.events);
    } else if (event.kind === 'messageRejected') {
      index.rejections.push(event);
      index.rejectionTicks.push(event.t);
    } else if (current !== null && belongs(event, current.proposal)) {
      current.events.push(event);
    }
  }
  return index;
}

function belongs(event: StreamEvent, proposal: Proposed): event is QuorumEvent {
  const { agent: leader, roundNo, view } = proposal;
  const same = (e: { roundNo: number; view: number }) => e.roundNo === roundNo && e.view === view;
  switch (event.kind) {
    case 'evaluationSealed':
    case 'roundResolved':
      return event.agent === leader && same(event);
    case 'messageSent':
      return event.type === 'E' && event.to === leader && same(event);
    default:
      return false;
  }
}

/** The latest proposal at or before `tick` and its round's events, or null before any. */
export function proposalAt(
  index: QuorumIndex,
  tick: number,
): { proposal: Proposed; events: readonly QuorumEvent[] } | null {
  const position = upperBound(index.proposalTicks, tick) - 1;
  if (position < 0) return null;
  return { proposal: index.proposals[position]!, events: index.roundEvents[position]! };
}

/** Ids of the messages `agent` rejected at or before `tick`. */
/** The messages `agent` refused up to `tick`, by message id, each with the trace's reason. */
export function rejectedIdsAt(index: QuorumIndex, agent: number, tick: number): Map<number, string> {
  const ids = new Map<number, string>();
  const end = upperBound(index.rejectionTicks, tick);
  for (let i = 0; i < end; i++) {
    const rejection = index.rejections[i]!;
    if (rejection.agent === agent) ids.set(rejection.id, rejection.reason);
  }
  return ids;
}
