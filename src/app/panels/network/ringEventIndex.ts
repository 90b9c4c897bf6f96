import type { MessagesAggregated, SimEvent, StreamEvent } from '../../../worker/api';
import type { TraceSection } from '../../trace/traceIndex';

export type MessageSent = Extract<SimEvent, { kind: 'messageSent' }>;

/** The events that change an agent's role on the ring. */
export type RoleEvent = Extract<
  SimEvent,
  {
    kind:
      | 'viewChanged'
      | 'roundProposed'
      | 'councilProposed'
      | 'locked'
      | 'committed'
      | 'agentCrashed'
      | 'agentRestarted'
      | 'quarantineExecuted';
  }
>;

/**
 * What the ring needs from a trace, sorted by tick so a frame is a binary search plus a short
 * scan: a section of the run's one trace index, extended as the trace grows. Each list keeps
 * its entries' trace positions, so a frame reads exactly the events of the index it is given
 * (`TraceIndex.countUpTo`), even one that ends inside a tick.
 */
export interface RingEventIndex {
  messages: MessageSent[];
  /** `messages[i].t`, for binary search. */
  messageTicks: number[];
  /** `messages[i]`'s position in the trace (an aggregate's, for its samples). */
  messagePositions: number[];
  /** The longest `deliverAt − t` of any message: how far back a frame must look. */
  flightTicksMax: number;
  /** True for the `messages` that are an aggregate's sample (counted by the aggregate). */
  sampled: boolean[];
  /** Per-tick message aggregates of a large-n stream, and their ticks. */
  aggregates: MessagesAggregated[];
  aggregateTicks: number[];
  aggregatePositions: number[];
  roles: RoleEvent[];
  rolePositions: number[];
}

/** The ring's part of the run's trace index (`TraceIndex.section`). */
export const ringSection: TraceSection<RingEventIndex> = {
  name: 'ring',
  create: () => ({
    messages: [],
    messageTicks: [],
    messagePositions: [],
    flightTicksMax: 0,
    sampled: [],
    aggregates: [],
    aggregateTicks: [],
    aggregatePositions: [],
    roles: [],
    rolePositions: [],
  }),
  read: readEvent,
};

function readEvent(index: RingEventIndex, event: StreamEvent, position: number): void {
  switch (event.kind) {
    case 'messageSent':
      addMessage(index, event, position, false);
      break;
    case 'messagesAggregated':
      index.aggregates.push(event);
      index.aggregateTicks.push(event.t);
      index.aggregatePositions.push(position);
      for (const message of event.sample) addMessage(index, message, position, true);
      for (const counts of Object.values(event.deliveredByLatency)) {
        index.flightTicksMax = Math.max(index.flightTicksMax, counts.length - 1);
      }
      break;
    case 'viewChanged':
    case 'roundProposed':
    case 'councilProposed':
    case 'locked':
    case 'committed':
    case 'agentCrashed':
    case 'agentRestarted':
    case 'quarantineExecuted':
      index.roles.push(event);
      index.rolePositions.push(position);
      break;
    default:
      // Policy: every other kind (evaluations, deliberation, council tallies…) is drawn by
      // other panels; the ring ignores it rather than listing the whole union here.
      break;
  }
}

function addMessage(index: RingEventIndex, message: MessageSent, position: number, sampled: boolean): void {
  index.messages.push(message);
  index.messageTicks.push(message.t);
  index.messagePositions.push(position);
  index.sampled.push(sampled);
  if (message.deliverAt !== null) {
    index.flightTicksMax = Math.max(index.flightTicksMax, message.deliverAt - message.t);
  }
}
