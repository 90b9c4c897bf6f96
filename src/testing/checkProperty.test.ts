import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkProperty } from './checkProperty';

describe('checkProperty', () => {
  it('names the seed and the command that replays a failure', () => {
    expect(() => checkProperty(fc.property(fc.nat(), (x) => x < 0), 5)).toThrow(
      /property failed with seed=-?\d+; replay: FC_SEED=-?\d+ npx vitest run src\/testing\/checkProperty\.test\.ts/,
    );
  });
});
