/**
 * Decides when the growing trace is handed to the panels while the worker simulates. Policy:
 * at once for the first batch (the first frame), then at most every `publishIntervalMs`,
 * stretched as the trace grows so copying it and redrawing the panels stays a small share of
 * the main thread's time.
 */
export class TracePublisher {
  private lastMs = -Infinity;

  constructor(private readonly publish: (frontier: number) => void, private readonly now = () => performance.now()) {}

  /** Publishes when due; true once something has been published. */
  due(eventCount: number, frontier: number): boolean {
    const intervalMs = Math.max(publishIntervalMs, eventCount / 2_000);
    if (frontier < 0 || this.now() - this.lastMs < intervalMs) return this.lastMs > -Infinity;
    this.lastMs = this.now();
    this.publish(frontier);
    return true;
  }
}

/** The shortest wall time between two hand-overs of the growing trace to the panels. */
export const publishIntervalMs = 120;
