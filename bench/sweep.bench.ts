import { availableParallelism } from 'node:os';
import { ThreadPool } from '../src/cli/threadPool';
import { preset } from '../src/core/sim/presets';
import { parseSweep, sweepJobs, type SweepDefinition, type SweepJob, type SweepRow } from '../src/core/sim/sweep';
import { poolSize } from '../src/pool/jobPool';
import { runSweepJobs } from '../src/worker/sweepJobs';
import { measure, round, type BenchResult } from './harness';

/** One timed sample, no warmup: a whole sweep is long enough to time once. */
const options = { samples: 1, warmup: 0 };
const sweepThread = new URL('../src/cli/sweepThread.ts', import.meta.url);

/**
 * The benchmark sweep of issue 13: 10 × 10 cells (latency × commit threshold) with 5 seeds
 * each, 500 `byzantine-tamper` runs. `npm run bench -- explore` runs the same one in the page.
 */
export function benchSweep(): SweepDefinition {
  return {
    v: 1,
    name: 'bench: 10 × 10 × 5',
    base: preset('byzantine-tamper').scenario,
    x: { param: 'network.latency.1', values: Array.from({ length: 10 }, (_, i) => 2 + i) },
    y: { param: 'resonance.threshold', values: Array.from({ length: 10 }, (_, i) => round(0.3 + 0.05 * i, 2)) },
    seeds: 5,
  };
}

/**
 * `npm run bench -- sweep`: a 10 × 10 sweep with 5 seeds per cell (500 runs) of
 * `byzantine-tamper`-sized runs (7 agents, 5 rounds, two tamperers), across latency and the
 * commit threshold: in this thread, and on worker threads as `npm run sweep` runs it. Reports
 * runs/s per worker and the whole sweep's time.
 */
export async function run(): Promise<BenchResult[]> {
  const input = benchSweep();
  const parsed = parseSweep(input);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const definition = parsed.value;
  const jobs = sweepJobs(definition);
  const control = { cancelled: () => false, yieldToMessages: async () => undefined };
  const results: BenchResult[] = [];
  const inline = await withCpu(jobs.length, () => measure('sweep: 10 × 10 × 5 byzantine-tamper, this thread', () =>
    runSweepJobs(definition, jobs, control), options));
  results.push(withRate(inline, jobs.length, 1));
  const sizes = [...new Set([poolSize(availableParallelism()), 2])].sort((a, b) => a - b);
  for (const size of sizes) {
    const pool = new ThreadPool<SweepJob, SweepRow>(sweepThread, definition, size);
    try {
      const name = `sweep: 10 × 10 × 5 byzantine-tamper, ${size} worker thread${size === 1 ? '' : 's'}`;
      const result = await withCpu(jobs.length, () =>
        measure(name, () => pool.run(jobs, { keepResults: false }).outcome, options));
      results.push(withRate(result, jobs.length, size));
    } finally {
      await pool.close();
    }
  }
  return results;
}

/**
 * Adds the process's CPU time per run (every thread). Policy: on a machine shared with other
 * work the wall-clock rate says little; 1000 / cpuMsPerRun is the rate of one idle core.
 */
async function withCpu(runs: number, timed: () => Promise<BenchResult>): Promise<BenchResult> {
  const before = process.cpuUsage();
  const result = await timed();
  const { user, system } = process.cpuUsage(before);
  const cpuMsPerRun = round((user + system) / 1000 / runs, 1);
  return { ...result, extra: { cpuMsPerRun, runsPerCpuSecond: round(1000 / cpuMsPerRun, 1) } };
}

function withRate(result: BenchResult, runs: number, workers: number): BenchResult {
  const runsPerSecond = (runs * 1000) / result.medianMs;
  return {
    ...result,
    extra: {
      ...result.extra,
      runs,
      sweepSeconds: round(result.medianMs / 1000, 1),
      runsPerSecond: round(runsPerSecond, 1),
      runsPerSecondPerWorker: round(runsPerSecond / workers, 1),
    },
  };
}
