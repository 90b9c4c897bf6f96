import { runScenario } from '../runScenario';
import type { Scenario } from '../scenario';
import { selectPositions, type Shard } from '../hunt/selection';
import { cellScenario } from './sweepCells';
import { cellCount, yValueAt, type SweepDefinition, type SweepValue } from './sweepDefinition';
import { sweepMetrics, type RunMetrics } from './sweepMetrics';

/** One run of a sweep: a cell and a seed. */
export interface SweepJob {
  xi: number;
  yi: number;
  seed: number;
}

/**
 * What a sweep reports of one run (SPEC §6): one JSON line of `npm run sweep`, one result of
 * the page's pool. `yi` is 0 and `y` null when the sweep has one axis.
 */
export interface SweepRow {
  xi: number;
  yi: number;
  x: SweepValue;
  y: SweepValue | null;
  seed: number;
  traceHash: string;
  metrics: RunMetrics;
}

/**
 * The runs of a sweep sorted by (xi, yi, seed); with `shard` i/k only every k-th of them from
 * the i-th, so k shards partition the runs and their rows, concatenated and sorted, are the
 * unsharded output.
 */
export function sweepJobs(definition: SweepDefinition, shard?: Shard): SweepJob[] {
  const { xCount, yCount } = cellCount(definition);
  const all: SweepJob[] = [];
  for (let xi = 0; xi < xCount; xi++) {
    for (let yi = 0; yi < yCount; yi++) {
      for (let s = 0; s < definition.seeds; s++) all.push({ xi, yi, seed: definition.base.seed + s });
    }
  }
  if (shard === undefined) return all;
  return selectPositions(all.length, { shard }).map((position) => all[position]!);
}

/**
 * Runs jobs of one definition (parsed by `parseSweep`, so every cell is valid), validating
 * each cell's scenario once. Used by the command line's threads and the page's pool workers.
 */
export class SweepRunner {
  private readonly cells = new Map<string, Scenario>();

  constructor(readonly definition: SweepDefinition) {}

  /** The concrete scenario of a job: what `npm run sim -- --json` would run for it. */
  scenarioOf(job: SweepJob): Scenario {
    const key = `${job.xi},${job.yi}`;
    let cell = this.cells.get(key);
    if (cell === undefined) {
      const parsed = cellScenario(this.definition, job.xi, job.yi);
      if (!parsed.ok) throw new Error(`sweep cell (${job.xi}, ${job.yi}): ${parsed.error.message}`);
      cell = parsed.value;
      this.cells.set(key, cell);
    }
    return { ...cell, seed: job.seed };
  }

  run(job: SweepJob): SweepRow {
    const { xi, yi, seed } = job;
    const run = runScenario(this.scenarioOf(job));
    const x = this.definition.x.values[xi]!;
    const y = yValueAt(this.definition, yi);
    return { xi, yi, x, y, seed, traceHash: run.summary.traceHash, metrics: sweepMetrics(run) };
  }
}

/** Orders rows as the command line prints them: by (xi, yi, seed). */
export function compareRows(a: SweepJob, b: SweepJob): number {
  return a.xi - b.xi || a.yi - b.yi || a.seed - b.seed;
}
