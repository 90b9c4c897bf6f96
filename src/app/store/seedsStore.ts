import { create } from 'zustand';
import type { Scenario } from '../../worker/api';
import type { SeedResult } from '../../worker/poolApi';
import { PoolError, WorkerPool, type PoolRun } from '../bridge/WorkerPool';
import { useRun } from './runStore';

/** Seeds a check can run: a quick look, the default, a thorough one. */
export const seedCountChoices = [20, 100, 500] as const;
export type SeedCount = (typeof seedCountChoices)[number];

export type SeedsStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

export interface SeedsState {
  seedCount: SeedCount;
  status: SeedsStatus;
  /** The scenario checked, its seed the first of the range; null before the first check. */
  scenario: Scenario | null;
  done: number;
  total: number;
  /** Wall time since the check started, in milliseconds, at the last progress report. */
  elapsedMs: number;
  /** Finished runs in seed order; partial (and kept) when the check was cancelled. */
  results: SeedResult[];
  error: string | null;
  workerCount: number;
  setSeedCount(count: SeedCount): void;
  /** Runs the current scenario under seeds seed .. seed + seedCount − 1 on the worker pool. */
  start(): Promise<void>;
  cancel(): void;
  /** Opens the checked scenario with `seed` in the simulator (a new address, a new run). */
  openSeed(seed: number): Promise<void>;
}

/**
 * "Check over seeds" (SPEC §5 batch): the current scenario over many seeds on the worker
 * pool, with progress, cancel and a summary. Its own store, beside the lab's, so the
 * simulator's state and this check never wait on each other; the page loads it (with its
 * dialog) only when the check is first opened.
 */
export const useSeeds = create<SeedsState>()((set, get) => {
  let pool: WorkerPool | null = null;
  let run: PoolRun<SeedResult> | null = null;

  return {
    seedCount: 100,
    status: 'idle',
    scenario: null,
    done: 0,
    total: 0,
    elapsedMs: 0,
    results: [],
    error: null,
    workerCount: 0,
    setSeedCount: (seedCount) => set({ seedCount }),

    async start() {
      const scenario = useRun.getState().scenario;
      if (scenario === null || get().status === 'running') return;
      pool ??= new WorkerPool();
      const total = get().seedCount;
      const seeds = Array.from({ length: total }, (_, i) => scenario.seed + i);
      const startedMs = performance.now();
      const results: SeedResult[] = [];
      set({ status: 'running', scenario, done: 0, total, elapsedMs: 0, results: [], error: null,
        workerCount: pool.size });
      run = pool.batch(scenario, seeds, {
        onResult: (_, result) => results.push(result),
        onProgress: (done) => set({ done, elapsedMs: performance.now() - startedMs, results: [...results] }),
      });
      try {
        const outcome = await run.outcome;
        const status = outcome.cancelled ? 'cancelled' : 'done';
        set({ status, results: outcome.results, done: outcome.done, elapsedMs: performance.now() - startedMs });
      } catch (error) {
        const kept = error instanceof PoolError ? (error.partial.results as SeedResult[]) : results;
        const message = error instanceof Error ? error.message : String(error);
        set({ status: 'failed', error: `The check stopped: ${message}`, results: kept });
      } finally {
        run = null;
      }
    },

    cancel: () => run?.cancel(),

    async openSeed(seed) {
      const { scenario } = get();
      if (scenario === null) return;
      await useRun.getState().applyScenario({ ...scenario, seed }, { simulate: true });
    },
  };
});
