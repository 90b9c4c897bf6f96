import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from './EventQueue';
import type { Delivery } from './Transport';

type Item = { kind: 'timer'; seq: number } | Delivery<{ seq: number }>;

/** Pushes (tick offset from the last popped tick; a delivery or not), pops and rebuilds. */
const operations = fc.array(
  fc.oneof(
    // Mostly near ticks, sometimes far ones: ticks 16 apart share a slot of the bucket cache.
    fc.record({
      push: fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 14, max: 40 })),
      delivery: fc.boolean(),
      garbled: fc.boolean(),
    }),
    fc.constant({ pop: true as const }),
    fc.constant({ snapshot: true as const }),
  ),
  { maxLength: 200 },
);

/** What an item says, whatever object it came in. */
function plain(item: Item): unknown {
  return item.kind === 'deliver'
    ? { kind: item.kind, id: item.id, from: item.from, to: item.to, seq: item.payload.seq, garbled: item.garbled }
    : { kind: item.kind, seq: item.seq };
}

describe('EventQueue', () => {
  it('pops by tick, then by insertion order, like a sort of everything pushed', () => {
    fc.assert(
      fc.property(operations, (ops) => {
        let queue = new EventQueue<Item>();
        // The reference: every pending item with its tick and insertion number.
        const pending: { tick: number; seq: number; item: Item }[] = [];
        let seq = 0;
        let now = 0;
        for (const op of ops) {
          if ('push' in op) {
            const tick = now + op.push;
            const item: Item = op.delivery
              ? { kind: 'deliver', id: seq, from: seq % 3, to: seq % 5, payload: { seq }, garbled: op.garbled }
              : { kind: 'timer', seq };
            // Deliveries go in both ways: flat (as the transport schedules them) and whole.
            if (item.kind === 'deliver' && seq % 2 === 0) {
              queue.pushDelivery(tick, item.id, item.from, item.to, item.payload, item.garbled);
            } else {
              queue.push(tick, item);
            }
            pending.push({ tick, seq: seq++, item });
          } else if ('pop' in op) {
            pending.sort((a, b) => a.tick - b.tick || a.seq - b.seq);
            const expected = pending.shift();
            const tick = queue.peekTick();
            const got = queue.pop();
            expect(got && { tick, item: plain(got) }).toEqual(expected && { tick: expected.tick, item: plain(expected.item) });
            if (expected) now = expected.tick;
          } else {
            // A queue rebuilt from its state (reversed: the order of the arrays is not part of it).
            const state = queue.state();
            const order = state.items.map((_, i) => i).reverse();
            queue = new EventQueue({
              ticks: order.map((i) => state.ticks[i]!),
              seqs: order.map((i) => state.seqs[i]!),
              items: order.map((i) => state.items[i]!),
              nextSeq: state.nextSeq,
            });
          }
          expect(queue.size).toBe(pending.length);
          expect(queue.peekTick()).toBe(Math.min(...pending.map((p) => p.tick)));
        }
      }),
    );
  });

  it('hands out deliveries in one reused object, and its state as objects of their own', () => {
    const queue = new EventQueue<Item>();
    queue.pushDelivery(2, 7, 1, 4, { seq: 0 }, true);
    queue.pushDelivery(2, 8, 1, 5, { seq: 1 }, false);
    const [snapshot] = queue.state().items;
    const first = queue.pop()!;
    expect(plain(first)).toEqual({ kind: 'deliver', id: 7, from: 1, to: 4, seq: 0, garbled: true });
    const second = queue.pop()!;
    expect(second).toBe(first);
    expect(plain(second)).toEqual({ kind: 'deliver', id: 8, from: 1, to: 5, seq: 1, garbled: false });
    expect(plain(snapshot!)).toEqual({ kind: 'deliver', id: 7, from: 1, to: 4, seq: 0, garbled: true });
  });

  it('is empty at first and after its last item', () => {
    const queue = new EventQueue<Item>();
    expect(queue.pop()).toBeUndefined();
    expect(queue.peekTick()).toBe(Infinity);
    queue.push(3, { kind: 'timer', seq: 1 });
    queue.push(1, { kind: 'timer', seq: 0 });
    queue.push(3, { kind: 'timer', seq: 2 });
    expect([queue.pop(), queue.pop(), queue.pop()].map((item) => item && plain(item))).toEqual(
      [0, 1, 2].map((seq) => ({ kind: 'timer', seq })),
    );
    expect(queue.size).toBe(0);
    expect(queue.peekTick()).toBe(Infinity);
  });
});
