import type { SimEvent, StreamEvent } from '../../../worker/api';
import { upperBound } from '../../trace/tickSearch';
import { TraceIndex, type TraceSection } from '../../trace/traceIndex';

export type Proposed = Extract<SimEvent, { kind: 'roundProposed' }>;
type MessageSent = Extract<SimEvent, { kind: 'messageSent' }>;
type Rejected = Extract<SimEvent, { kind: 'messageRejected' }>;

/** The events that move one round's quorum: the leader's seal, evaluations to it, its resolution. */
export type QuorumEvent =
  | Extract<SimEvent, { kind: 'evaluationSealed' | 'roundResolved' }>
  | MessageSent;

/**
 * What the quorum panel needs from a trace, a section of the run's one trace index, so that a
 * frame is a binary search plus a scan of one round's events (about n), never of the whole trace.
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

interface QuorumSectionState extends QuorumIndex {
  /** The latest proposal and its round's events, which later events may join. */
  current: { proposal: Proposed; events: QuorumEvent[] } | null;
}

/** The quorum panel's part of the run's trace index (`TraceIndex.section`). */
export const quorumSection: TraceSection<QuorumSectionState> = {
  name: 'quorum',
  create: () => ({ proposals: [], proposalTicks: [], roundEvents: [], rejections: [], rejectionTicks: [], current: null }),
  read(index, event) {
    if (event.kind === 'roundProposed') {
      index.current = { proposal: event, events: [] };
      index.proposals.push(event);
      index.proposalTicks.push(event.t);
      index.roundEvents.push(index.current.events);
    } else if (event.kind === 'messageRejected') {
      index.rejections.push(event);
      index.rejectionTicks.push(event.t);
    } else if (index.current !== null && belongs(event, index.current.proposal)) {
      index.current.events.push(event);
    }
  },
};

/** The quorum index of a whole trace (tests; the page reads the run's `TraceIndex`). */
export function buildQuorumIndex(events: readonly StreamEvent[]): QuorumIndex {
  return TraceIndex.of(events).section(quorumSection);
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
