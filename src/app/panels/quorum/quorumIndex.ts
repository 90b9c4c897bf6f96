import type { SimEvent, StreamEvent } from '../../../worker/api';
import { lowerBound } from '../../trace/tickSearch';
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
 * Entries are found by trace position (`end`: how many of the trace's events the cursor shows,
 * `TraceIndex.end(tick)`), so the panel is exact when the cursor steps inside a tick.
 */
export interface QuorumIndex {
  proposals: Proposed[];
  /** `proposals[i]`'s position in the trace, ascending. */
  proposalPositions: number[];
  /** `roundEvents[i]`: the events of proposal i's round, in trace order. */
  roundEvents: QuorumEvent[][];
  /** `roundEventPositions[i][j]`: the trace position of `roundEvents[i][j]`. */
  roundEventPositions: number[][];
  rejections: Rejected[];
  rejectionPositions: number[];
  /**
   * The trace position of each round's first decision by a replica (`committed` or
   * `decidedNoAgreement`), by round number: before it a leader's resolution is only proposed.
   */
  decidedPositions: Map<number, number>;
}

interface RoundEvents {
  proposal: Proposed;
  events: QuorumEvent[];
  positions: number[];
}

interface QuorumSectionState extends QuorumIndex {
  /** The latest proposal and its round's events, which later events may join. */
  current: RoundEvents | null;
}

/** The quorum panel's part of the run's trace index (`TraceIndex.section`). */
export const quorumSection: TraceSection<QuorumSectionState> = {
  name: 'quorum',
  create: () => ({
    proposals: [], proposalPositions: [], roundEvents: [], roundEventPositions: [],
    rejections: [], rejectionPositions: [], decidedPositions: new Map(), current: null,
  }),
  read(index, event, position) {
    if (event.kind === 'roundProposed') {
      index.current = { proposal: event, events: [], positions: [] };
      index.proposals.push(event);
      index.proposalPositions.push(position);
      index.roundEvents.push(index.current.events);
      index.roundEventPositions.push(index.current.positions);
    } else if (event.kind === 'messageRejected') {
      index.rejections.push(event);
      index.rejectionPositions.push(position);
    } else if (event.kind === 'committed' || event.kind === 'decidedNoAgreement') {
      if (!index.decidedPositions.has(event.roundNo)) index.decidedPositions.set(event.roundNo, position);
    } else if (index.current !== null && belongs(event, index.current.proposal)) {
      index.current.events.push(event);
      index.current.positions.push(position);
    }
  },
};

/** The quorum index of a whole trace (tests; the page reads the run's `TraceIndex`). */
export function buildQuorumIndex(events: readonly StreamEvent[]): QuorumIndex {
  return TraceIndex.of(events).section(quorumSection);
}

function belongs(event: StreamEvent, proposal: Proposed): event is QuorumEvent {
  // Read for every event of a run (10⁴–10⁵ messages at 100 agents): no closure per call.
  const { agent: leader, roundNo, view } = proposal;
  switch (event.kind) {
    case 'evaluationSealed':
    case 'roundResolved':
      return event.agent === leader && event.roundNo === roundNo && event.view === view;
    case 'messageSent':
      return event.type === 'E' && event.to === leader && event.roundNo === roundNo && event.view === view;
    default:
      return false;
  }
}

/**
 * The latest proposal among the trace's first `end` events and its round's events among them
 * (`events` is shared: read its first `count`), or null before any.
 */
export function proposalAt(
  index: QuorumIndex,
  end: number,
): { proposal: Proposed; events: readonly QuorumEvent[]; count: number } | null {
  const position = lowerBound(index.proposalPositions, end) - 1;
  if (position < 0) return null;
  const count = lowerBound(index.roundEventPositions[position]!, end);
  return { proposal: index.proposals[position]!, events: index.roundEvents[position]!, count };
}

/**
 * The messages `agent` refused among the trace's first `end` events, by message id, each with
 * the trace's reason.
 */
export function rejectedIdsAt(index: QuorumIndex, agent: number, end: number): Map<number, string> {
  const ids = new Map<number, string>();
  const count = lowerBound(index.rejectionPositions, end);
  for (let i = 0; i < count; i++) {
    const rejection = index.rejections[i]!;
    if (rejection.agent === agent) ids.set(rejection.id, rejection.reason);
  }
  return ids;
}
