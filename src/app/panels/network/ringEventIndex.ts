import type { MessagesAggregated, SimEvent, StreamEvent } from '../../../worker/api';

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
      | 'agentRestarted';
  }
>;

/**
 * What the ring needs from a trace, sorted by tick so a frame is a binary search plus a short
 * scan. Built once per trace and extended as the trace grows (it only ever grows).
 */
export interface RingEventIndex {
  /** The trace this index reflects, and how many of its events it has read. */
  events: readonly StreamEvent[];
  length: number;
  messages: MessageSent[];
  /** `messages[i].t`, for binary search. */
  messageTicks: number[];
  /** The longest `deliverAt − t` of any message: how far back a frame must look. */
  flightTicksMax: number;
  /** True for the `messages` that are an aggregate's sample (counted by the aggregate). */
  sampled: boolean[];
  /** Per-tick message aggregates of a large-n stream, and their ticks. */
  aggregates: MessagesAggregated[];
  aggregateTicks: number[];
  roles: RoleEvent[];
  roleTicks: number[];
}

/** Indexes by trace array (grown in place), plus the latest one (replaced by a longer copy). */
const byTrace = new WeakMap<readonly StreamEvent[], RingEventIndex>();
let latest: RingEventIndex | null = null;

/**
 * The index of `events`, reusing an earlier one when `events` is the same array or a longer
 * copy of the latest one (the store may append in place or replace the array with a longer
 * one). Only the new tail is read, so a growing trace costs O(new events) per call.
 */
export function ringEventIndex(events: readonly StreamEvent[]): RingEventIndex {
  const known = byTrace.get(events);
  const previous = known && known.length <= events.length ? known : latest;
  if (previous && isPrefixOf(previous, events)) {
    if (events.length > previous.length) readFrom(previous, events);
    if (previous.events !== events) byTrace.delete(previous.events);
    previous.events = events;
    byTrace.set(events, previous);
    latest = previous;
    return previous;
  }
  const index: RingEventIndex = {
    events,
    length: 0,
    messages: [],
    messageTicks: [],
    flightTicksMax: 0,
    sampled: [],
    aggregates: [],
    aggregateTicks: [],
    roles: [],
    roleTicks: [],
  };
  readFrom(index, events);
  byTrace.set(events, index);
  latest = index;
  return index;
}

function isPrefixOf(index: RingEventIndex, events: readonly StreamEvent[]): boolean {
  if (events.length < index.length) return false;
  if (events === index.events) return true;
  // A longer copy keeps its prefix: checking both ends of the prefix is enough in practice.
  return index.length === 0 || (events[0] === index.events[0] && events[index.length - 1] === index.events[index.length - 1]);
}

function readFrom(index: RingEventIndex, events: readonly StreamEvent[]): void {
  for (let i = index.length; i < events.length; i++) {
    const event = events[i]!;
    switch (event.kind) {
      case 'messageSent':
        addMessage(index, event, false);
        break;
      case 'messagesAggregated':
        index.aggregates.push(event);
        index.aggregateTicks.push(event.t);
        for (const message of event.sample) addMessage(index, message, true);
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
        index.roles.push(event);
        index.roleTicks.push(event.t);
        break;
      default:
        // Policy: every other kind (evaluations, deliberation, council tallies…) is drawn by
        // other panels; the ring ignores it rather than listing the whole union here.
        break;
    }
  }
  index.length = events.length;
}

function addMessage(index: RingEventIndex, message: MessageSent, sampled: boolean): void {
  index.messages.push(message);
  index.messageTicks.push(message.t);
  index.sampled.push(sampled);
  if (message.deliverAt !== null) {
    index.flightTicksMax = Math.max(index.flightTicksMax, message.deliverAt - message.t);
  }
}
