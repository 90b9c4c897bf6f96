import { easeCubicInOut } from 'd3';
import { lowerBound } from '../../trace/tickSearch';
import { messageKey, type MessageKey } from './messageStyles';
import { ringSection, type MessageSent, type RingEventIndex } from './ringEventIndex';
import type { RingInput, RingStatic } from './ringLayout';

/**
 * The ring's messages in flight (SPEC §7): which are drawn at a tick, how many fly by type,
 * and where each dot is on its chord. The drawn set changes only at half ticks, so the panel
 * computes it then (`ringFlight`) and only moves the dots every frame (`placeDot`).
 */

export const messagesMaxDefault = 400;
/** Ticks a lost message stays visible near its sender, fading. */
export const lostVisibleTicks = 1.5;

export interface RingMessage {
  id: number;
  key: MessageKey;
  from: number;
  to: number;
  x: number;
  y: number;
  /** Eased share of the chord travelled, 0 .. 1. */
  fraction: number;
  lost: 'drop' | 'partition' | 'silent' | 'manual' | null;
  garbled: boolean;
  opacity: number;
}

export interface RingMessages {
  messages: RingMessage[];
  dotRadius: number;
  /** Messages in flight or freshly lost at the tick, drawn or not. */
  activeCount: number;
  /** Messages not drawn because of the cap. */
  aggregatedCount: number;
  countsByKey: Partial<Record<MessageKey, number>>;
}

/**
 * Which messages are drawn at `tick` and how many are in flight, by type, without where the
 * dots are: `placeFlight` adds that. The set changes only at half ticks (`flightTick`), so a
 * panel computes it once per half tick and moves the dots every frame.
 */
export interface RingFlight {
  /** The messages drawn, in drawing order. */
  drawn: MessageSent[];
  dotRadius: number;
  /** Messages in flight or freshly lost at the tick, drawn or not. */
  activeCount: number;
  /** Messages not drawn because of the cap. */
  aggregatedCount: number;
  countsByKey: Partial<Record<MessageKey, number>>;
}

/**
 * The tick at which the drawn set of `tick` is computed: sends and deliveries happen at whole
 * ticks and a lost message fades for `lostVisibleTicks` (1.5), so nothing joins or leaves the
 * set between two half ticks, and the counts hold for the whole half tick.
 */
export function flightTick(tick: number): number {
  return Math.floor(tick * 2) / 2;
}

/**
 * The messages in flight at `tick` (and those lost in the last `lostVisibleTicks`), placed on
 * their chords. In a large-n stream most messages arrive as per-tick aggregates: they are
 * counted from the aggregates, and only the aggregates' samples are drawn.
 */
export function ringMessages(input: RingInput, ring: RingStatic): RingMessages {
  return placeFlight(ringFlight(input, ring), input.tick, ring, input.travel ?? true);
}

/** The drawn set's dots placed at `tick` (fractional while playing). */
export function placeFlight(flight: RingFlight, tick: number, ring: RingStatic, travel: boolean): RingMessages {
  return {
    messages: flight.drawn.map((message) => placeMessage(message, tick, ring, travel)),
    dotRadius: flight.dotRadius,
    activeCount: flight.activeCount,
    aggregatedCount: flight.aggregatedCount,
    countsByKey: flight.countsByKey,
  };
}

/** Which messages are drawn at `tick` and how many are in flight (see `RingFlight`). */
export function ringFlight(input: RingInput, ring: RingStatic): RingFlight {
  const index = input.trace.section(ringSection);
  const { tick } = input;
  const cap = input.messagesMax ?? messagesMaxDefault;
  const lookBack = Math.max(index.flightTicksMax, lostVisibleTicks);
  const start = lowerBound(index.messageTicks, tick - lookBack);
  const end = input.trace.countUpTo(index.messagePositions, tick);
  const active: number[] = [];
  const samples: number[] = [];
  const countsByKey: Partial<Record<MessageKey, number>> = {};
  for (let i = start; i < end; i++) {
    const message = index.messages[i]!;
    const visible =
      message.deliverAt === null ? tick < message.t + lostVisibleTicks : tick < message.deliverAt;
    if (!visible || message.from >= ring.agents.length || message.to >= ring.agents.length) continue;
    if (index.sampled[i]) {
      samples.push(i);
      continue;
    }
    active.push(i);
    const key = messageKey(message);
    countsByKey[key] = (countsByKey[key] ?? 0) + 1;
  }
  const aggregateEnd = input.trace.countUpTo(index.aggregatePositions, tick);
  const aggregatedActive = countAggregated(index, aggregateEnd, tick, lookBack, countsByKey);
  // Policy: past the cap keep every k-th message by id, so the sample stays spread over the
  // ring and a message keeps its place between frames while k does not change.
  const stride = Math.ceil(active.length / Math.max(cap, 1));
  const kept = stride <= 1 ? active : active.filter((i) => index.messages[i]!.id % stride === 0);
  const drawn = [...kept, ...samples].slice(0, cap);
  const activeCount = active.length + aggregatedActive;
  return {
    drawn: drawn.map((i) => index.messages[i]!),
    dotRadius: clamp(ring.agentRadius * 0.45, 2, 9),
    activeCount,
    aggregatedCount: activeCount - drawn.length,
    countsByKey,
  };
}

