import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../worker/api';
import { FakeWorker } from './FakeWorker';
import { PoolError, WorkerPool } from './WorkerPool';


const scenario = { v: 1, seed: 1, protocol: 'resonance', n: 4 } as Scenario;

describe('WorkerPool', () => {
  it('reports a pool worker that dies with the jobs it had, and starts a fresh one', async () => {
    const workers: FakeWorker[] = [];
    const pool = new WorkerPool(2, () => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker as unknown as Worker;
    });
    const run = pool.batch(scenario, [1, 2, 3, 4], { chunkSize: 2 });
    workers[1]!.die('out of memory');
    workers[0]!.die('out of memory too');
    const error = await run.outcome.catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(PoolError);
    expect((error as Error).message).toMatch(/^worker 2 failed on jobs 2\.\.3: a pool worker stopped \(out of memory\)$/);
    expect(workers.slice(0, 2).every((worker) => worker.terminated)).toBe(true);
    expect(workers).toHaveLength(4);
    pool.dispose();
    expect(workers.every((worker) => worker.terminated)).toBe(true);
  });

  it('has one worker per core minus one, at least one', () => {
    expect(new WorkerPool(undefined, () => new FakeWorker() as unknown as Worker).size).toBeGreaterThanOrEqual(1);
  });
});
