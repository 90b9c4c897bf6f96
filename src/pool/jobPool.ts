/**
 * A pool of workers running independent, deterministic jobs in chunks (SPEC §5: batch and
 * sweep "with progress reporting and cancellation"). Each worker takes the next chunk as soon
 * as it is free, so a fast worker takes more; every result lands in its job's slot, so the
 * outcome is in job order and identical to one worker's however the chunks were scheduled.
 */

/** One worker as the pool sees it: runs one chunk at a time. */
export interface PoolWorker<Job, Result> {
  /**
   * Runs `jobs` in order and resolves with one result per job. After `cancel` it may resolve
   * early with the results of the first jobs only (a prefix).
   */
  run(jobs: readonly Job[]): Promise<Result[]>;
  /** Asks the chunk in flight to stop after its current job (best effort). */
  cancel(): void;
}

export interface PoolOptions<Result> {
  /** Jobs per message (default: `chunkSizeFor(total, workers)`). */
  chunkSize?: number;
  /** Called whenever a chunk's results arrive: jobs finished so far, of `total`. */
  onProgress?: (done: number, total: number) => void;
  /** Called once per result, in job order, as soon as every job before it has finished. */
  onResult?: (jobIndex: number, result: Result) => void;
  /**
   * Whether the outcome keeps the results (default true). Policy: a long search (`hunt`)
   * passes false and reads `onResult`, so memory stays bounded however many jobs it runs.
   */
  keepResults?: boolean;
}

export interface PoolOutcome<Result> {
  /** True when `cancel` stopped the run before every job had finished. */
  cancelled: boolean;
  /** Jobs finished, of `total`. */
  done: number;
  total: number;
  /** The finished jobs' results in job order (all of them unless cancelled). */
  results: Result[];
  /** The job index of each entry of `results`. */
  jobIndices: number[];
}

/** A run in progress: its outcome, and how to stop it. */
export interface PoolRun<Result> {
  /**
   * Resolves once every worker is idle: with every result, or, after `cancel`, with the
   * results collected so far (`cancelled: true`). Rejects with a `PoolError` naming the
   * worker and the jobs when a worker fails; the other workers are told to stop first.
   */
  outcome: Promise<PoolOutcome<Result>>;
  /** Stops dispatching chunks and tells busy workers to stop after their current job. */
  cancel(): void;
}

/** A worker's failure, with what the pool had collected before it. */
export class PoolError<Result = unknown> extends Error {
  constructor(
    message: string,
    readonly partial: PoolOutcome<Result>,
  ) {
    super(message);
    this.name = 'PoolError';
  }
}

/** Jobs in the largest chunk: about a third of a second of `byzantine-tamper` runs. */
export const chunkJobsMax = 8;
/** Chunks each worker gets at least, when there are jobs enough, so the load evens out. */
export const chunksPerWorkerMin = 4;

/** One worker per core minus one (the page or the main thread keeps one), at least one. */
export function poolSize(cores: number | undefined): number {
  const count = Number.isFinite(cores) ? Math.floor(cores!) : 1;
  return Math.max(1, count - 1);
}

/** Jobs per chunk: small enough to share the load, large enough that messages stay few. */
export function chunkSizeFor(total: number, workerCount: number): number {
  const even = Math.ceil(total / (Math.max(1, workerCount) * chunksPerWorkerMin));
  return Math.min(chunkJobsMax, Math.max(1, even));
}

/** Runs `jobs` over `workers` (see `PoolRun`); each worker runs one chunk at a time. */
export function runJobPool<Job, Result>(
  workers: readonly PoolWorker<Job, Result>[],
  jobs: readonly Job[],
  options: PoolOptions<Result> = {},
): PoolRun<Result> {
  if (workers.length === 0) throw new Error('runJobPool: needs at least one worker');
  const state = new PoolState<Job, Result>(jobs, workers.length, options);
  const outcome = Promise.all(workers.map((worker, i) => state.drive(worker, i))).then(() => {
    if (state.failure !== null) throw new PoolError(state.failure, state.outcome());
    return state.outcome();
  });
  return { outcome, cancel: () => state.stop() };
}

/** The bookkeeping of one run: the next job to hand out, the results, who is busy. */
class PoolState<Job, Result> {
  private next = 0;
  private done = 0;
  /** Results are delivered to `onResult` up to here (exclusive). */
  private delivered = 0;
  private stopped = false;
  private cancelledByUser = false;
  failure: string | null = null;
  private readonly slots: (Result | undefined)[];
  private readonly finished: Uint8Array;
  private readonly busy = new Set<PoolWorker<Job, Result>>();
  private readonly chunkSize: number;

  constructor(
    private readonly jobs: readonly Job[],
    workerCount: number,
    private readonly options: PoolOptions<Result>,
  ) {
    this.slots = new Array<Result | undefined>(jobs.length);
    this.finished = new Uint8Array(jobs.length);
    const size = options.chunkSize ?? chunkSizeFor(jobs.length, workerCount);
    if (!Number.isSafeInteger(size) || size < 1) throw new Error(`runJobPool: chunkSize ${size} is not ≥ 1`);
    this.chunkSize = size;
  }

  /** One worker's loop: take the next chunk until none is left or the run stops. */
  async drive(worker: PoolWorker<Job, Result>, workerIndex: number): Promise<void> {
    while (!this.stopped && this.next < this.jobs.length) {
      const first = this.next;
      const chunk = this.jobs.slice(first, first + this.chunkSize);
      this.next += chunk.length;
      this.busy.add(worker);
      try {
        const results = await worker.run(chunk);
        this.accept(first, chunk.length, results);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        const jobs = `jobs ${first}..${first + chunk.length - 1}`;
        this.fail(`worker ${workerIndex + 1} failed on ${jobs}: ${reason}`);
      } finally {
        this.busy.delete(worker);
      }
    }
  }

  /** Stops dispatching; busy workers are told to stop after their current job. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.cancelledByUser = this.failure === null;
    for (const worker of this.busy) worker.cancel();
  }

  outcome(): PoolOutcome<Result> {
    const results: Result[] = [];
    const jobIndices: number[] = [];
    if (this.options.keepResults !== false) {
      for (let i = 0; i < this.jobs.length; i++) {
        if (this.finished[i] === 0) continue;
        results.push(this.slots[i]!);
        jobIndices.push(i);
      }
    }
    const cancelled = this.cancelledByUser && this.done < this.jobs.length;
    return { cancelled, done: this.done, total: this.jobs.length, results, jobIndices };
  }

  private fail(message: string): void {
    this.failure ??= message;
    this.stop();
  }

  /** Files a chunk's results; a short chunk is only allowed once the run is stopping. */
  private accept(first: number, count: number, results: Result[]): void {
    const short = results.length < count && !this.stopped;
    if (results.length > count || short) {
      throw new Error(`returned ${results.length} results for ${count} jobs`);
    }
    results.forEach((result, i) => {
      this.slots[first + i] = result;
      this.finished[first + i] = 1;
    });
    this.done += results.length;
    this.options.onProgress?.(this.done, this.jobs.length);
    this.deliver();
  }

  /** Hands results to `onResult` in job order, as far as the finished prefix reaches. */
  private deliver(): void {
    const { onResult, keepResults } = this.options;
    while (this.delivered < this.jobs.length && this.finished[this.delivered] === 1) {
      onResult?.(this.delivered, this.slots[this.delivered]!);
      if (keepResults === false) this.slots[this.delivered] = undefined;
      this.delivered += 1;
    }
  }
}
