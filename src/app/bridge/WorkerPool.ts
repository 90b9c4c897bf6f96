import { wrap, type Remote } from 'comlink';
import { asError, watchWorker } from './watchWorker';
import type {
  BatchJob, BatchSpec, PoolWorkerApi, SeedResult, SweepDefinition, SweepJob, SweepRow,
} from '../../worker/poolApi';
import type { Scenario } from '../../worker/api';
import {
  poolSize, runJobPool, type PoolOptions, type PoolRun, type PoolWorker,
} from '../../pool/jobPool';

export type { PoolOptions, PoolOutcome, PoolRun } from '../../pool/jobPool';
export { PoolError } from '../../pool/jobPool';

/**
 * The page's worker pool for batch runs and sweeps (SPEC §5, §8): `size` Web Workers
 * (`src/worker/poolWorker.ts`), apart from the simulation worker, so the simulator stays
 * responsive while they run. The scheduling is `src/pool/jobPool.ts`; this class only
 * starts the workers, carries chunks to them with comlink and restarts one that dies.
 * Workers start on the first run and are kept for the next.
 */
export class WorkerPool {
  private slots: PoolSlot[] = [];
  private current: PoolRun<unknown> | null = null;

  constructor(
    /** Workers in the pool: one per core minus one, at least one. */
    readonly size = poolSize(globalThis.navigator?.hardwareConcurrency),
    private readonly createWorker: () => Worker = defaultPoolWorker,
  ) {}

  /** Runs `scenario` under each seed; results in seed order. */
  batch(scenario: Scenario, seeds: readonly number[], options?: PoolOptions<SeedResult>): PoolRun<SeedResult> {
    return this.run({ scenario }, seeds.map((seed) => ({ seed })), options);
  }

  /**
   * Runs each value of the dotted field `param` under each seed; results value by value,
   * seed by seed (the result of value i and seed j is at i × seeds.length + j).
   */
  sweep(
    scenario: Scenario,
    param: string,
    values: readonly unknown[],
    seeds: readonly number[],
    options?: PoolOptions<SeedResult>,
  ): PoolRun<SeedResult> {
    const jobs = values.flatMap((_, valueIndex) => seeds.map((seed) => ({ seed, valueIndex })));
    return this.run({ scenario, param, values: [...values] }, jobs, options);
  }

  /**
   * Runs the (xi, yi, seed) jobs of a parsed sweep definition (SPEC §4); rows in job order.
   * Policy: one run at a time across batches and sweeps, as for `batch`.
   */
  sweepRuns(definition: SweepDefinition, jobs: readonly SweepJob[], options?: PoolOptions<SweepRow>): PoolRun<SweepRow> {
    return this.start((slot, chunk) => slot.runSweepJobs(definition, chunk), jobs, options);
  }

  /**
   * Asks the first pool worker something besides jobs (a sweep checked, a link made). It
   * answers between two runs when it is busy; rejects if the worker dies meanwhile.
   */
  ask<T>(invoke: (api: Remote<PoolWorkerApi>) => Promise<T>): Promise<T> {
    if (this.slots.length === 0) this.slots.push(new PoolSlot(this.createWorker));
    return this.slots[0]!.ask(invoke);
  }

  /** Stops the workers; a later run starts new ones. */
  dispose(): void {
    this.current?.cancel();
    for (const slot of this.slots) slot.terminate();
    this.slots = [];
  }

  /** Policy: one run at a time; a new run cancels the one in flight. */
  private run(spec: BatchSpec, jobs: BatchJob[], options?: PoolOptions<SeedResult>): PoolRun<SeedResult> {
    return this.start((slot, chunk) => slot.runJobs(spec, chunk), jobs, options);
  }

  private start<Job, Result>(
    runChunk: (slot: PoolSlot, chunk: readonly Job[]) => Promise<Result[]>,
    jobs: readonly Job[],
    options?: PoolOptions<Result>,
  ): PoolRun<Result> {
    this.current?.cancel();
    while (this.slots.length < this.size) this.slots.push(new PoolSlot(this.createWorker));
    const workers = this.slots.map((slot): PoolWorker<Job, Result> => ({
      run: (chunk) => runChunk(slot, chunk),
      cancel: () => slot.cancel(),
    }));
    const run = runJobPool(workers, jobs, options);
    this.current = run;
    return run;
  }
}

/** One pool worker: its comlink proxy, the chunk in flight, and a restart when it dies. */
class PoolSlot {
  private worker!: Worker;
  private api!: Remote<PoolWorkerApi>;
  private token = 0;
  private inFlight: { token: number; reject: (error: Error) => void } | null = null;
  private readonly asks = new Set<(error: Error) => void>();

  constructor(private readonly createWorker: () => Worker) {
    this.start();
  }

  runJobs(spec: BatchSpec, jobs: readonly BatchJob[]): Promise<SeedResult[]> {
    return this.chunk((token) => this.api.runJobs(spec, [...jobs], token));
  }

  runSweepJobs(definition: SweepDefinition, jobs: readonly SweepJob[]): Promise<SweepRow[]> {
    return this.chunk((token) => this.api.runSweepJobs(definition, [...jobs], token));
  }

  /** A call outside the chunks; rejected if the worker dies before it answers. */
  ask<T>(invoke: (api: Remote<PoolWorkerApi>) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.asks.add(reject);
      invoke(this.api).then(resolve, (error: unknown) => reject(asError(error, 'A pool worker failed.')))
        .finally(() => this.asks.delete(reject));
    });
  }

  private chunk<Result>(invoke: (token: number) => Promise<Result[]>): Promise<Result[]> {
    const token = ++this.token;
    return new Promise<Result[]>((resolve, reject) => {
      this.inFlight = { token, reject };
      invoke(token).then(resolve, (error: unknown) => reject(asError(error, 'A pool worker failed.')))
        .finally(() => {
          if (this.inFlight?.token === token) this.inFlight = null;
        });
    });
  }

  cancel(): void {
    if (this.inFlight !== null) void this.api.cancel(this.inFlight.token);
  }

  terminate(): void {
    this.worker.terminate();
  }

  private start(): void {
    this.worker = this.createWorker();
    watchWorker(this.worker, 'a pool worker', (reason) => this.restart(reason));
    this.api = wrap<PoolWorkerApi>(this.worker);
  }

  /** Rejects the chunk in flight (the pool reports it) and starts a fresh worker. */
  private restart(reason: string): void {
    this.worker.terminate();
    this.inFlight?.reject(new Error(reason));
    this.inFlight = null;
    for (const reject of this.asks) reject(new Error(reason));
    this.asks.clear();
    this.start();
  }
}

function defaultPoolWorker(): Worker {
  return new Worker(new URL('../../worker/poolWorker.ts', import.meta.url), { type: 'module', name: 'bft-lab-pool' });
}
