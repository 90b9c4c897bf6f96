import { describe, expect, it } from 'vitest';
import { runScenario } from '../runScenario';
import { checkRun } from './checkRun';
import { randomScenario } from './randomScenario';
import { unsafeSwitchTargets, withUnsafeSwitch, type UnsafeSwitchName } from './unsafeSwitch';

/**
 * The checker's self-test (SPEC §9): with one safety rule switched off, the search must find
 * the invariant that rule protects broken within a small budget of random seeds. The long
 * budgets (every switch, the exhaustive space) run in `npm run hunt:ci`.
 */
function firstSeedBreaking(name: UnsafeSwitchName, seedsMax: number): number | null {
  const target = unsafeSwitchTargets[name];
  for (let seed = 1; seed <= seedsMax; seed++) {
    const hunt = withUnsafeSwitch(randomScenario(seed), name);
    const verdict = checkRun(hunt, runScenario(hunt.scenario));
    if (verdict.violations.some((violation) => violation.invariant === target)) return seed;
  }
  return null;
}

describe('hunt self-test', () => {
  it('finds an agreement violation with unsafe membership within 25 seeds', () => {
    // Seed 17 on today's engine: a partition's side of 4 commits with n taken from the
    // records present. Replay: npm run --silent hunt -- --seeds 17..17 --unsafe membership
    expect(firstSeedBreaking('membership', 25)).not.toBeNull();
  }, 60_000);

  // TODO(issue 10): the first random seed that forks with quorum 2f+1 on today's engine is
  // 365 (a forging leader and a late crash at n = 11, drops 0.101), about 70 s of search:
  // too long for a unit test. `npm run hunt:ci` covers it; revisit when the engine changes.
  it.todo('finds an agreement violation with unsafe quorum 2f+1 within a small budget');
});
