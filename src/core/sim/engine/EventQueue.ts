/** A queue's contents as plain data: the heap's parallel arrays and the tie-break counter. */
export interface QueueState<T> {
  ticks: number[];
  /** Insertion numbers: the tie-break between items due on the same tick. */
  seqs: number[];
  items: T[];
  /** The insertion number of the next item pushed. */
  nextSeq: number;
}

/**
 * A min-heap of scheduled items ordered by (tick, insertion order), so items due on the same
 * tick come out in the order they were scheduled: the engine stays deterministic without
 * comparing payloads.
 */
export class EventQueue<T> {
  private readonly ticks: number[];
  private readonly seqs: number[];
  private readonly items: T[];
  private nextSeq: number;

  /** An empty queue, or one that takes `state` over (not a copy) with its heap order. */
  constructor(state?: QueueState<T>) {
    this.ticks = state?.ticks ?? [];
    this.seqs = state?.seqs ?? [];
    this.items = state?.items ?? [];
    this.nextSeq = state?.nextSeq ?? 0;
  }

  /** The contents, by reference (not a copy): for an engine snapshot, which copies it. */
  state(): QueueState<T> {
    return { ticks: this.ticks, seqs: this.seqs, items: this.items, nextSeq: this.nextSeq };
  }

  get size(): number {
    return this.items.length;
  }

  push(tick: number, item: T): void {
    this.ticks.push(tick);
    this.seqs.push(this.nextSeq++);
    this.items.push(item);
    this.siftUp(this.items.length - 1);
  }

  /** The tick of the next item, or Infinity when empty. */
  peekTick(): number {
    return this.items.length > 0 ? this.ticks[0]! : Infinity;
  }

  pop(): { tick: number; item: T } | undefined {
    if (this.items.length === 0) return undefined;
    const tick = this.ticks[0]!;
    const item = this.items[0]!;
    const last = this.items.length - 1;
    this.move(last, 0);
    this.ticks.pop();
    this.seqs.pop();
    this.items.pop();
    if (this.items.length > 0) this.siftDown(0);
    return { tick, item };
  }

  private less(a: number, b: number): boolean {
    const ta = this.ticks[a]!;
    const tb = this.ticks[b]!;
    return ta < tb || (ta === tb && this.seqs[a]! < this.seqs[b]!);
  }

  private siftUp(index: number): void {
    let i = index;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  private siftDown(index: number): void {
    let i = index;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < this.items.length && this.less(left, smallest)) smallest = left;
      if (right < this.items.length && this.less(right, smallest)) smallest = right;
      if (smallest === i) return;
      this.swap(i, smallest);
      i = smallest;
    }
  }

  private swap(a: number, b: number): void {
    [this.ticks[a], this.ticks[b]] = [this.ticks[b]!, this.ticks[a]!];
    [this.seqs[a], this.seqs[b]] = [this.seqs[b]!, this.seqs[a]!];
    [this.items[a], this.items[b]] = [this.items[b]!, this.items[a]!];
  }

  private move(from: number, to: number): void {
    this.ticks[to] = this.ticks[from]!;
    this.seqs[to] = this.seqs[from]!;
    this.items[to] = this.items[from]!;
  }
}
