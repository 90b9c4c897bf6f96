import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from './EventQueue';

/** Pushes (tick offset from the last popped tick) and pops, in any interleaving. */
const operations = fc.array(
  fc.oneof(
    fc.record({ push: fc.integer({ min: 0, max: 6 }) }),
    fc.constant({ pop: true as const }),
    fc.constant({ snapshot: true as const }),
  ),
  { maxLength: 200 },
);

describe('EventQueue', () => {
  it('pops by tick, then by insertion order, like a sort of everything pushed', () => {
    fc.assert(
      fc.property(operations, (ops) => {
        let queue = new EventQueue<number>();
        // The reference: every pending item with its tick and insertion number.
        const pending: { tick: number; seq: number }[] = [];
        let seq = 0;
        let now = 0;
        for (const op of ops) {
          if ('push' in op) {
            queue.push(now + op.push, seq);
            pending.push({ tick: now + op.push, seq: seq++ });
          } else if ('pop' in op) {
            pending.sort((a, b) => a.tick - b.tick || a.seq - b.seq);
            const expected = pending.shift();
            const got = queue.pop();
            expect(got && { tick: got.tick, seq: got.item }).toEqual(expected);
            if (expected) now = expected.tick;
          } else {
            // A queue rebuilt from its state (shuffled: the order of the arrays is not part of it).
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
          const next = Math.min(...pending.map((p) => p.tick));
          expect(queue.peekTick()).toBe(next);
        }
      }),
    );
  });

  it('is empty at first and after its last item', () => {
    const queue = new EventQueue<string>();
    expect(queue.pop()).toBeUndefined();
    expect(queue.peekTick()).toBe(Infinity);
    queue.push(3, 'b');
    queue.push(1, 'a');
    queue.push(3, 'c');
    expect([queue.pop()?.item, queue.pop()?.item, queue.pop()?.item]).toEqual(['a', 'b', 'c']);
    expect(queue.size).toBe(0);
    expect(queue.peekTick()).toBe(Infinity);
  });
});
