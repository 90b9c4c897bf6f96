import { describe, expect, it } from 'vitest';
import { chunkSizeFor, poolSize, PoolError, runJobPool, type PoolWorker } from './jobPool';

/** A worker that squares numbers after a delay of `delayMs(job)`, one job at a time. */
function fakeWorker(delayMs: (job: number) => number = () => 0): PoolWorker<number, number> & {
  chunks: number[][];
} {
  let cancelled = false;
  const chunks: number[][] = [];
  return {
    chunks,
    async run(jobs) {
      cancelled = false;
      chunks.push([...jobs]);
      const results: number[] = [];
      for (const job of jobs) {
        if (cancelled) break;
        await new Promise((resolve) => setTimeout(resolve, delayMs(job)));
        results.push(job * job);
      }
      return results;
    },
    cancel() {
      cancelled = true;
    },
  };
}

const range = (count: number) => Array.from({ length: count }, (_, i) => i);

describe('job pool', () => {
  it('returns results in job order whichever worker finishes first', async () => {
    const slow = fakeWorker((job) => (job % 3 === 0 ? 6 : 0));
    const fast = fakeWorker();
    const { outcome } = runJobPool([slow, fast], range(23), { chunkSize: 2 });
    const result = await outcome;
    expect(result.results).toEqual(range(23).map((job) => job * job));
    expect(result).toMatchObject({ cancelled: false, done: 23, total: 23 });
    expect(fast.chunks.length).toBeGreaterThan(0);
    expect(slow.chunks.length).toBeGreaterThan(0);
  });

  it('gives the same results with one worker and with three', async () => {
    const one = await runJobPool([fakeWorker()], range(40)).outcome;
    const three = await runJobPool([fakeWorker(), fakeWorker(() => 1), fakeWorker()], range(40)).outcome;
    expect(three.results).toEqual(one.results);
  });

  it('reports progress up to the total and hands results over in job order', async () => {
    const progress: number[] = [];
    const order: number[] = [];
    const run = runJobPool([fakeWorker((job) => (job < 4 ? 5 : 0)), fakeWorker()], range(12), {
      chunkSize: 3,
      onProgress: (done, total) => {
        expect(total).toBe(12);
        progress.push(done);
      },
      onResult: (index, result) => {
        expect(result).toBe(index * index);
        order.push(index);
      },
    });
    await run.outcome;
    expect(progress.at(-1)).toBe(12);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(order).toEqual(range(12));
  });

  it('stops on cancel and resolves with the partial results, marked cancelled', async () => {
    const workers = [fakeWorker(() => 3), fakeWorker(() => 3)];
    let run: ReturnType<typeof runJobPool<number, number>> | null = null;
    run = runJobPool(workers, range(100), {
      chunkSize: 4,
      onProgress: (done) => {
        if (done >= 8) run?.cancel();
      },
    });
    const result = await run.outcome;
    expect(result.cancelled).toBe(true);
    expect(result.done).toBeLessThan(100);
    expect(result.results).toHaveLength(result.done);
    expect(result.results).toEqual(result.jobIndices.map((job) => job * job));
    const dispatched = workers.flatMap((worker) => worker.chunks).length;
    expect(dispatched).toBeLessThan(100 / 4);
  });

  it('reports a worker error naming the worker and jobs, after the others stop', async () => {
    const broken: PoolWorker<number, number> = {
      run: async (jobs) => {
        if (jobs.includes(9)) throw new Error('engine assertion failed');
        return jobs.map((job) => job * job);
      },
      cancel: () => undefined,
    };
    const run = runJobPool([fakeWorker(() => 1), broken], range(30), { chunkSize: 3 });
    const error = await run.outcome.catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(PoolError);
    expect((error as PoolError).message).toMatch(/^worker 2 failed on jobs 9\.\.11: engine assertion failed$/);
    const { partial } = error as PoolError<number>;
    expect(partial.cancelled).toBe(false);
    expect(partial.results).toEqual(partial.jobIndices.map((job) => job * job));
  });

  it('refuses a chunk that comes back short when nobody cancelled it', async () => {
    const lossy: PoolWorker<number, number> = { run: async (jobs) => jobs.slice(1), cancel: () => undefined };
    await expect(runJobPool([lossy], range(4)).outcome).rejects.toThrow(/returned 0 results for 1 jobs/);
  });

  it('resolves at once with nothing to do', async () => {
    expect(await runJobPool([fakeWorker()], []).outcome).toEqual({
      cancelled: false, done: 0, total: 0, results: [], jobIndices: [],
    });
  });

  it('keeps no results when asked not to, still handing each one over', async () => {
    const seen: number[] = [];
    const run = runJobPool([fakeWorker()], range(10), { keepResults: false, onResult: (_, r) => seen.push(r) });
    expect((await run.outcome).results).toEqual([]);
    expect(seen).toEqual(range(10).map((job) => job * job));
  });

  it('sizes the pool one worker per core minus one, at least one', () => {
    expect([poolSize(1), poolSize(2), poolSize(4), poolSize(undefined), poolSize(0)]).toEqual([1, 1, 3, 1, 1]);
  });

  it('chunks small batches finely and large ones at most eight jobs a message', () => {
    expect(chunkSizeFor(20, 1)).toBe(5);
    expect(chunkSizeFor(20, 3)).toBe(2);
    expect(chunkSizeFor(5000, 3)).toBe(8);
    expect(chunkSizeFor(1, 8)).toBe(1);
  });
});
