/**
 * The API of a pool worker (`poolWorker.ts`): runs chunks of batch and sweep jobs for the
 * page's worker pool (`src/app/bridge/WorkerPool.ts`). The app imports only types from here.
 */
import type { BatchJob, BatchSpec, SeedResult } from './batchJobs';

export type { BatchJob, BatchSpec, SeedResult };

export interface PoolWorkerApi {
  /**
   * Runs `jobs` in order; resolves with one result per job, or with the first ones only when
   * `cancel(token)` arrived meanwhile. Throws when a sweep value is not a valid scenario.
   */
  runJobs(spec: BatchSpec, jobs: BatchJob[], token: number): Promise<SeedResult[]>;
  /** Stops the chunk started with `token` after its current run. */
  cancel(token: number): void;
}
