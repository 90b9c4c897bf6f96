import { describe, expect, it } from 'vitest';
import type { Scenario } from '../core/sim';
import { batchJobs, runBatchJobs, seedResult, sweepJobs } from './batchJobs';

const scenario: Scenario = { v: 1, seed: 1, protocol: 'resonance', n: 4, rounds: 1 };
const noYield = async () => undefined;

describe('batch jobs', () => {
  it('orders a sweep value by value, seed by seed', () => {
    expect(sweepJobs(2, [5, 6])).toEqual([
      { seed: 5, valueIndex: 0 }, { seed: 6, valueIndex: 0 }, { seed: 5, valueIndex: 1 }, { seed: 6, valueIndex: 1 },
    ]);
    expect(batchJobs([3])).toEqual([{ seed: 3 }]);
  });

  it('gives each seed the result of running the scenario with that seed', async () => {
    const results = await runBatchJobs({ scenario }, batchJobs([1, 2]), { cancelled: () => false, yieldToMessages: noYield });
    expect(results).toEqual([seedResult({ ...scenario, seed: 1 }), seedResult({ ...scenario, seed: 2 })]);
    expect(results[0]).toMatchObject({ seed: 1, committed: 1, aborted: 0, invariantsFailed: [] });
    expect(results[0]!.commitTickLast).toBeGreaterThan(0);
  });

  it('stops when cancelled, keeping the runs finished before', async () => {
    let runs = 0;
    const control = { cancelled: () => runs >= 1, yieldToMessages: async () => void (runs += 1) };
    expect(await runBatchJobs({ scenario }, batchJobs([1, 2, 3]), control)).toHaveLength(1);
  });

  it('runs a sweep value as its own scenario and names a value the schema refuses', async () => {
    const spec = { scenario, param: 'rounds', values: [2, 0] };
    const control = { cancelled: () => false, yieldToMessages: noYield };
    const [two] = await runBatchJobs(spec, sweepJobs(1, [1]), control);
    expect(two!.committed + two!.aborted).toBe(2);
    await expect(runBatchJobs(spec, [{ seed: 1, valueIndex: 1 }], control)).rejects.toThrow(/^sweep rounds = 0: /);
  });
});
