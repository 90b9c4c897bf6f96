/**
 * Calls `onDeath` with why, in words, when a worker throws outside a call or sends a message
 * that cannot be read: both bridges restart the worker then (SPEC §9: worker failure).
 * `name` starts the sentence: "The simulation worker", "a pool worker".
 */
export function watchWorker(worker: Worker, name: string, onDeath: (reason: string) => void): void {
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    onDeath(`${name} stopped (${event.message || 'unknown error'})`);
  });
  worker.addEventListener('messageerror', () => onDeath(`${name} sent a message that could not be read`));
}

/** A thrown value as an Error, keeping its message. */
export function asError(error: unknown, fallback: string): Error {
  if (error instanceof Error) return error;
  return new Error(typeof error === 'string' ? error : fallback);
}
