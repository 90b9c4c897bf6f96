/**
 * The jobs of a batch or a sweep (SPEC §5), as a worker runs them: each job is one seed, or
 * one (value, seed) cell of a sweep, and gives a compact `SeedResult`. Shared by the page's
 * pool workers (`poolWorker.ts`), the session's own `batch`, and the command line's
 * `node:worker_threads` (`src/cli/batchThread.ts`): plain TypeScript over the core.
 */
import { parseScenario, runScenario, type Scenario } from '../core/sim';
import { setPath } from './setPath';

/** One run of a batch, compact enough to send back thousands of. */
export interface SeedResult {
  seed: number;
  traceHash: string;
  committed: number;
  /** Rounds not committed (aborted, or decided that the records do not agree). */
  aborted: number;
  viewChanges: number;
  ticks: number;
  /** The tick of the run's last commit; null when nothing committed. */
  commitTickLast: number | null;
  invariantsFailed: string[];
}

/**
 * What every job of one batch shares: the scenario, and for a sweep the dotted field
 * (`resonance.threshold`) and its values. Sent once per chunk, not once per job.
 */
export interface BatchSpec {
  scenario: Scenario;
  param?: string;
  values?: unknown[];
}

/** One job: a seed, and for a sweep the index of the value in `BatchSpec.values`. */
export interface BatchJob {
  seed: number;
  valueIndex?: number;
}

/** How a worker runs a chunk: when to stop, and how to let a cancel message in. */
export interface ChunkControl {
  cancelled(): boolean;
  /** Lets the worker read queued messages (a cancel) between two runs. */
  yieldToMessages(): Promise<void>;
}

/** The jobs of `seeds` for a batch: one per seed, in order. */
export function batchJobs(seeds: readonly number[]): BatchJob[] {
  return seeds.map((seed) => ({ seed }));
}

/** The cells of a sweep: every seed of the first value, then of the next, and so on. */
export function sweepJobs(valueCount: number, seeds: readonly number[]): BatchJob[] {
  const jobs: BatchJob[] = [];
  for (let valueIndex = 0; valueIndex < valueCount; valueIndex++) {
    for (const seed of seeds) jobs.push({ seed, valueIndex });
  }
  return jobs;
}

/**
 * Runs `jobs` in order and returns their results; stops early, with the results so far,
 * once `control.cancelled()` says so. A sweep value the schema refuses throws, naming it.
 */
export async function runBatchJobs(
  spec: BatchSpec,
  jobs: readonly BatchJob[],
  control: ChunkControl,
): Promise<SeedResult[]> {
  const scenarios = new Map<number, Scenario>();
  const results: SeedResult[] = [];
  for (const job of jobs) {
    if (control.cancelled()) break;
    const scenario = scenarioOf(spec, job.valueIndex, scenarios);
    results.push(seedResult({ ...scenario, seed: job.seed }));
    await control.yieldToMessages();
  }
  return results;
}

/** The scenario of one sweep value (the base scenario for a batch), validated once. */
function scenarioOf(spec: BatchSpec, valueIndex: number | undefined, cache: Map<number, Scenario>): Scenario {
  if (valueIndex === undefined || spec.param === undefined) return spec.scenario;
  const known = cache.get(valueIndex);
  if (known !== undefined) return known;
  const values = spec.values ?? [];
  if (valueIndex < 0 || valueIndex >= values.length) {
    throw new Error(`sweep: value ${valueIndex} does not exist (${values.length} values)`);
  }
  const value = values[valueIndex];
  const edited = parseScenario(setPath(spec.scenario, spec.param, value));
  if (!edited.ok) {
    throw new Error(`sweep ${spec.param} = ${JSON.stringify(value)}: ${edited.error.message}`);
  }
  cache.set(valueIndex, edited.value);
  return edited.value;
}

/** Runs one scenario and keeps what a batch reports of it. */
export function seedResult(scenario: Scenario): SeedResult {
  const { summary } = runScenario(scenario);
  const commits = summary.rounds.filter((round) => round.status === 'committed');
  const commitTicks = commits.map((round) => round.commitTick ?? 0);
  return {
    seed: scenario.seed,
    traceHash: summary.traceHash,
    committed: commits.length,
    aborted: summary.rounds.length - commits.length,
    viewChanges: summary.viewChanges,
    ticks: summary.ticks,
    commitTickLast: commitTicks.length === 0 ? null : Math.max(...commitTicks),
    invariantsFailed: summary.invariants.filter((inv) => !inv.ok).map((inv) => inv.name),
  };
}
