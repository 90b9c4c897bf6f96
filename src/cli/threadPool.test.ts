import { describe, expect, it } from 'vitest';
import { PoolError } from '../pool/jobPool';
import { preset } from '../core/sim/presets';
import { batchJobs, runBatchJobs, sweepJobs, type BatchJob, type BatchSpec, type SeedResult } from '../worker/batchJobs';
import { ThreadPool } from './threadPool';

const batchThread = new URL('./batchThread.ts', import.meta.url);
const tamper = preset('byzantine-tamper').scenario;
const seeds = Array.from({ length: 8 }, (_, i) => 100 + i);

/** Runs `jobs` of `spec` on `size` worker threads and closes them. */
async function onThreads(spec: BatchSpec, jobs: BatchJob[], size: number) {
  const pool = new ThreadPool<BatchJob, SeedResult>(batchThread, spec, size);
  try {
    return await pool.run(jobs, { chunkSize: 2 }).outcome;
  } finally {
    await pool.close();
  }
}

const inThisThread = { cancelled: () => false, yieldToMessages: async () => undefined };

describe('worker_threads pool', () => {
  it('gives byzantine-tamper seeds 100..107 the same results on 1 and 2 threads as in this one', async () => {
    const spec = { scenario: tamper };
    const expected = await runBatchJobs(spec, batchJobs(seeds), inThisThread);
    const [one, two] = await Promise.all([onThreads(spec, batchJobs(seeds), 1), onThreads(spec, batchJobs(seeds), 2)]);
    expect(one.results).toEqual(expected);
    expect(two.results).toEqual(expected);
    expect(two.results.map((run) => run.seed)).toEqual(seeds);
    expect(new Set(expected.map((run) => run.traceHash)).size).toBe(seeds.length);
  }, 120_000);

  it('reports a sweep value the schema refuses, naming the thread, the jobs and the value', async () => {
    const spec = { scenario: tamper, param: 'n', values: [7, 2] };
    const error = await onThreads(spec, sweepJobs(2, [1, 2]), 2).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(PoolError);
    expect((error as Error).message).toMatch(/^worker \d failed on jobs 2\.\.3: sweep n = 2: /);
  }, 120_000);

  it('stops on cancel with the runs finished so far', async () => {
    const pool = new ThreadPool<BatchJob, SeedResult>(batchThread, { scenario: tamper }, 2);
    try {
      const run = pool.run(batchJobs(Array.from({ length: 200 }, (_, i) => i)), {
        chunkSize: 4,
        onProgress: (done) => {
          if (done >= 4) run.cancel();
        },
      });
      const outcome = await run.outcome;
      expect(outcome.cancelled).toBe(true);
      expect(outcome.done).toBeLessThan(200);
      expect(outcome.results.map((result) => result.seed)).toEqual(outcome.jobIndices);
    } finally {
      await pool.close();
    }
  }, 120_000);
});
