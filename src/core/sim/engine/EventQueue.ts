/** A queue's contents as plain data: every item with its tick and insertion number. */
export interface QueueState<T> {
  ticks: number[];
  /** Insertion numbers: the tie-break between items due on the same tick. */
  seqs: number[];
  items: T[];
  /** The insertion number of the next item pushed. */
  nextSeq: number;
}

/** The items due on one tick, in insertion order; `head` is the next one out. */
interface Bucket<T> {
  items: T[];
  seqs: number[];
  head: number;
}

/**
 * The scheduled items ordered by (tick, insertion order), so items due on the same tick come
 * out in the order they were scheduled: the engine stays deterministic without comparing
 * payloads.
 *
 * Policy: a bucket per tick and a min-heap of the ticks that have one, not a heap of items.
 * Ticks are integers and a run has few distinct ones in flight (at most the latency range
 * ahead, plus timers), while an all-to-all phase at n = 1000 queues 10⁶ deliveries: pushing
 * is an append and popping a read, where a heap of items paid two O(log 10⁶) sifts each.
 */
export class EventQueue<T> {
  private readonly buckets = new Map<number, Bucket<T>>();
  /** Min-heap of the ticks with a bucket. */
  private readonly tickHeap: number[] = [];
  private count = 0;
  private nextSeq: number;

  /** An empty queue, or one holding `state`'s items (in any order) by (tick, insertion number). */
  constructor(state?: QueueState<T>) {
    this.nextSeq = state?.nextSeq ?? 0;
    if (!state) return;
    const order = state.items.map((_, index) => index);
    order.sort((a, b) => state.ticks[a]! - state.ticks[b]! || state.seqs[a]! - state.seqs[b]!);
    for (const index of order) this.append(state.ticks[index]!, state.seqs[index]!, state.items[index]!);
  }

  /** The contents in the order they come out, as new arrays holding the same items. */
  state(): QueueState<T> {
    const ticks: number[] = [];
    const seqs: number[] = [];
    const items: T[] = [];
    for (const tick of [...this.tickHeap].sort((a, b) => a - b)) {
      const bucket = this.buckets.get(tick)!;
      for (let i = bucket.head; i < bucket.items.length; i++) {
        ticks.push(tick);
        seqs.push(bucket.seqs[i]!);
        items.push(bucket.items[i]!);
      }
    }
    return { ticks, seqs, items, nextSeq: this.nextSeq };
  }

  get size(): number {
    return this.count;
  }

  push(tick: number, item: T): void {
    this.append(tick, this.nextSeq++, item);
  }

  /** The tick of the next item, or Infinity when empty. */
  peekTick(): number {
    return this.tickHeap.length > 0 ? this.tickHeap[0]! : Infinity;
  }

  pop(): { tick: number; item: T } | undefined {
    if (this.count === 0) return undefined;
    const tick = this.tickHeap[0]!;
    const bucket = this.buckets.get(tick)!;
    const item = bucket.items[bucket.head]!;
    // Policy: the slot is cleared so a consumed item (a message and its payload) can be
    // collected while the rest of a large bucket is still being read.
    bucket.items[bucket.head] = undefined as T;
    bucket.head += 1;
    this.count -= 1;
    if (bucket.head === bucket.items.length) {
      this.buckets.delete(tick);
      this.popTick();
    }
    return { tick, item };
  }

  private append(tick: number, seq: number, item: T): void {
    let bucket = this.buckets.get(tick);
    if (bucket === undefined) {
      bucket = { items: [], seqs: [], head: 0 };
      this.buckets.set(tick, bucket);
      this.pushTick(tick);
    }
    bucket.items.push(item);
    bucket.seqs.push(seq);
    this.count += 1;
  }

  private pushTick(tick: number): void {
    const heap = this.tickHeap;
    let i = heap.length;
    heap.push(tick);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heap[parent]! <= tick) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = tick;
  }

  private popTick(): void {
    const heap = this.tickHeap;
    const last = heap.pop()!;
    if (heap.length === 0) return;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child = right < heap.length && heap[right]! < heap[left]! ? right : left;
      if (heap[child]! >= last) break;
      heap[i] = heap[child]!;
      i = child;
    }
    heap[i] = last;
  }
}