/** Messages of the aggregates in flight (or freshly lost) at `tick`, added into `countsByKey`. */
function countAggregated(
  index: RingEventIndex,
  end: number,
  tick: number,
  lookBack: number,
  countsByKey: Partial<Record<MessageKey, number>>,
): number {
  let total = 0;
  const start = lowerBound(index.aggregateTicks, tick - lookBack);
  for (let i = start; i < end; i++) {
    const aggregate = index.aggregates[i]!;
    const lostVisible = tick < aggregate.t + lostVisibleTicks;
    for (const [key, count] of Object.entries(aggregate.countsByKey) as [MessageKey, number][]) {
      const delivered = aggregate.deliveredByLatency[key] ?? [];
      let active = 0;
      let deliveredCount = 0;
      delivered.forEach((countAt, latency) => {
        deliveredCount += countAt;
        if (aggregate.t + latency > tick) active += countAt;
      });
      if (lostVisible) active += count - deliveredCount;
      if (active > 0) countsByKey[key] = (countsByKey[key] ?? 0) + active;
      total += active;
    }
  }
  return total;
}

/** Where a dot is drawn at one frame: written into a caller's object, so a frame allocates nothing. */
export interface DotPlace {
  x: number;
  y: number;
  /** Eased share of the chord travelled, 0 .. 1. */
  fraction: number;
  opacity: number;
}

/** A message's dot at `tick`, written into `out`: on its chord from rim to rim, fading once lost. */
export function placeDot(message: MessageSent, tick: number, ring: RingStatic, travel: boolean, out: DotPlace): DotPlace {
  const from = ring.agents[message.from]!;
  const to = ring.agents[message.to]!;
  let fraction: number;
  let opacity = 1;
  if (message.deliverAt === null) {
    const age = (tick - message.t) / lostVisibleTicks;
    fraction = travel ? 0.12 + 0.08 * age : 0.12;
    opacity = Math.max(0.15, 1 - age);
  } else {
    const raw = clamp((tick - message.t) / Math.max(message.deliverAt - message.t, 1e-9), 0, 1);
    fraction = travel ? easeCubicInOut(raw) : raw < 0.5 ? 0 : 1;
  }
  // Travel from rim to rim so the dot never hides an agent's label.
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy);
  const inset = length > 0 ? Math.min(ring.agentRadius / length, 0.45) : 0;
  const along = inset + (1 - 2 * inset) * fraction;
  out.x = from.x + dx * along;
  out.y = from.y + dy * along;
  out.fraction = fraction;
  out.opacity = opacity;
  return out;
}

/** A message's dot at `tick` with what it stands for. */
export function placeMessage(message: MessageSent, tick: number, ring: RingStatic, travel: boolean): RingMessage {
  const { x, y, fraction, opacity } = placeDot(message, tick, ring, travel, { x: 0, y: 0, fraction: 0, opacity: 1 });
  return {
    id: message.id,
    key: messageKey(message),
    from: message.from,
    to: message.to,
    x,
    y,
    fraction,
    lost: lostReason(message),
    garbled: message.garbled === true,
    opacity,
  };
}

/** Why a message was lost, or null for one that arrives. */
export function lostReason(message: MessageSent): RingMessage['lost'] {
  return message.lost ?? (message.deliverAt === null ? 'drop' : null);
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
