import type { SimEvent } from '../engine/traceEvents';
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
  violations.push(...quarantineLiveness(hunt, run));
  const { drops, healing } = hunt;
  return { violations, roundsDecided, rounds, drops, healing, traceHash: summary.traceHash };
}

/**
 * Accountability's liveness (issue 15): a proof that holds gets its agent quarantined within
 * one vote, by the tally deadline its accusation carries, while a Council quorum is connected.
 * Policy: judged only where nothing can keep the quorum apart (no drops, no partitions); an
 * accusation whose deadline falls after the run's end is not judged (the run was over first).
 */
export function quarantineLiveness(hunt: HuntScenario, run: ScenarioRun): HuntViolation[] {
  if (hunt.scenario.resonance?.accountability !== true || hunt.drops) return [];
  if ((hunt.scenario.network?.partitions ?? []).length > 0) return [];
  const events = run.trace as SimEvent[];
  const violations: HuntViolation[] = [];
  for (const proof of events) {
    if (proof.kind !== 'proofSubmitted' || !proof.holds) continue;
    if (proof.deadline > run.summary.ticks) continue;
    const executed = events.find((e) => e.kind === 'quarantineExecuted' && e.proposalId === proof.proposalId);
    if (executed !== undefined && executed.t <= proof.deadline) continue;
    const tally = events.find((e) => e.kind === 'accusationTallied' && e.proposalId === proof.proposalId);
    const what =
      executed !== undefined
        ? `executed only at tick ${executed.t}`
        : tally?.kind === 'accusationTallied'
          ? `tallied ${tally.decision} at tick ${tally.t}`
          : 'never tallied';
    violations.push({
      invariant: 'quarantine-liveness',
      detail:
        `a${proof.accuser}'s proof against a${proof.accused} (${proof.proposalId}, tick ${proof.t}) holds, ` +
        `but the quarantine was ${what}; its deadline was tick ${proof.deadline}`,
    });
  }
  return violations;
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
