import type { ScenarioRun } from '../runScenario';
import type { HuntScenario } from './randomScenario';

/** One thing the search found wrong with a run. */
export interface HuntViolation {
  /** A red invariant's name (`agreement`, `validity`, …) or `liveness` (the hunt's own). */
  invariant: string;
  detail: string;
}

/** The verdict on one run, small enough to keep for every run of a long search. */
export interface RunVerdict {
  violations: HuntViolation[];
  /** Rounds decided: committed, or decided as "no agreement". */
  roundsDecided: number;
  rounds: number;
  drops: boolean;
  healing: boolean;
  traceHash: string;
}

/** The safety invariants SPEC §9 names; any other red invariant is reported as well. */
export const safetyInvariants = ['agreement', 'validity', 'certified-commits'] as const;

/**
 * Round statuses that count as decided. `no-agreement` comes with the lock-carrying view
 * change (SPEC §3): the round was decided as "no agreement". Plain strings, so the verdict
 * keeps working while the engine's status type grows.
 */
const decidedStatuses: ReadonlySet<string> = new Set(['committed', 'no-agreement']);

/**
 * The hunt's verdict on a run (SPEC §9). Every red invariant of the run is a violation.
 * Liveness: when nothing is dropped and every partition heals, every round must be decided
 * and the run must end `completed`; with drops only the share of rounds decided is counted
 * (the target is at least 99% over a search), because a lossy network may legitimately
 * exhaust a round's view changes.
 */
export function checkRun(hunt: HuntScenario, run: ScenarioRun): RunVerdict {
  const { summary, trace } = run;
  const violations: HuntViolation[] = summary.invariants
    .filter((invariant) => !invariant.ok)
    .map((invariant) => ({ invariant: invariant.name, detail: invariant.detail }));
  const rounds = summary.rounds.length;
  const decided = summary.rounds.filter((round) => decidedStatuses.has(round.status));
  const roundsDecided = decided.length;
  if (!hunt.drops && allPartitionsHeal(hunt)) {
    const endReason = runEndReason(trace);
    if (roundsDecided < rounds || endReason !== 'completed') {
      const undecided = summary.rounds
        .filter((round) => !decidedStatuses.has(round.status))
        .map((round) => round.round);
      const which =
        undecided.length === 0 ? 'every round decided' : `round ${undecided.join(', ')} undecided`;
      const ending = `the run ended ${endReason} at tick ${summary.ticks}`;
      const detail = `${which} (${roundsDecided}/${rounds}); ${ending}`;
      violations.push({ invariant: 'liveness', detail });
    }
  }
  const { drops, healing } = hunt;
  return { violations, roundsDecided, rounds, drops, healing, traceHash: summary.traceHash };
}

function allPartitionsHeal(hunt: HuntScenario): boolean {
  const partitions = hunt.scenario.network?.partitions ?? [];
  return partitions.every((partition) => partition.healAt !== undefined);
}

/** The reason of the trace's last event, `runEnded`; `unknown` if the trace lacks one. */
function runEndReason(trace: readonly unknown[]): string {
  const last = trace.at(-1) as { kind?: unknown; reason?: unknown } | undefined;
  if (last?.kind !== 'runEnded' || typeof last.reason !== 'string') return 'unknown';
  return last.reason;
}
