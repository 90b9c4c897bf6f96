/**
 * Programmer-error checks. A failed assertion means the code is wrong, not the input:
 * untrusted input is rejected with a Result or a clear Error before it reaches an assert.
 */
export class AssertionError extends Error {
  override name = 'AssertionError';
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new AssertionError(message);
}

/** Ends every switch over a closed union, so a new member fails to compile. */
export function exhaustive(value: never): never {
  throw new AssertionError(`unexpected value: ${JSON.stringify(value)}`);
}
