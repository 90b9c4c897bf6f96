import { canonicalJson } from '../../canonicalJson';
import { sha256Stream, type Sha256Stream } from '../../crypto';
import type { SimEvent } from './traceEvents';

/**
 * `traceHash` = sha256 hex of the canonical JSON of the event list (SPEC §2). Events are
 * quantised when they are recorded, so the hash never depends on the last bit of a float.
 */
export function traceHash(events: readonly SimEvent[]): string {
  const hasher = new TraceHasher();
  for (const event of events) hasher.add(event);
  return hasher.hex();
}

/**
 * The same hash, fed one event at a time, as a JSON array would join them. Policy: never one
 * string of the whole trace: at n = 1000 the trace is hundreds of megabytes of JSON.
 */
export class TraceHasher {
  private readonly stream: Sha256Stream = sha256Stream();
  private count = 0;

  /** Events hashed so far. */
  get eventCount(): number {
    return this.count;
  }

  /** Hashes one more event; returns the length of its canonical JSON (its size on the wire). */
  add(event: SimEvent): number {
    const json = canonicalJson(event);
    this.stream.update((this.count === 0 ? '[' : ',') + json);
    this.count += 1;
    return json.length;
  }

  /** The hash of the events added so far (call once, at the end). */
  hex(): string {
    if (this.count === 0) this.stream.update('[');
    this.stream.update(']');
    return this.stream.hex();
  }
}
