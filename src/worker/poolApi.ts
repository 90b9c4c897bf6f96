/**
 * The API of a pool worker (`poolWorker.ts`): runs chunks of batch and sweep jobs for the
 * page's worker pool (`src/app/bridge/WorkerPool.ts`). The app imports only types from here.
 */
import type { BatchJob, BatchSpec, SeedResult } from './batchJobs';
import type { ExploreApi } from './exploreApi';
import type { SweepDefinition, SweepJob, SweepRow } from './sweepJobs';

export type { BatchJob, BatchSpec, SeedResult, SweepDefinition, SweepJob, SweepRow };
export type { GalleryExperiment, LinkText, PresetScenario, SweepCheck } from './exploreApi';
export type { SweepValue } from '../core/sim/sweep';

export interface PoolWorkerApi extends ExploreApi {
  /**
   * Runs `jobs` in order; resolves with one result per job, or with the first ones only when
   * `cancel(token)` arrived meanwhile. Throws when a sweep value is not a valid scenario.
   */
  runJobs(spec: BatchSpec, jobs: BatchJob[], token: number): Promise<SeedResult[]>;
  /** Runs `jobs` of a parsed sweep definition in order (see `runJobs`), one row per job. */
  runSweepJobs(definition: SweepDefinition, jobs: SweepJob[], token: number): Promise<SweepRow[]>;
  /** Stops the chunk started with `token` after its current run. */
  cancel(token: number): void;
}
