/**
 * What the worker streams to the page for large n (SPEC §5): the core trace with most
 * `messageSent` events folded into one `messagesAggregated` event per tick. UI-only: these
 * events never enter the core trace or its hash, which still covers every message.
 */
import type { SimEvent } from '../core/sim/engine/traceEvents';

export type MessageSent = Extract<SimEvent, { kind: 'messageSent' }>;

/** A message's type, with votes split by phase: what a ring dot stands for. */
export type MessageKey = 'R' | 'E' | 'P' | 'prepare' | 'commit' | 'V' | 'NV' | 'C' | 'CP' | 'CV';

export type LostReason = NonNullable<MessageSent['lost']> | 'drop';

export interface MessagesAggregated {
  t: number;
  kind: 'messagesAggregated';
  /** The core `messageSent` events (all sent at `t`) this event stands for. */
  count: number;
  countsByKey: Partial<Record<MessageKey, number>>;
  /** Lost messages by reason; `drop` for a loss the network chose. */
  lostByReason: Partial<Record<LostReason, number>>;
  garbledCount: number;
  /**
   * `deliveredByLatency[key][d]`: messages of `key` delivered at `t + d`; the rest of the key's
   * count was lost. Enough to count the messages in flight at any later tick.
   */
  deliveredByLatency: Partial<Record<MessageKey, number[]>>;
  /** Up to `aggregateSampleMax` of the messages, spread over the ring: what the ring animates. */
  sample: MessageSent[];
}

/** An event as the page receives it: a core event, or a tick's messages aggregated. */
export type StreamEvent = SimEvent | MessagesAggregated;

/**
 * Policy: above this many agents the stream aggregates messages (SPEC §7: SVG up to ~200,
 * canvas above). A round then sends ~3n² messages, too many to ship to the page one by one.
 */
export const aggregateAgentsAbove = 200;

/** Sampled messages per aggregate: keeps one aggregate well under a 10 KB batch. */
export const aggregateSampleMax = 40;

export function streamsAggregates(agentCount: number): boolean {
  return agentCount > aggregateAgentsAbove;
}

export function messageKey(message: Pick<MessageSent, 'type' | 'phase'>): MessageKey {
  if (message.type !== 'V') return message.type;
  return message.phase ?? 'V';
}

/**
 * Folds the messages of one tick into a `messagesAggregated` event. Messages that a panel
 * needs one by one are not folded (see `Folding`): the caller streams them unchanged.
 */
export class TickAggregate {
  readonly t: number;
  private readonly messages: MessageSent[] = [];

  constructor(t: number) {
    this.t = t;
  }

  add(message: MessageSent): void {
    this.messages.push(message);
  }

  finish(sampleMax = aggregateSampleMax): MessagesAggregated {
    return aggregateMessages(this.t, this.messages, sampleMax);
  }
}

/** The aggregate of `messages`, all sent at tick `t`. */
export function aggregateMessages(
  t: number,
  messages: readonly MessageSent[],
  sampleMax = aggregateSampleMax,
): MessagesAggregated {
  const countsByKey: MessagesAggregated['countsByKey'] = {};
  const lostByReason: MessagesAggregated['lostByReason'] = {};
  const deliveredByLatency: MessagesAggregated['deliveredByLatency'] = {};
  let garbledCount = 0;
  for (const message of messages) {
    const key = messageKey(message);
    countsByKey[key] = (countsByKey[key] ?? 0) + 1;
    if (message.garbled) garbledCount += 1;
    if (message.deliverAt === null) {
      const reason = message.lost ?? 'drop';
      lostByReason[reason] = (lostByReason[reason] ?? 0) + 1;
    } else {
      const latency = Math.max(0, message.deliverAt - t);
      const counts = (deliveredByLatency[key] ??= []);
      while (counts.length <= latency) counts.push(0);
      counts[latency]! += 1;
    }
  }
  return {
    t,
    kind: 'messagesAggregated',
    count: messages.length,
    countsByKey,
    lostByReason,
    garbledCount,
    deliveredByLatency,
    sample: sampleOf(messages, sampleMax),
  };
}

/**
 * Policy: an even stride over the tick's messages in send order, so every sender and type is
 * represented in proportion; lost and garbled ones are sampled first (at most half the sample),
 * because they are what a teacher looks for.
 */
export function sampleOf(messages: readonly MessageSent[], sampleMax: number): MessageSent[] {
  if (messages.length <= sampleMax) return [...messages];
  const unusual = messages.filter((message) => message.deliverAt === null || message.garbled);
  const picked = evenly(unusual, Math.floor(sampleMax / 2));
  const chosen = new Set(picked);
  const rest = messages.filter((message) => !chosen.has(message));
  return [...picked, ...evenly(rest, sampleMax - picked.length)].sort((a, b) => a.id - b.id);
}

function evenly<T>(items: readonly T[], countMax: number): T[] {
  if (items.length <= countMax) return [...items];
  const stride = items.length / countMax;
  return Array.from({ length: countMax }, (_, i) => items[Math.floor(i * stride)]!);
}

/**
 * Which messages stay individual events in an aggregated stream: evaluations (E) addressed to
 * the proposer of the latest round, which the quorum panel follows agent by agent (n per
 * round, not n²). Fed every event in order, so it knows the latest proposal.
 */
export class Folding {
  private proposal: { leader: number; roundNo: number; view: number } | null = null;

  /** True when `event` is a message to fold into its tick's aggregate. */
  folds(event: SimEvent): event is MessageSent {
    if (event.kind === 'roundProposed') {
      this.proposal = { leader: event.agent, roundNo: event.roundNo, view: event.view };
    }
    if (event.kind !== 'messageSent') return false;
    const proposal = this.proposal;
    const toLeader =
      proposal !== null &&
      event.type === 'E' &&
      event.to === proposal.leader &&
      event.roundNo === proposal.roundNo &&
      event.view === proposal.view;
    return !toLeader;
  }
}
