import { describe, expect, it } from 'vitest';
import { runScenario } from '../runScenario';
import { checkRun } from './checkRun';
import { exhaustiveSpace, partitionOptionCount } from './exhaustiveSpace';
import { randomScenario, resonanceFaultKinds } from './randomScenario';
import { unsafeSwitchTargets, withUnsafeSwitch, type UnsafeSwitchName } from './unsafeSwitch';

/**
 * The checker's self-test (SPEC §9): with one safety rule switched off, the search must find
 * the invariant that rule protects broken within a small budget of random seeds. The long
 * budgets (every switch, the exhaustive space) run in `npm run hunt:ci`.
 */
function firstSeedBreaking(name: UnsafeSwitchName, seedsMax: number, seedMin = 1): number | null {
  const target = unsafeSwitchTargets[name];
  for (let seed = seedMin; seed <= seedsMax; seed++) {
    const hunt = withUnsafeSwitch(randomScenario(seed), name);
    const verdict = checkRun(hunt, runScenario(hunt.scenario));
    if (verdict.violations.some((violation) => violation.invariant === target)) return seed;
  }
  return null;
}

describe('hunt self-test', () => {
  // Each budget is a little above the first seed that breaks the target today (centroid 4,
  // seal 6, trim 16), so the test fails if a switch stops breaking anything.
  it.each([
    ['centroid', 10, 'validity: a biased agent drags the plain mean out of the honest box'],
    ['seal', 12, 'validity: a tampered or forged record counts once the seal checks are off'],
    ['trim', 24, 'validity: trimming by arrivals leaves a biased extreme in'],
  ] as const)('finds the violation of unsafe %s within %i seeds (%s)', (name, seedsMax, _why) => {
    expect(firstSeedBreaking(name, seedsMax)).not.toBeNull();
  }, 120_000);

  it('finds an honest agent quarantined with the proof check off, within 8 seeds', () => {
    // Seed 5 today: a forged accusation nobody checks is approved. Replay:
    // npm run --silent hunt -- --seeds 5..5 --unsafe proofCheck
    expect(firstSeedBreaking('proofCheck', 8)).not.toBeNull();
  }, 60_000);

  it('finds an agreement violation with unsafe membership within 25 seeds', () => {
    // Seed 17 on today's engine: a partition's side of 4 commits with n taken from the
    // records present. Replay: npm run --silent hunt -- --seeds 17..17 --unsafe membership
    expect(firstSeedBreaking('membership', 25)).not.toBeNull();
  }, 60_000);

  it('finds an agreement violation with the lock off and its companion, the reference view change', () => {
    // The first of seeds 1..400 that forks today is 103: lost commit votes leave one replica
    // committed, and with no certificate handed on a new leader's fresh value commits at the
    // others. Replay: npm run --silent hunt -- --seeds 103..103 --unsafe lock
    expect(firstSeedBreaking('lock', 105, 100)).toBe(103);
  }, 60_000);

  it('finds the reference view change stalling after a heal in the exhaustive space, and not without it', () => {
    // Index 3045 (n = 4): the random seeds that broke it first all drop messages, where the
    // liveness monitor does not judge. Replay: npm run --silent hunt -- --exhaustive and the index.
    const index = 3045;
    const stalled = exhaustiveSpace({ n: 4, unsafe: 'viewChange' }).scenarioAt(index);
    const broken = checkRun(stalled, runScenario(stalled.scenario)).violations.map((v) => v.invariant);
    expect(broken).toContain('liveness-after-heal');
    const safe = exhaustiveSpace({ n: 4 }).scenarioAt(index);
    expect(checkRun(safe, runScenario(safe.scenario)).violations).toEqual([]);
  }, 60_000);

  it('finds an agreement violation with unsafe quorum 2f+1 in the exhaustive space', () => {
    // Random seeds take long here (the first fork is seed 365, about 70 s of search), but
    // at n = 5 an equivocating leader a0 forks 2f+1 = 3 quorums with no partition at all.
    const space = exhaustiveSpace({ n: 5, unsafe: 'quorum' });
    const equivocate = resonanceFaultKinds.indexOf('equivocate');
    const block = space.firstIndex + (1 + equivocate * 5) * partitionOptionCount(5);
    const found = Array.from({ length: 5 }, (_, offset) => block + offset).filter((index) => {
      const hunt = space.scenarioAt(index);
      const verdict = checkRun(hunt, runScenario(hunt.scenario));
      return verdict.violations.some((violation) => violation.invariant === 'agreement');
    });
    expect(found).toContain(block);
  }, 60_000);
});
