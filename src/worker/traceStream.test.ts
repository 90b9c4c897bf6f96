import { describe, expect, it } from 'vitest';
import { preset, type PresetName } from '../core/sim/presets';
import { runScenario } from '../core/sim/runScenario';
import type { SimEvent } from '../core/sim/engine/traceEvents';
import { traceHash } from '../core/sim/engine/traceHash';
import { withBroadcastsExpanded } from '../core/sim/engine/broadcastCopies';
import type { MessagesAggregated, StreamEvent } from './streamEvents';
import { TraceStream } from './traceStream';

function trace(name: PresetName): SimEvent[] {
  return runScenario(preset(name).scenario).trace as SimEvent[];
}

function streamAll(events: readonly SimEvent[], aggregate: boolean, bytesMax = 10_000) {
  const stream = new TraceStream(aggregate);
  const streamed: StreamEvent[] = [];
  const sizes: number[] = [];
  while (!stream.drained(events)) {
    const batch = stream.take(events, bytesMax);
    sizes.push(JSON.stringify(batch).length);
    streamed.push(...batch);
  }
  return { stream, streamed, sizes };
}

const isAggregate = (event: StreamEvent): event is MessagesAggregated => event.kind === 'messagesAggregated';

describe('TraceStream', () => {
  it('hands out a run with broadcasts as their copies, in batches of at most 10 KB, when it does not aggregate', () => {
    const events = trace('crash-leader');
    const { stream, streamed, sizes } = streamAll(events, false);
    expect(streamed).toEqual(withBroadcastsExpanded(events));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(10_000);
    expect(stream.traceHash()).toBe(traceHash(events));
  });

  it('folds every message but the evaluations to the leader into one aggregate per tick', () => {
    const events = trace('happy-path');
    const { streamed } = streamAll(events, true);
    const proposal = events.find((event) => event.kind === 'roundProposed')!;
    const kept = streamed.filter((event) => event.kind === 'messageSent');
    expect(kept.length).toBeGreaterThan(0);
    for (const message of kept) expect(message).toMatchObject({ type: 'E' });
    const leaders = new Set(events.filter((e) => e.kind === 'roundProposed').map((e) => e.agent));
    for (const message of kept) expect(leaders.has(message.to)).toBe(true);
    expect(proposal).toBeDefined();
    const aggregates = streamed.filter(isAggregate);
    const ticks = aggregates.map((aggregate) => aggregate.t);
    expect(new Set(ticks).size).toBe(ticks.length);
    const messageCount = withBroadcastsExpanded(events).filter((event) => event.kind === 'messageSent').length;
    const folded = aggregates.reduce((sum, aggregate) => sum + aggregate.count, 0);
    expect(folded + kept.length).toBe(messageCount);
  });

  it('keeps every other event, in order, and the stream in tick order', () => {
    const events = trace('partition-heal');
    const { streamed } = streamAll(events, true, 2_000);
    const others = (list: readonly StreamEvent[]) =>
      list.filter((event) => !['messageSent', 'messageBroadcast', 'messagesAggregated'].includes(event.kind));
    expect(others(streamed)).toEqual(others(events));
    for (let i = 1; i < streamed.length; i++) expect(streamed[i]!.t).toBeGreaterThanOrEqual(streamed[i - 1]!.t);
  });

  it('hashes every core event it read, aggregated ones included, to the run\'s trace hash', () => {
    const events = trace('silent-two');
    const { stream } = streamAll(events, true, 3_000);
    expect(stream.coreEventCount).toBe(events.length);
    expect(stream.traceHash()).toBe(traceHash(events));
    expect(stream.traceHash()).toBe(traceHash(events));
  });

  it('sends what it has read so far when the engine has produced no more events yet', () => {
    const events = trace('happy-path');
    const firstTick = events.findIndex((event) => event.t > 0);
    const stream = new TraceStream(true);
    const partial = events.slice(0, firstTick);
    const early = stream.take(partial, 10_000);
    expect(stream.drained(partial)).toBe(true);
    expect(early.every((event) => event.t === 0)).toBe(true);
  });
});
