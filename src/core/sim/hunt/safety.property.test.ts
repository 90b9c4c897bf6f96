import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../runScenario';
import { checkRun, safetyInvariants } from './checkRun';
import { randomScenario, withAccountability } from './randomScenario';

/**
 * SPEC §9 as a property over the random fault space: with at most f faulty agents of every
 * kind, random latency, drops and healing partitions, agreement, validity and certified
 * commits always hold, and with no drops every round is decided. fast-check prints the
 * failing hunt seed; replay it with `npm run --silent hunt -- --seeds N..N`, which prints the
 * share link.
 */
const huntSeed = fc.integer({ min: 0, max: 2 ** 32 - 1 });

describe('ResonanceBFT over random scenarios', () => {
  it('keeps agreement, validity and certified commits, and decides every round', () => {
    fc.assert(
      fc.property(huntSeed, (seed) => {
        const hunt = randomScenario(seed);
        const verdict = checkRun(hunt, runScenario(hunt.scenario));
        const broken = verdict.violations.filter(
          (violation) =>
            (safetyInvariants as readonly string[]).includes(violation.invariant) ||
            violation.invariant === 'liveness',
        );
        expect(broken, `hunt seed ${seed}`).toEqual([]);
      }),
      // Policy: no shrinking. A smaller seed is a different scenario, not a smaller one, so
      // shrinking would only swap the counterexample for another, slower to find.
      { numRuns: 40, endOnFailure: true },
    );
  }, 120_000);

  it('with accountability and forged accusations: no honest agent quarantined, every holding proof acted on', () => {
    fc.assert(
      fc.property(huntSeed, (seed) => {
        const hunt = withAccountability(randomScenario(seed));
        const verdict = checkRun(hunt, runScenario(hunt.scenario));
        expect(verdict.violations, `hunt seed ${seed} (--accountability)`).toEqual([]);
      }),
      { numRuns: 30, endOnFailure: true },
    );
  }, 120_000);
});
