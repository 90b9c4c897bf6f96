/**
 * The runs of a sweep (SPEC §4, §6) as a worker runs them: chunks of (xi, yi, seed) jobs of one
 * definition, each giving a `SweepRow`. Shared by the page's pool workers (`poolWorker.ts`) and
 * the command line's `node:worker_threads` (`src/cli/sweepThread.ts`), so the page and
 * `npm run sweep` compute the same rows with the same code.
 */
import { SweepRunner, type SweepDefinition, type SweepJob, type SweepRow } from '../core/sim/sweep';
import type { ChunkControl } from './batchJobs';

export type { SweepDefinition, SweepJob, SweepRow };

/** One runner per definition, so a worker validates each cell once however many chunks it runs. */
let cached: { key: string; runner: SweepRunner } | null = null;

function runnerFor(definition: SweepDefinition): SweepRunner {
  const key = JSON.stringify(definition);
  if (cached === null || cached.key !== key) cached = { key, runner: new SweepRunner(definition) };
  return cached.runner;
}

/**
 * Runs `jobs` in order and returns their rows; stops early, with the rows so far, once
 * `control.cancelled()` says so. Expects a definition `parseSweep` accepted.
 */
export async function runSweepJobs(
  definition: SweepDefinition,
  jobs: readonly SweepJob[],
  control: ChunkControl,
): Promise<SweepRow[]> {
  const runner = runnerFor(definition);
  const rows: SweepRow[] = [];
  for (const job of jobs) {
    if (control.cancelled()) break;
    rows.push(runner.run(job));
    await control.yieldToMessages();
  }
  return rows;
}
