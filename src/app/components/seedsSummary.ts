import type { SeedResult } from '../../worker/poolApi';

/** What a check over seeds found, for its result summary. */
export interface SeedsSummary {
  runs: number;
  /** Runs with at least one red invariant. */
  runsWithViolation: number;
  /** Each red invariant and how many runs it was red in, most first. */
  invariants: { name: string; runs: number }[];
  roundsCommitted: number;
  rounds: number;
  /** Mean over runs that committed of (tick of the last commit ÷ rounds committed). */
  ticksPerCommitMean: number | null;
  viewChangesMean: number;
  /** Seeds whose run had a red invariant, in seed order. */
  violatingSeeds: number[];
}

export function seedsSummary(results: readonly SeedResult[]): SeedsSummary {
  const counts = new Map<string, number>();
  let roundsCommitted = 0;
  let rounds = 0;
  let viewChanges = 0;
  const perCommit: number[] = [];
  const violatingSeeds: number[] = [];
  for (const run of results) {
    for (const name of new Set(run.invariantsFailed)) counts.set(name, (counts.get(name) ?? 0) + 1);
    if (run.invariantsFailed.length > 0) violatingSeeds.push(run.seed);
    roundsCommitted += run.committed;
    rounds += run.committed + run.aborted;
    viewChanges += run.viewChanges;
    if (run.committed > 0 && run.commitTickLast !== null) perCommit.push(run.commitTickLast / run.committed);
  }
  const invariants = [...counts].map(([name, runs]) => ({ name, runs }))
    .sort((a, b) => b.runs - a.runs || a.name.localeCompare(b.name));
  return {
    runs: results.length,
    runsWithViolation: violatingSeeds.length,
    invariants,
    roundsCommitted,
    rounds,
    ticksPerCommitMean: perCommit.length === 0 ? null : mean(perCommit),
    viewChangesMean: results.length === 0 ? 0 : viewChanges / results.length,
    violatingSeeds,
  };
}

/** Seconds left at the rate so far; null until the first runs have finished. */
export function secondsLeft(done: number, total: number, elapsedMs: number): number | null {
  if (done === 0 || elapsedMs <= 0) return null;
  return ((total - done) * elapsedMs) / done / 1000;
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}
