import { faultBound, quorumNeeded } from '../../resonance';
import type { Scenario } from '../scenario';
import type { EngineView } from './engineView';
import type { InvariantStatus, Monitors } from './monitors';
import type { SimEvent } from './traceEvents';

export interface RoundSummary {
  round: number;
  view: number;
  /** `no-agreement`: decided that the round's records do not agree; `aborted`: undecided. */
  status: 'committed' | 'no-agreement' | 'aborted';
  n: number;
  f: number;
  quorumSize: number;
  quorumNeeded: number;
  quorumAgents: string[];
  tamperedAgents: string[];
  winner: string | null;
  commitTick: number | null;
  consensusType: string;
  falseAgreementRate: number | null;
}

export interface CertificateSummary {
  kind: 'equivocation';
  agent: string;
  round: number;
  valid: boolean;
}

/** One accusation put to a Council quarantine vote (accountability). */
export interface AccusationSummary {
  proposalId: string;
  accuser: string;
  accused: string;
  /** The accuser's round when it submitted the proof. */
  round: number;
  /** The accuser forged the proof (an `accuse` fault). */
  forged: boolean;
  /** The tick it was submitted, and whether the proof holds (what an honest voter's check finds). */
  tick: number;
  holds: boolean;
  /** The tally's tick, or null while never tallied. */
  talliedTick: number | null;
  /** The tally's decision; `pending` while never tallied. */
  decision: string;
  approveWeight: number;
  rejectWeight: number;
}

/** One executed quarantine: honest replicas ignore `agent` from `fromRound` on. */
export interface QuarantineSummary {
  agent: string;
  by: string;
  proposalId: string;
  round: number;
  fromRound: number;
  tick: number;
}

/** What accountability did in a run (present only with `resonance.accountability` on). */
export interface AccountabilitySummary {
  accusations: AccusationSummary[];
  quarantines: QuarantineSummary[];
  auditChainValid: boolean;
}

/** The run as the command line prints it with `--json` (SPEC §6). */
export interface RunSummary {
  scenario: Scenario;
  traceHash: string;
  ticks: number;
  rounds: RoundSummary[];
  viewChanges: number;
  invariants: InvariantStatus[];
  certificates: CertificateSummary[];
  /** A run that ended before every round was decided: the first undecided round, in words. */
  stalled?: { round: number; detail: string };
  accountability?: AccountabilitySummary;
}

/**
 * One line per round: the first honest decision when there was one (a commit or an agreed "no
 * agreement"), else the leader's last resolution of that round (or an empty abort when no
 * leader ever resolved it): the round was never decided.
 */
/** What the summary reads of a finished engine. */
type FinishedEngine = Pick<EngineView, 'events' | 'scenario' | 'tick'> & {
  monitors: Pick<Monitors, 'commits' | 'statuses'>;
  accountability?: { ledger: { verifyAuditChain(): boolean } } | null;
};

export function summarizeRun(scenario: Scenario, engine: FinishedEngine, traceHash: string): RunSummary {
  const commits = engine.monitors.commits();
  const events = engine.events;
  const rounds: RoundSummary[] = [];
  for (let round = 1; round <= engine.scenario.rounds; round++) {
    const commit = commits.get(round);
    if (commit) {
      const { outcome } = commit;
      rounds.push({
        round, view: commit.view, status: commit.decision === 'commit' ? 'committed' : 'no-agreement',
        n: outcome.n, f: outcome.f,
        quorumSize: outcome.quorumSize, quorumNeeded: outcome.quorumNeeded,
        quorumAgents: outcome.quorumAgents, tamperedAgents: outcome.tamperedAgents,
        winner: commit.winner, commitTick: commit.tick, consensusType: outcome.consensusType,
        falseAgreementRate: outcome.falseAgreementRate ?? null,
      });
    } else {
      rounds.push(abortedRound(round, events, engine.scenario.n));
    }
  }
  const end = events.at(-1);
  const stalled = end?.kind === 'runEnded' && end.stalledRound !== undefined
    ? { stalled: { round: end.stalledRound, detail: end.detail ?? `stalled in round ${end.stalledRound}` } }
    : {};
  return {
    scenario,
    traceHash,
    ticks: engine.tick,
    ...stalled,
    rounds,
    viewChanges: distinctViewChanges(events),
    invariants: engine.monitors.statuses(),
    certificates: events.flatMap((event) =>
      event.kind === 'certificateFound'
        ? [{ kind: 'equivocation' as const, agent: `a${event.accused}`, round: event.roundNo, valid: event.valid }]
        : [],
    ),
    ...(engine.accountability
      ? { accountability: accountabilitySummary(events, engine.accountability.ledger.verifyAuditChain()) }
      : {}),
  };
}

