import { availableParallelism } from 'node:os';
import { poolSize } from '../src/pool/jobPool';
import { preset } from '../src/core/sim/presets';
import { ThreadPool } from '../src/cli/threadPool';
import { batchJobs, runBatchJobs, type BatchJob, type SeedResult } from '../src/worker/batchJobs';
import { measure, round, type BenchResult } from './harness';

/** Runs per sample: enough that thread messages and chunk tails are a small share. */
const runsPerSample = 48;
/** Timed samples and untimed warmups per figure. */
const options = { samples: 3, warmup: 1 };
const batchThread = new URL('../src/cli/batchThread.ts', import.meta.url);

/**
 * The batch throughput of `byzantine-tamper` (SPEC §8: ≥ 25 runs/s per worker, ≥ 100/s
 * across a pool on 4 cores) in this thread, on one worker thread and on the pool
 * (`poolSize` threads, and 2 threads when that is 1, to show the scaling on 2 cores).
 * Threads start before the timing; each sample runs new seeds.
 */
export async function run(): Promise<BenchResult[]> {
  const spec = { scenario: preset('byzantine-tamper').scenario };
  let firstSeed = 1000;
  const nextSeeds = () => Array.from({ length: runsPerSample }, () => firstSeed++);
  const inline = await withCpu(() => measure('pool: byzantine-tamper, 48 runs in this thread', () =>
    runBatchJobs(spec, batchJobs(nextSeeds()), { cancelled: () => false, yieldToMessages: async () => undefined }),
  options));
  const results: BenchResult[] = [withRate(inline, null)];
  const sizes = [...new Set([1, poolSize(availableParallelism()), 2])].sort((a, b) => a - b);
  let oneThreadMs: number | null = null;
  for (const size of sizes) {
    const pool = new ThreadPool<BatchJob, SeedResult>(batchThread, spec, size);
    try {
      const name = `pool: byzantine-tamper, 48 runs on ${size} worker thread${size === 1 ? '' : 's'}`;
      const result = await withCpu(() => measure(name, () => pool.run(batchJobs(nextSeeds())).outcome, options));
      oneThreadMs ??= result.medianMs;
      results.push(withRate(result, size === 1 ? null : oneThreadMs));
    } finally {
      await pool.close();
    }
  }
  return results;
}

/**
 * Adds the process's CPU time per run (every thread, warmup included) to a figure. Policy:
 * on a machine shared with other work the wall-clock rate says little; CPU ms per run does
 * not depend on the load, and 1000 / it is the rate one idle core would give.
 */
async function withCpu(timed: () => Promise<BenchResult>): Promise<BenchResult> {
  const before = process.cpuUsage();
  const result = await timed();
  const { user, system } = process.cpuUsage(before);
  const runs = runsPerSample * (options.samples + options.warmup);
  const cpuMsPerRun = round((user + system) / 1000 / runs, 1);
  return { ...result, extra: { cpuMsPerRun, runsPerCpuSecond: round(1000 / cpuMsPerRun, 1) } };
}

function withRate(result: BenchResult, oneThreadMs: number | null): BenchResult {
  const runsPerSecond = round((runsPerSample * 1000) / result.medianMs, 1);
  const extra: Record<string, number | string> = { runsPerSecond, ...result.extra, targetRunsPerSecondPerWorker: 25 };
  if (oneThreadMs !== null) extra.speedupOverOneThread = round(oneThreadMs / result.medianMs, 2);
  return { ...result, extra };
}
