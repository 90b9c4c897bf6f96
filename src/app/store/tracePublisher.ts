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

  constructor(private readonly publish: (frontier: number) => void, private readonly now = () => performance.now()) {}

  /** Publishes when due; true once something has been published. */
  due(eventCount: number, frontier: number, urgent = true): boolean {
    const intervalMs = Math.max(urgent ? publishIntervalMs : idleIntervalMs, eventCount / 2_000);
    if (frontier < 0 || this.now() - this.lastMs < intervalMs) return this.lastMs > -Infinity;
    this.lastMs = this.now();
    this.publish(frontier);
    return true;
  }
}

/** The shortest wall time between two hand-overs of the growing trace to the panels. */
export const publishIntervalMs = 120;
/** The same while the cursor has plenty of simulated ticks ahead of it. */
export const idleIntervalMs = 1_000;
/** Playback seconds left before the frontier under which the cursor needs more trace. */
export const lookaheadSeconds = 2;