/** Accusations and quarantines, from the trace (the events are the contract). */
function accountabilitySummary(events: readonly SimEvent[], auditChainValid: boolean): AccountabilitySummary {
  const accusations: AccusationSummary[] = [];
  const quarantines: QuarantineSummary[] = [];
  for (const event of events) {
    if (event.kind === 'proofSubmitted') {
      accusations.push({
        proposalId: event.proposalId, accuser: `a${event.accuser}`, accused: `a${event.accused}`,
        round: event.roundNo, forged: event.forged === true, tick: event.t, holds: event.holds, talliedTick: null,
        decision: 'pending', approveWeight: 0, rejectWeight: 0,
      });
    } else if (event.kind === 'accusationTallied') {
      const accusation = accusations.find((a) => a.proposalId === event.proposalId);
      if (accusation) {
        accusation.decision = event.decision;
        accusation.talliedTick = event.t;
        accusation.approveWeight = event.approveWeight;
        accusation.rejectWeight = event.rejectWeight;
      }
    } else if (event.kind === 'quarantineExecuted') {
      quarantines.push({
        agent: `a${event.accused}`, by: `a${event.accuser}`, proposalId: event.proposalId,
        round: event.roundNo, fromRound: event.fromRound, tick: event.t,
      });
    }
  }
  return { accusations, quarantines, auditChainValid };
}

function abortedRound(round: number, events: readonly SimEvent[], n: number): RoundSummary {
  let last: Extract<SimEvent, { kind: 'roundResolved' }> | null = null;
  for (const event of events) if (event.kind === 'roundResolved' && event.roundNo === round) last = event;
  const f = faultBound(n);
  if (last === null) {
    return {
      round, view: 0, status: 'aborted', n, f, quorumSize: 0, quorumNeeded: quorumNeeded(n), quorumAgents: [],
      tamperedAgents: [], winner: null, commitTick: null, consensusType: 'unknown', falseAgreementRate: null,
    };
  }
  return {
    round, view: last.view, status: 'aborted', n: last.n, f: last.f, quorumSize: last.quorumSize,
    quorumNeeded: last.quorumNeeded, quorumAgents: last.quorumAgents.map((a) => `a${a}`),
    tamperedAgents: last.tamperedAgents.map((a) => `a${a}`), winner: null, commitTick: null,
    consensusType: 'unknown', falseAgreementRate: null,
  };
}

/** Distinct (round, view) pairs some replica moved to: the cluster's view changes. */
/**
 * One definition per quantity (issue 12): a run's view changes are its distinct (round, view)
 * pairs that some replica entered, not one per replica; its commits are the distinct rounds an
 * honest replica committed. The run's end event, the summary, the page and the CLI all count
 * with these two functions.
 */
export function distinctViewChanges(events: readonly SimEvent[]): number {
  const views = new Set<string>();
  for (const event of events) if (event.kind === 'viewChanged') views.add(`${event.roundNo}:${event.view}`);
  return views.size;
}

/** The distinct rounds an honest replica committed (see `distinctViewChanges`). */
export function roundsCommitted(events: readonly SimEvent[]): number {
  const rounds = new Set<number>();
  for (const event of events) if (event.kind === 'committed') rounds.add(event.roundNo);
  return rounds.size;
}
