import { describe, expect, it } from 'vitest';
import { broadcastCopies } from '../core/sim/engine/broadcastCopies';
import type { MessageBroadcast } from '../core/sim/engine/traceEvents';
import { aggregateMessages, sampleOf, streamsAggregates, type MessageSent } from './streamEvents';

function message(id: number, overrides: Partial<MessageSent> = {}): MessageSent {
  return { t: 4, kind: 'messageSent', id, from: id % 5, to: (id + 1) % 5, type: 'E', roundNo: 1, view: 0, deliverAt: 6, ...overrides };
}

describe('aggregateMessages', () => {
  it('counts a tick\'s messages by type, vote phase, loss reason and delivery latency', () => {
    const messages = [
      message(1),
      message(2, { deliverAt: 5 }),
      message(3, { type: 'V', phase: 'prepare', deliverAt: null, lost: 'partition' }),
      message(4, { type: 'V', phase: 'commit', deliverAt: null }),
      message(5, { type: 'V', phase: 'commit', garbled: true }),
    ];
    const aggregate = aggregateMessages(4, messages);
    expect(aggregate).toMatchObject({ t: 4, kind: 'messagesAggregated', count: 5, garbledCount: 1 });
    expect(aggregate.countsByKey).toEqual({ E: 2, prepare: 1, commit: 2 });
    expect(aggregate.lostByReason).toEqual({ partition: 1, drop: 1 });
    expect(aggregate.deliveredByLatency).toEqual({ E: [0, 1, 1], commit: [0, 0, 1] });
  });

  it('keeps every message as the sample while they fit', () => {
    const messages = [message(1), message(2)];
    expect(aggregateMessages(4, messages, 5).sample).toEqual(messages);
  });
});

describe('sampleOf', () => {
  it('samples at most the cap, spread over the tick, lost messages first', () => {
    const messages = Array.from({ length: 1000 }, (_, i) => message(i, i % 100 === 0 ? { deliverAt: null } : {}));
    const sample = sampleOf(messages, 40);
    expect(sample).toHaveLength(40);
    expect(sample.filter((m) => m.deliverAt === null)).toHaveLength(10);
    expect(sample[0]!.id).toBeLessThan(50);
    expect(sample.at(-1)!.id).toBeGreaterThan(900);
    expect(sample.map((m) => m.id)).toEqual([...sample.map((m) => m.id)].sort((a, b) => a - b));
  });
});

describe('streamsAggregates', () => {
  it('aggregates above 200 agents only', () => {
    expect(streamsAggregates(200)).toBe(false);
    expect(streamsAggregates(201)).toBe(true);
  });
});

describe('aggregateMessages of broadcasts', () => {
  it('counts a broadcast exactly as its copies sent one by one', () => {
    const broadcast: MessageBroadcast = {
      t: 4, kind: 'messageBroadcast', id: 0, from: 0, type: 'V', roundNo: 1, view: 0, phase: 'prepare',
      deliverAt: Array.from({ length: 99 }, (_, i) => (i % 10 === 3 ? null : 5 + (i % 3))),
      lost: Array.from({ length: 99 }, (_, i) => i).filter((i) => i % 10 === 3).map((i) => [i + 1, 'drop'] as [number, 'drop']),
      garbled: [2, 50],
    };
    const copies = broadcastCopies(broadcast);
    expect(aggregateMessages(4, [broadcast], 12)).toEqual(aggregateMessages(4, copies, 12));
  });
});
