import { ResonanceEngine } from './engine/ResonanceEngine';
import { scenarioOpinions } from './engine/scenarioOpinions';
import { summarizeRun, type RunSummary } from './engine/summarizeRun';
import type { SimEvent } from './engine/traceEvents';
import { CouncilEngine } from './engine/CouncilEngine';
import { councilSimulation, type CouncilRunReport, type CouncilSimulation } from './runCouncilScenario';
import { withDefaults, type Scenario } from './scenario';

export interface CouncilSummary {
  proposals: {
    id: string;
    action: string;
    decision: string;
    approveWeight: number;
    rejectWeight: number;
    quorumMet: boolean;
  }[];
  blocs: string[][];
  auditChainValid: boolean;
}

export interface ScenarioRun {
  summary: RunSummary & { council?: CouncilSummary };
  /** The trace: the engine's events, in order (either protocol). */
  trace: readonly unknown[];
}

/**
 * Runs a validated scenario to the end, headlessly (the command line and tests).
 * Each protocol runs in its discrete-event engine over the simulated network, and the trace is
 * that engine's event list: `ResonanceEngine` for ResonanceBFT, `CouncilEngine` for the Council
 * (whose summary also carries the proposals, blocs and the audit chain's verdict).
 */
export function runScenario(scenario: Scenario): ScenarioRun {
  const resolved = withDefaults(scenario);
  const engine =
    resolved.protocol === 'council'
      ? new CouncilEngine(resolved)
      : new ResonanceEngine(resolved, scenarioOpinions(resolved));
  engine.run();
  return finishedRun(scenario, engine).run;
}

/**
 * The run of an engine that has finished, as `runScenario` reports it, plus the Council
 * panels' report (null for ResonanceBFT). The worker uses it on the engine it streamed from,
 * so the page never simulates a scenario twice; `knownHash` is the hash the stream already
 * computed over the same events, so the trace is never hashed twice either.
 */
export function finishedRun(
  scenario: Scenario,
  engine: ResonanceEngine | CouncilEngine,
  knownHash?: string,
): { run: ScenarioRun; report: CouncilRunReport | null } {
  if (engine instanceof CouncilEngine) {
    const simulation = councilSimulation(engine, knownHash);
    return { run: councilRun(scenario, simulation), report: simulation.report };
  }
  const { events, traceHash } = engine.result(knownHash);
  return { run: { summary: summarizeRun(scenario, engine, traceHash), trace: events as SimEvent[] }, report: null };
}

function councilRun(scenario: Scenario, simulation: CouncilSimulation): ScenarioRun {
  const { report, events, traceHash, invariants } = simulation;
  return {
    trace: events,
    summary: {
      scenario,
      traceHash,
      ticks: report.ticks,
      rounds: [],
      viewChanges: 0,
      invariants,
      certificates: events.flatMap((event) => {
        if (event.kind !== 'certificateFound') return [];
        const { accused, roundNo: round, valid } = event;
        return [{ kind: 'equivocation' as const, agent: `a${accused}`, round, valid }];
      }),
      council: {
        proposals: report.proposals.map(({ id, action, tally }) => ({
          id,
          action,
          decision: tally.decision,
          approveWeight: tally.approveWeight,
          rejectWeight: tally.rejectWeight,
          quorumMet: tally.quorumMet,
        })),
        blocs: report.blocs,
        auditChainValid: report.auditChain.valid,
      },
    },
  };
}
