import type { SimEvent } from '../core/sim/engine/traceEvents';
import { broadcastCopies } from '../core/sim/engine/broadcastCopies';
import { TraceHasher } from '../core/sim/engine/traceHash';
import { Folding, TickAggregate, type StreamEvent } from './streamEvents';

/**
 * Hands a growing core trace to the page in bounded batches. Every core event passes through
 * the hasher as it is read, so the hash the stream reports is computed from what was streamed,
 * independently of the run's own `traceHash`, and the store can check the two agree.
 *
 * With `aggregate` (large n) most messages are folded into one `messagesAggregated` event per
 * tick, sent after the tick's other events; a tick whose messages straddle two calls of a
 * stepped run gets two aggregates (consumers sum them).
 */
export class TraceStream {
  private readonly hasher = new TraceHasher();
  private readonly folding = new Folding();
  private readonly ready: StreamEvent[] = [];
  /** The JSON length of each `ready` event: a core event's is known from hashing it. */
  private readonly readySizes: number[] = [];
  private pending: TickAggregate | null = null;
  /** Core events read so far. */
  private read = 0;
  private streamedCount = 0;
  private hash: string | null = null;

  constructor(private readonly aggregate: boolean) {}

  /** Core events read (and hashed) so far. */
  get coreEventCount(): number {
    return this.read;
  }

  /** Stream events handed out so far. */
  get streamEventCount(): number {
    return this.streamedCount;
  }

  /** True once every event of `events` has been handed out. */
  drained(events: readonly SimEvent[]): boolean {
    return this.read === events.length && this.pending === null && this.ready.length === 0;
  }

  /** The next events of `events` whose JSON fits in `bytesMax` (at least one if any). */
  take(events: readonly SimEvent[], bytesMax: number): StreamEvent[] {
    const batch: StreamEvent[] = [];
    let bytes = 2;
    for (;;) {
      if (this.ready.length === 0) this.produce(events);
      if (this.ready.length === 0) break;
      const size = this.readySizes[0]! + 1;
      if (batch.length > 0 && bytes + size > bytesMax) break;
      batch.push(this.ready.shift()!);
      this.readySizes.shift();
      bytes += size;
    }
    this.streamedCount += batch.length;
    return batch;
  }

  /** The hash of the core events read, fixed at the first call: call it once `drained`. */
  traceHash(): string {
    this.hash ??= this.hasher.hex();
    return this.hash;
  }

  /** Reads core events until one stream event is ready or none are left to read. */
  private produce(events: readonly SimEvent[]): void {
    while (this.ready.length === 0 && this.read < events.length) {
      const event = events[this.read]!;
      this.read += 1;
      const size = this.hasher.add(event);
      if (this.aggregate && this.folding.folds(event)) {
        if (this.pending !== null && this.pending.t !== event.t) this.flush();
        this.pending ??= new TickAggregate(event.t);
        this.pending.add(event);
      } else {
        // An event of the same tick goes out at once; the tick's aggregate keeps growing.
        if (this.pending !== null && this.pending.t !== event.t) this.flush();
        this.push(event, size);
      }
    }
    // The engine may add more events at this tick later; what is read so far goes out now.
    if (this.read === events.length) this.flush();
  }

  /**
   * Policy: the page sees messages one by one below the aggregation threshold, so a broadcast
   * (one core event) goes out as its copies; the hash covered the broadcast itself.
   */
  private push(event: SimEvent, size: number): void {
    if (event.kind !== 'messageBroadcast') {
      this.ready.push(event);
      this.readySizes.push(size);
      return;
    }
    for (const copy of broadcastCopies(event)) {
      this.ready.push(copy);
      this.readySizes.push(JSON.stringify(copy).length);
    }
  }

  private flush(): void {
    if (this.pending === null) return;
    const aggregate = this.pending.finish();
    this.ready.push(aggregate);
    this.readySizes.push(JSON.stringify(aggregate).length);
    this.pending = null;
  }
}
