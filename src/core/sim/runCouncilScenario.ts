import { assert } from '../assert';
import type { ChainVerdict } from '../audit';
import { ProposalStatus, type AuditEntry, type TallyResult, type VoteValueT } from '../council';
import { CouncilEngine } from './engine/CouncilEngine';
import type { InvariantStatus } from './engine/monitors';
import type { SimEvent } from './engine/traceEvents';
import { withDefaults, type ResolvedScenario, type Scenario } from './scenario';

export interface CouncilVoteReport {
  voterId: string;
  value: VoteValueT;
  tick: number;
}

export interface CouncilProposalReport {
  id: string;
  /** 0-based position of the proposal in the run; its events carry `roundNo` = round + 1. */
  round: number;
  action: string;
  target: string;
  proposerId: string;
  votes: CouncilVoteReport[];
  tally: TallyResult;
  executed: boolean;
}

/** Everything a panel needs to draw a council run, as plain data. */
export interface CouncilRunReport {
  name: string;
  seed: number;
  voterIds: string[];
  weights: number[];
  /** Agent indices by fault kind, for legends and highlighting. */
  byzantine: number[];
  silent: number[];
  proposals: CouncilProposalReport[];
  audit: AuditEntry[];
  auditChain: ChainVerdict;
  agreement: Record<string, Record<string, number>>;
  blocs: string[][];
  ticks: number;
}

/** A council run: the panels' report, and the engine's trace and verdicts. */
export interface CouncilSimulation {
  report: CouncilRunReport;
  events: SimEvent[];
  traceHash: string;
  invariants: InvariantStatus[];
}

/**
 * Runs a council scenario in the simulated network (`CouncilEngine`): each round a proposer
 * (rotating over agents that are up) broadcasts a signed proposal; voters decide from their
 * persona (approve with probability `support`, from their own `council:a{i}` stream) and
 * faults, and send signed votes through the network model; the coordinator records the votes
 * whose signature verifies, tallies when all are in or at the deadline, and executes an
 * approved proposal. Deterministic in the scenario.
 */
export function simulateCouncil(input: Scenario): CouncilSimulation {
  const scenario = withDefaults(input);
  const protocol = scenario.protocol;
  assert(protocol === 'council', `simulateCouncil needs a council scenario, got ${protocol}`);
  const engine = new CouncilEngine(scenario);
  engine.run();
  return councilSimulation(engine);
}

/** What a finished council engine decided: the panels' report, the trace and the invariants. */
export function councilSimulation(engine: CouncilEngine, knownHash?: string): CouncilSimulation {
  const result = engine.result(knownHash);
  return {
    report: councilReport(engine.scenario, engine),
    events: result.events,
    traceHash: result.traceHash,
    invariants: engine.monitors.statuses(),
  };
}

/** The report the council and audit panels draw, from a council scenario run in the network. */
export function runCouncilScenario(input: Scenario): CouncilRunReport {
  return simulateCouncil(input).report;
}

/**
 * Policy: a proposal still open when the run stops (at maxTicks) has no tally and is left out
 * of the report; its proposal and votes are in the trace and the audit chain.
 */
function councilReport(scenario: ResolvedScenario, engine: CouncilEngine): CouncilRunReport {
  const { ledger, roster } = engine;
  const proposals: CouncilProposalReport[] = [];
  ledger.listProposals().forEach((proposal, round) => {
    if (proposal.result === null || proposal.status === ProposalStatus.OPEN) return;
    const byVoter = new Map(proposal.votes.map((vote) => [vote.voterId, vote]));
    const votes = roster.flatMap((voterId) => {
      const vote = byVoter.get(voterId);
      return vote === undefined ? [] : [{ voterId, value: vote.value, tick: vote.timestamp }];
    });
    proposals.push({
      id: proposal.id,
      round,
      action: proposal.action,
      target: proposal.target ?? '',
      proposerId: proposal.proposerId,
      votes,
      tally: proposal.result,
      executed: proposal.status === ProposalStatus.EXECUTED,
    });
  });
  return {
    name: scenario.name || 'council',
    seed: scenario.seed,
    voterIds: [...roster],
    weights: [...scenario.council.weights],
    byzantine: agentsOf(scenario, ['biased', 'bloc', 'equivocate', 'garble', 'impersonate']),
    silent: agentsOf(scenario, ['silent']),
    proposals,
    audit: ledger.auditLog(),
    auditChain: ledger.verifyAuditChainDetailed(),
    agreement: ledger.voterAgreementMatrix(),
    blocs: ledger.detectVotingBlocs(),
    ticks: engine.tick,
  };
}

function agentsOf(scenario: ResolvedScenario, kinds: string[]): number[] {
  const agents = scenario.faults
    .filter((fault) => kinds.includes(fault.kind))
    .flatMap((fault) => fault.agents);
  return [...new Set(agents)].sort((a, b) => a - b);
}
