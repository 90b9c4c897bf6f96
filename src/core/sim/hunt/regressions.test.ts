import { describe, expect, it } from 'vitest';
import { runScenario } from '../runScenario';
import { checkRun } from './checkRun';
import { exhaustiveSpace } from './exhaustiveSpace';
import { randomScenario, withAccountability } from './randomScenario';
import type { HuntScenario } from './randomScenario';

/**
 * Every violation the fault-space search found, kept as a test (SPEC §9). Each name says what
 * broke and which engine fixed it; replay one with `npm run --silent hunt -- --seeds N..N` or
 * `npm run --silent hunt -- --exhaustive` and the index.
 */
const verdictOf = (hunt: HuntScenario) => checkRun(hunt, runScenario(hunt.scenario)).violations;

describe('violations the hunt found, fixed', () => {
  it.each([
    [473, 'agreement: lost commit votes, then a fresh value in a new view (reference view change)'],
    [1112, 'agreement: impersonate and forge under drops (reference view change)'],
    [1246615861, 'agreement: an equivocating leader, drops and a partition (reference view change)'],
    [1152992794, 'liveness: locked replicas refused every fresh value after the heal (reference view change)'],
    [28, 'liveness: a tamperer and a partition left round 3 undecided (reference view change)'],
    [4, 'liveness: every round decided, but a replica that fell behind never caught up'],
  ])('random seed %i (%s)', (seed) => {
    expect(verdictOf(randomScenario(seed))).toEqual([]);
  });

  it.each([
    [3576, 'agreement: n = 4, equivocating a3, split {1,2} in the prepare phase of view 0'],
    [18374, 'agreement: n = 5, equivocating a2, split {0,2} in the prepare phase of view 0'],
    [2786, 'liveness: a commit certificate lost to a partition was never sent again'],
    [6118, 'liveness: a laggard cut off by a partition never caught up after the heal'],
  ])('exhaustive index %i (%s)', (index) => {
    expect(verdictOf(exhaustiveSpace().scenarioAt(index))).toEqual([]);
  });
});

describe('liveness the hunt found, fixed by the growing view timeout', () => {
  it.each([
    [357, 'n = 12, latency 7–8: five hops never fit a 40-tick view, every view timed out'],
    [388, 'the same class at another seed'],
  ])('random seed %i (%s)', (seed) => {
    expect(verdictOf(randomScenario(seed))).toEqual([]);
  });
});

describe('accountability violations the hunt found, fixed', () => {
  it.each([
    [877, 'no-honest-quarantine: n = 4, drops lost both honest votes; the forger approved, the accused rejected, and a 1–1 tie passed the Council majority'],
    [1395, 'no-honest-quarantine: the same class at another seed'],
    [1762, 'no-honest-quarantine: the same class at another seed'],
  ])('random seed %i with --accountability (%s)', (seed) => {
    expect(verdictOf(withAccountability(randomScenario(seed)))).toEqual([]);
  });
});
