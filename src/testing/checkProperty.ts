import fc from 'fast-check';
import { relative } from 'node:path';
import { expect } from 'vitest';

/**
 * Runs a fast-check property with a seed that a failure prints together with the one-line
 * command that replays it (STYLE: "a failing randomized test prints its seed"). Set FC_SEED to
 * replay; without it the seed changes every run, so repeated CI runs explore more cases.
 */
export function checkProperty<T>(property: fc.IProperty<T>, numRuns: number): void {
  const seed = process.env.FC_SEED === undefined ? Date.now() | 0 : Number(process.env.FC_SEED);
  try {
    fc.assert(property, { seed, numRuns });
  } catch (error) {
    const testPath = expect.getState().testPath;
    const file = testPath ? relative(process.cwd(), testPath) : '<this test file>';
    throw new Error(`property failed with seed=${seed}; replay: FC_SEED=${seed} npx vitest run ${file}\n${String(error)}`, {
      cause: error,
    });
  }
}
