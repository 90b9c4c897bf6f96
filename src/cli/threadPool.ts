/**
 * The command line's worker pool over `node:worker_threads`: `size` threads, each running a
 * TypeScript module that serves chunks with `serveChunks` (`threadChunks.ts`), scheduled by
 * `src/pool/jobPool.ts`, so results come back in job order, identical to one thread's.
 */
import { Worker } from 'node:worker_threads';
import { runJobPool, type PoolOptions, type PoolRun, type PoolWorker } from '../pool/jobPool';
import type { ChunkReply, ChunkRequest } from './threadChunks';

const tsThread = new URL('./tsThread.mjs', import.meta.url);

export class ThreadPool<Job, Result> {
  private readonly threads: Thread<Job, Result>[];

  /**
   * @param entry the thread module (a file URL), which calls `serveChunks`
   * @param data what every thread gets as its `threadData()` (options, not jobs)
   */
  constructor(entry: URL, data: unknown, readonly size: number) {
    if (!Number.isSafeInteger(size) || size < 1) throw new Error(`ThreadPool: size ${size} is not ≥ 1`);
    this.threads = Array.from({ length: size }, () => new Thread<Job, Result>(entry, data));
  }

  /** Runs `jobs` over the threads (see `runJobPool`). */
  run(jobs: readonly Job[], options?: PoolOptions<Result>): PoolRun<Result> {
    return runJobPool<Job, Result>(this.threads, jobs, options);
  }

  /** Stops every thread. */
  async close(): Promise<void> {
    await Promise.all(this.threads.map((thread) => thread.terminate()));
  }
}

/** One thread: a chunk at a time, its reply matched by token; an exit fails the chunk. */
class Thread<Job, Result> implements PoolWorker<Job, Result> {
  private readonly worker: Worker;
  private token = 0;
  private pending: { token: number; resolve: (r: Result[]) => void; reject: (e: Error) => void } | null = null;

  constructor(entry: URL, data: unknown) {
    this.worker = new Worker(tsThread, { workerData: { entry: entry.href, data } });
    this.worker.unref();
    this.worker.on('message', (reply: ChunkReply<Result>) => this.settle(reply));
    this.worker.on('error', (error) => this.fail(error.message));
    this.worker.on('exit', (code) => this.fail(`the thread exited (code ${code})`));
  }

  run(jobs: readonly Job[]): Promise<Result[]> {
    const token = ++this.token;
    return new Promise<Result[]>((resolve, reject) => {
      this.pending = { token, resolve, reject };
      this.worker.ref();
      this.post({ kind: 'run', token, jobs: [...jobs] });
    });
  }

  cancel(): void {
    if (this.pending !== null) this.post({ kind: 'cancel', token: this.pending.token });
  }

  async terminate(): Promise<void> {
    await this.worker.terminate();
  }

  private post(request: ChunkRequest<Job>): void {
    this.worker.postMessage(request);
  }

  private settle(reply: ChunkReply<Result>): void {
    const pending = this.pending;
    if (pending === null || pending.token !== reply.token) return;
    this.pending = null;
    this.worker.unref();
    if (reply.kind === 'results') pending.resolve(reply.results);
    else pending.reject(new Error(reply.message));
  }

  private fail(message: string): void {
    const pending = this.pending;
    this.pending = null;
    pending?.reject(new Error(message));
  }
}
