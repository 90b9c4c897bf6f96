import type { SweepDefinition, SweepJob } from '../../worker/poolApi';

/**
 * The runs of a definition sorted by (xi, yi, seed), as `npm run sweep` writes them (core's
 * `sweepJobs`; a test keeps the two equal). The page lists them itself, since it runs no core
 * code.
 */
export function jobsOf(definition: SweepDefinition): SweepJob[] {
  const jobs: SweepJob[] = [];
  const yCount = definition.y?.values.length ?? 1;
  definition.x.values.forEach((_, xi) => {
    for (let yi = 0; yi < yCount; yi++) {
      for (let s = 0; s < definition.seeds; s++) jobs.push({ xi, yi, seed: definition.base.seed + s });
    }
  });
  return jobs;
}
