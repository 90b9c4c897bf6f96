import type { EventQueue } from './EventQueue';

/** Events kept in one run; a run that would exceed it stops with `runEnded: stalled`. */
export const eventsMax = 2_000_000;

export type EndReason = 'completed' | 'maxTicks' | 'stalled';

/** What the discrete-event loop needs of an engine; both protocols' engines provide it. */
export interface LoopHost<I> {
  readonly queue: EventQueue<I>;
  readonly maxTicks: number;
  readonly eventCount: number;
  readonly finished: boolean;
  /** The tick of the next manual action (Infinity when none is left). */
  nextActionTick(): number;
  /** Moves the clock to `tick` and applies the manual actions due by then. */
  beginTick(tick: number): void;
  dispatch(item: I): void;
  /** After each processed item: monitors, and whether the run is complete. */
  afterItem(): void;
  finish(reason: EndReason): void;
}

/**
 * The loop both engines share (SPEC §5): take the next tick at which a queued item or a
 * manual action is due, apply the actions, process one item, let the monitors look; stop at
 * `tickMax` (to resume later), or end the run when nothing is left to happen ("stalled"), the
 * scenario's `maxTicks` is passed, or the trace reaches `eventsMax`.
 */
export function runEventLoop<I>(host: LoopHost<I>, tickMax: number): void {
  while (!host.finished) {
    const next = Math.min(host.queue.peekTick(), host.nextActionTick());
    if (next > tickMax) return;
    const pastMax = next !== Infinity && next > host.maxTicks;
    if (next === Infinity || pastMax || host.eventCount > eventsMax) {
      host.finish(pastMax ? 'maxTicks' : 'stalled');
      return;
    }
    host.beginTick(next);
    const item = host.queue.peekTick() === next ? host.queue.pop()!.item : null;
    if (item) host.dispatch(item);
    host.afterItem();
  }
}
