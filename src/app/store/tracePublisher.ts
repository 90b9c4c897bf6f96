/**
 * Decides when the growing trace is handed to the panels while the worker simulates. Policy:
 * at once for the first batch (the first frame); then, while the cursor is about to need more
 * (`urgent`), at most every `publishIntervalMs`, and otherwise (the cursor is far behind the
 * frontier, or paused) only every `idleIntervalMs`, to move the scrubber's end. Both intervals
 * stretch as the trace grows, so copying it and redrawing the panels stays a small share of the
 * main thread's time: each hand-over redraws every panel.
 */
export class TracePublisher {
  private lastMs = -Infinity;
  /** The event count at the last hand-over. */
  private lastCount = 0;

  constructor(private readonly publish: (frontier: number) => void, private readonly now = () => performance.now()) {}

  /**
   * Publishes when due (`eventCount`: the events received so far); true once something has
   * been published. Also due once `pendingEventsMax` events wait, whatever the interval.
   */
  due(eventCount: number, frontier: number, urgent = true): boolean {
    const intervalMs = Math.max(urgent ? publishIntervalMs : idleIntervalMs, eventCount / 2_000);
    const piledUp = eventCount - this.lastCount >= pendingEventsMax;
    if (frontier < 0 || (this.now() - this.lastMs < intervalMs && !piledUp)) return this.lastMs > -Infinity;
    this.lastMs = this.now();
    this.lastCount = eventCount;
    this.publish(frontier);
    return true;
  }
}

/**
 * Events that make a hand-over due however recent the last one. Policy: the events of a
 * hand-over join the trace index in one task, 1–2 µs each (every panel's section reads them);
 * at 100 agents a second of idle interval gathered 40,000–60,000 of them, one task of 50–80 ms
 * (SPEC §8: none over 50 ms during playback).
 */
export const pendingEventsMax = 15_000;

/** The shortest wall time between two hand-overs of the growing trace to the panels. */
export const publishIntervalMs = 120;
/** The same while the cursor has plenty of simulated ticks ahead of it. */
export const idleIntervalMs = 1_000;
/** Playback seconds left before the frontier under which the cursor needs more trace. */
export const lookaheadSeconds = 2;
