import type { Delivery } from './Transport';

/** A queue's contents as plain data: every item with its tick and insertion number. */
export interface QueueState<T> {
  ticks: number[];
  /** Insertion numbers: the tie-break between items due on the same tick. */
  seqs: number[];
  items: T[];
  /** The insertion number of the next item pushed. */
  nextSeq: number;
}

/**
 * The items due on one tick, in insertion order; `head` is the next one out. A message
 * delivery is kept flat: its payload in `refs` and its numbers in `slots`; any other item is
 * kept whole in `refs`, with −1 as its id.
 */
class Bucket {
  /**
   * The distinct payloads and items, each once in a row: the copies of one broadcast share
   * their payload, so a tick of 10⁶ deliveries holds about 10³ references (few old-to-young
   * pointers for the collector to track).
   */
  refs: unknown[] = [];
  /**
   * `slotWidth` numbers per slot: its position in `refs`, then the delivery's id, sender,
   * recipient·2 + garbled, and the insertion number. Typed, so a million deliveries in
   * flight are no work for the collector.
   */
  slots: Float64Array;
  length = 0;
  head = 0;
  private lastRef: unknown = bucketEmpty;

  /** `slots`: a drained bucket's buffer to reuse (its contents are overwritten before read). */
  constructor(slots?: Float64Array) {
    this.slots = slots ?? new Float64Array(8 * slotWidth);
  }

  push(ref: unknown, id: number, from: number, to: number, seq: number): void {
    const at = this.length++ * slotWidth;
    if (at === this.slots.length) {
      const slots = new Float64Array(2 * at);
      slots.set(this.slots);
      this.slots = slots;
    }
    if (ref !== this.lastRef) {
      this.refs.push(ref);
      this.lastRef = ref;
    }
    const s = this.slots;
    s[at] = this.refs.length - 1;
    s[at + 1] = id;
    s[at + 2] = from;
    s[at + 3] = to;
    s[at + 4] = seq;
  }

  ref(slot: number): unknown {
    return this.refs[this.slots[slot * slotWidth]!];
  }

  num(slot: number, field: 1 | 2 | 3 | 4): number {
    return this.slots[slot * slotWidth + field]!;
  }
}

const slotWidth = 5;
/** Drained buffers kept for reuse: about the ticks of a latency range. */
const spareSlotsMax = 8;
/** No reference pushed yet (never equal to a pushed item or payload). */
const bucketEmpty = Symbol('empty');

/** Scheduled items are told apart by `kind`; deliveries are `Delivery` values. */
type Scheduled = { kind: string };

/**
 * The scheduled items ordered by (tick, insertion order), so items due on the same tick come
 * out in the order they were scheduled: the engine stays deterministic without comparing
 * payloads.
 *
 * Policy: a bucket per tick and a min-heap of the ticks that have one, not a heap of items.
 * Ticks are integers and a run has few distinct ones in flight (at most the latency range
 * ahead, plus timers), while an all-to-all phase at n = 1000 queues 10⁶ deliveries: pushing
 * is an append and popping a read, where a heap of items paid two O(log 10⁶) sifts each.
 *
 * Policy: deliveries are stored flat and handed out in one reused object (`pop`), so a
 * message in flight is no object of its own: 10⁶ of them living across ticks made the
 * young-generation collector copy and promote each one (a fifth of a run at n = 1000).
 */
/** Slots of `EventQueue`'s direct-mapped bucket cache (a power of two). */
const recentSize = 16;
const recentMask = recentSize - 1;

export class EventQueue<T extends Scheduled> {
  private readonly buckets = new Map<number, Bucket>();
  /**
   * The buckets of the latest ticks, direct-mapped by tick mod `recentSize`: a broadcast's copies
   * go to the few ticks of the latency range, so nearly every push and pop finds its bucket
   * here instead of in `buckets` (10⁶ lookups per all-to-all phase at n = 1000).
   */
  private readonly recentTicks = new Float64Array(recentSize).fill(Number.NaN);
  private readonly recentBuckets: (Bucket | undefined)[] = new Array<Bucket | undefined>(recentSize);
  /** Min-heap of the ticks with a bucket. */
  private readonly tickHeap: number[] = [];
  private count = 0;
  private nextSeq: number;
  /**
   * Buffers of drained buckets, reused by new ones. Policy: an all-to-all phase at n = 1000
   * fills a few buckets of 10⁵–10⁶ slots every tick, and fresh buffers of that size cost more
   * to obtain (zeroed pages) than to fill.
   */
  private readonly spareSlots: Float64Array[] = [];
  /** What `pop` returns for a delivery, overwritten by the next `pop`. */
  private readonly delivery: Delivery<unknown> = { kind: 'deliver', id: 0, from: 0, to: 0, payload: null, garbled: false };

