import { describe, expect, it } from 'vitest';
import type { SeedResult } from '../../worker/poolApi';
import { secondsLeft, seedsSummary } from './seedsSummary';

function run(seed: number, extra: Partial<SeedResult> = {}): SeedResult {
  return {
    seed, traceHash: 'h', committed: 5, aborted: 0, viewChanges: 0, ticks: 120,
    commitTickLast: 100, invariantsFailed: [], ...extra,
  };
}

describe('seeds summary', () => {
  it('counts runs with a red invariant, by invariant, and lists their seeds', () => {
    const summary = seedsSummary([
      run(1),
      run(2, { invariantsFailed: ['agreement', 'validity'] }),
      run(3, { invariantsFailed: ['agreement'] }),
    ]);
    expect(summary.runsWithViolation).toBe(2);
    expect(summary.invariants).toEqual([{ name: 'agreement', runs: 2 }, { name: 'validity', runs: 1 }]);
    expect(summary.violatingSeeds).toEqual([2, 3]);
  });

  it('shares rounds committed and averages ticks per commit over runs that committed', () => {
    const summary = seedsSummary([
      run(1, { committed: 4, aborted: 1, commitTickLast: 80, viewChanges: 2 }),
      run(2, { committed: 0, aborted: 5, commitTickLast: null }),
    ]);
    expect([summary.roundsCommitted, summary.rounds]).toEqual([4, 10]);
    expect(summary.ticksPerCommitMean).toBe(20);
    expect(summary.viewChangesMean).toBe(1);
  });

  it('has no estimate of time left before the first run finishes', () => {
    expect(secondsLeft(0, 100, 500)).toBeNull();
    expect(secondsLeft(25, 100, 1000)).toBe(3);
  });
});
