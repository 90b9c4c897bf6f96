import { beforeAll, describe, expect, it } from 'vitest';
import { initFastCrypto } from '../../crypto';
import { gallery } from './gallery';
import { parseSweep } from './parseSweep';
import type { MetricName } from './sweepMetrics';
import { SweepRunner, sweepJobs } from './sweepRuns';

/** Each cell's mean of `metric` over its seeds: `means[xi][yi]`. */
function cellMeans(id: string, metric: MetricName): number[][] {
  const experiment = gallery.find((entry) => entry.id === id)!;
  const parsed = parseSweep(experiment.definition);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const runner = new SweepRunner(parsed.value);
  const sums: number[][] = [];
  const counts: number[][] = [];
  for (const job of sweepJobs(parsed.value)) {
    const value = runner.run(job).metrics[metric];
    if (value === null) continue;
    (sums[job.xi] ??= [])[job.yi] = (sums[job.xi]![job.yi] ?? 0) + value;
    (counts[job.xi] ??= [])[job.yi] = (counts[job.xi]![job.yi] ?? 0) + 1;
  }
  return sums.map((row, xi) => row.map((sum, yi) => sum / counts[xi]![yi]!));
}

const column = (means: number[][], yi: number) => means.map((row) => row[yi]!);

function nonIncreasing(values: number[]): boolean {
  return values.every((value, i) => i === 0 || value <= values[i - 1]!);
}

// The gallery's promises, read from the numbers (not the picture). Each sweep is small.
describe('the gallery of classic experiments', () => {
  beforeAll(async () => {
    await initFastCrypto();
  });

  it('every experiment is a valid sweep', () => {
    for (const { id, definition } of gallery) expect(parseSweep(definition).ok, id).toBe(true);
  });

  it('n−f keeps agreement up to f equivocators; 2f+1 forks with two', () => {
    // x: equivocators besides the leader (0 .. 5), so 1 .. 6 in all; y: n−f, then 2f+1.
    const forks = cellMeans('quorum-vs-equivocators', 'invariant.agreement');
    const f = 3;
    const equivocators = (xi: number) => xi + 1;
    const nMinusF = column(forks, 0);
    const twoFPlusOne = column(forks, 1);
    nMinusF.forEach((share, xi) => {
      if (equivocators(xi) <= f) expect(share, `n−f with ${equivocators(xi)} equivocators`).toBe(0);
    });
    expect(twoFPlusOne[0], '2f+1 with the leader alone').toBe(0);
    expect(twoFPlusOne[1], '2f+1 with two equivocators').toBe(1);
    expect(nMinusF.some((share) => share > 0), 'n−f breaks somewhere past f').toBe(true);
  });

  it('small ε leaves many opinion clusters, large ε one', () => {
    const clusters = column(cellMeans('hk-epsilon-clusters', 'opinionClusters'), 0);
    expect(clusters[0]).toBeGreaterThanOrEqual(4);
    expect(clusters.at(-1)).toBe(1);
    expect(nonIncreasing(clusters), clusters.join(' ')).toBe(true);
  });

  it('view changes per round rise with the drop rate', () => {
    const viewChanges = column(cellMeans('drop-view-changes', 'viewChangesPerRound'), 0);
    expect(viewChanges[0]).toBe(0);
    expect(nonIncreasing([...viewChanges].reverse()), viewChanges.join(' ')).toBe(true);
    expect(viewChanges.at(-1)).toBeGreaterThan(1);
  });

  it('a higher commit threshold commits fewer rounds', () => {
    const committed = column(cellMeans('threshold-commits', 'committed'), 0);
    expect(committed[0]).toBe(5);
    expect(committed.at(-1)).toBe(0);
    expect(nonIncreasing(committed), committed.join(' ')).toBe(true);
  });

  it('a larger or heavier bloc pushes more critical actions through', () => {
    const critical = cellMeans('bloc-critical', 'criticalApprovals');
    // No bloc: the honest majority rejects every critical action, whatever the weights.
    expect(critical[0]).toEqual([0, 0, 0]);
    // A bloc of one at weight 1 changes nothing; the largest, heaviest bloc carries several.
    expect(critical[1]![0]).toBe(0);
    expect(critical.at(-1)!.at(-1)).toBeGreaterThanOrEqual(3);
    critical.forEach((row, xi) => expect(row.at(-1)!, `bloc of ${xi}`).toBeGreaterThanOrEqual(row[0]!));
  });
});
