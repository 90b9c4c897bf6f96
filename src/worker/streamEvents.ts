/**
 * What the worker streams to the page for large n (SPEC §5): the core trace with most
 * `messageSent` events folded into one `messagesAggregated` event per tick. UI-only: these
 * events never enter the core trace or its hash, which still covers every message.
 */
import { broadcastCopy, broadcastRecipient, type MessageSent } from '../core/sim/engine/broadcastCopies';
import type { MessageBroadcast, SimEvent } from '../core/sim/engine/traceEvents';

export type { MessageSent };

/** A message's type, with votes split by phase: what a ring dot stands for. */
export type MessageKey = 'R' | 'E' | 'P' | 'prepare' | 'commit' | 'V' | 'NV' | 'C' | 'CP' | 'CV';

export type LostReason = NonNullable<MessageSent['lost']>;

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

/** A tick's messages as the core trace records them: one by one, or a broadcast's copies. */
export type MessagePart = MessageSent | MessageBroadcast;

const copiesIn = (part: MessagePart) => (part.kind === 'messageSent' ? 1 : part.deliverAt.length);

/**
 * Folds the messages of one tick into a `messagesAggregated` event. Messages that a panel
 * needs one by one are not folded (see `Folding`): the caller streams them unchanged.
 * Broadcasts are counted from their arrays: only the sampled copies become objects, so a vote
 * phase at n = 1000 (10⁶ copies) costs no more than its arrays.
 */
export class TickAggregate {
  readonly t: number;
  private readonly parts: MessagePart[] = [];

  constructor(t: number) {
    this.t = t;
  }

  add(message: MessagePart): void {
    this.parts.push(message);
  }

  finish(sampleMax = aggregateSampleMax): MessagesAggregated {
    return aggregateMessages(this.t, this.parts, sampleMax);
  }
}

/** The aggregate of `messages`, all sent at tick `t`. */
export function aggregateMessages(
  t: number,
  messages: readonly MessagePart[],
  sampleMax = aggregateSampleMax,
): MessagesAggregated {
  const counts = new Counts(t);
  for (const part of messages) {
    if (part.kind === 'messageSent') {
      counts.add(messageKey(part), part.deliverAt, part.lost, part.garbled === true);
      continue;
    }
    const key = messageKey(part);
    const lostBy = new Map(part.lost);
    const garbled = new Set(part.garbled);
    part.deliverAt.forEach((deliverAt, copyIndex) => {
      const to = broadcastRecipient(part, copyIndex);
      counts.add(key, deliverAt, lostBy.get(to), garbled.has(to));
    });
  }
  return { t, kind: 'messagesAggregated', ...counts.fields(), sample: sampleOf(messages, sampleMax) };
}

class Counts {
  private count = 0;
  private garbledCount = 0;
  private readonly countsByKey: MessagesAggregated['countsByKey'] = {};
  private readonly lostByReason: MessagesAggregated['lostByReason'] = {};
  private readonly deliveredByLatency: MessagesAggregated['deliveredByLatency'] = {};

  constructor(private readonly t: number) {}

  add(key: MessageKey, deliverAt: number | null, lost: LostReason | undefined, garbled: boolean): void {
    this.count += 1;
    this.countsByKey[key] = (this.countsByKey[key] ?? 0) + 1;
    if (garbled) this.garbledCount += 1;
    if (deliverAt === null) {
      const reason = lost ?? 'drop';
      this.lostByReason[reason] = (this.lostByReason[reason] ?? 0) + 1;
      return;
    }
    const latency = Math.max(0, deliverAt - this.t);
    const counts = (this.deliveredByLatency[key] ??= []);
    while (counts.length <= latency) counts.push(0);
    counts[latency]! += 1;
  }

  fields() {
    const { count, countsByKey, lostByReason, garbledCount, deliveredByLatency } = this;
    return { count, countsByKey, lostByReason, garbledCount, deliveredByLatency };
  }
}

/**
 * Policy: an even stride over the tick's messages in send order, so every sender and type is
 * represented in proportion; lost and garbled ones are sampled first (at most half the sample),
 * because they are what a teacher looks for. Works on copy positions, so only the sampled
 * copies of a broadcast are ever built.
 */
export function sampleOf(messages: readonly MessagePart[], sampleMax: number): MessageSent[] {
  const total = messages.reduce((sum, part) => sum + copiesIn(part), 0);
  if (total <= sampleMax) return copiesAt(messages, Array.from({ length: total }, (_, position) => position));
  const picked = evenly(unusualPositions(messages), Math.floor(sampleMax / 2));
  const rest = evenlySkipping(total, sampleMax - picked.length, picked);
  return copiesAt(messages, [...picked, ...rest].sort((a, b) => a - b));
}

/** Positions of the lost and garbled copies, ascending. */
function unusualPositions(parts: readonly MessagePart[]): number[] {
  const positions: number[] = [];
  let start = 0;
  for (const part of parts) {
    if (part.kind === 'messageSent') {
      if (part.deliverAt === null || part.garbled) positions.push(start);
    } else {
      const garbled = new Set(part.garbled);
      part.deliverAt.forEach((deliverAt, copyIndex) => {
        if (deliverAt === null || garbled.has(broadcastRecipient(part, copyIndex))) positions.push(start + copyIndex);
      });
    }
    start += copiesIn(part);
  }
  return positions;
}

/**
 * `evenly` over the positions 0 … total − 1 without those in `skipped` (ascending), without
 * listing them: a vote phase at n = 1000 has 10⁶ of them.
 */
function evenlySkipping(total: number, countMax: number, skipped: readonly number[]): number[] {
  const restCount = total - skipped.length;
  const count = Math.min(countMax, restCount);
  const stride = restCount / count;
  return Array.from({ length: count }, (_, i) => {
    let position = restCount <= countMax ? i : Math.floor(i * stride);
    for (const skip of skipped) {
      if (skip > position) break;
      position += 1;
    }
    return position;
  });
}

/** The copies at ascending `positions`, built in one walk over the parts. */
function copiesAt(parts: readonly MessagePart[], positions: readonly number[]): MessageSent[] {
  const copies: MessageSent[] = [];
  let partIndex = 0;
  let start = 0;
  for (const position of positions) {
    while (position >= start + copiesIn(parts[partIndex]!)) start += copiesIn(parts[partIndex++]!);
    const part = parts[partIndex]!;
    copies.push(part.kind === 'messageSent' ? part : broadcastCopy(part, position - start));
  }
  return copies;
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
  folds(event: SimEvent): event is MessagePart {
    if (event.kind === 'roundProposed') {
      this.proposal = { leader: event.agent, roundNo: event.roundNo, view: event.view };
    }
    if (event.kind === 'messageBroadcast') return true;
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