  /** An empty queue, or one holding `state`'s items (in any order) by (tick, insertion number). */
  constructor(state?: QueueState<T>) {
    this.nextSeq = state?.nextSeq ?? 0;
    if (!state) return;
    const order = state.items.map((_, index) => index);
    order.sort((a, b) => state.ticks[a]! - state.ticks[b]! || state.seqs[a]! - state.seqs[b]!);
    for (const index of order) this.append(state.ticks[index]!, state.seqs[index]!, state.items[index]!);
  }

  /** The contents in the order they come out, as new arrays (deliveries as new objects). */
  state(): QueueState<T> {
    const ticks: number[] = [];
    const seqs: number[] = [];
    const items: T[] = [];
    for (const tick of [...this.tickHeap].sort((a, b) => a - b)) {
      const bucket = this.buckets.get(tick)!;
      for (let i = bucket.head; i < bucket.length; i++) {
        ticks.push(tick);
        seqs.push(bucket.num(i, 4));
        items.push(itemAt(bucket, i) as T);
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

  /** Schedules a delivery without making an object of it (the same as `push` of one). */
  pushDelivery(tick: number, id: number, from: number, to: number, payload: unknown, garbled: boolean): void {
    this.bucketAt(tick).push(payload, id, from, to * 2 + (garbled ? 1 : 0), this.nextSeq++);
    this.count += 1;
  }

  /** The tick of the next item, or Infinity when empty. */
  peekTick(): number {
    return this.tickHeap.length > 0 ? this.tickHeap[0]! : Infinity;
  }

  /**
   * Takes the next item out (at `peekTick()`). A delivery comes in an object the queue reuses:
   * read it before the next `pop`, never keep it.
   */
  pop(): T | undefined {
    if (this.count === 0) return undefined;
    const tick = this.tickHeap[0]!;
    const bucket = this.bucketOf(tick)!;
    const at = bucket.head;
    const ref = bucket.ref(at);
    let item: T;
    if (bucket.num(at, 1) >= 0) {
      const d = this.delivery;
      d.id = bucket.num(at, 1);
      d.from = bucket.num(at, 2);
      const to = bucket.num(at, 3);
      d.to = to >> 1;
      d.garbled = (to & 1) === 1;
      d.payload = ref;
      item = d as unknown as T;
    } else {
      item = ref as T;
    }
    bucket.head += 1;
    this.count -= 1;
    if (bucket.head === bucket.length) {
      this.buckets.delete(tick);
      const slot = tick & recentMask;
      if (this.recentTicks[slot] === tick) this.recentTicks[slot] = Number.NaN;
      if (this.spareSlots.length < spareSlotsMax) this.spareSlots.push(bucket.slots);
      this.popTick();
    }
    return item;
  }

  private append(tick: number, seq: number, item: T): void {
    if (item.kind === 'deliver') {
      const { id, from, to, payload, garbled } = item as unknown as Delivery<unknown>;
      this.bucketAt(tick).push(payload, id, from, to * 2 + (garbled ? 1 : 0), seq);
    } else {
      this.bucketAt(tick).push(item, -1, 0, 0, seq);
    }
    this.count += 1;
  }

  private bucketAt(tick: number): Bucket {
    let bucket = this.bucketOf(tick);
    if (bucket === undefined) {
      bucket = new Bucket(this.spareSlots.pop());
      this.buckets.set(tick, bucket);
      this.pushTick(tick);
      this.remember(tick, bucket);
    }
    return bucket;
  }

  /** The bucket of `tick`, if it has one. */
  private bucketOf(tick: number): Bucket | undefined {
    const slot = tick & recentMask;
    if (this.recentTicks[slot] === tick) return this.recentBuckets[slot];
    const bucket = this.buckets.get(tick);
    if (bucket !== undefined) this.remember(tick, bucket);
    return bucket;
  }

  private remember(tick: number, bucket: Bucket): void {
    // Only whole ticks in int32 range map to a slot of their own (`&` truncates the rest).
    if ((tick | 0) !== tick) return;
    const slot = tick & recentMask;
    this.recentTicks[slot] = tick;
    this.recentBuckets[slot] = bucket;
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

/** Slot `i` of a bucket as a new item (a delivery rebuilt as its own object). */
function itemAt(bucket: Bucket, i: number): unknown {
  const id = bucket.num(i, 1);
  const ref = bucket.ref(i);
  if (id < 0) return ref;
  const to = bucket.num(i, 3);
  return { kind: 'deliver', id, from: bucket.num(i, 2), to: to >> 1, payload: ref, garbled: (to & 1) === 1 };
}
