import { ResonanceEngine } from './engine/ResonanceEngine';
import { scenarioOpinions } from './engine/scenarioOpinions';
import { summarizeRun, type RunSummary } from './engine/summarizeRun';
import type { SimEvent } from './engine/traceEvents';
import { simulateCouncil } from './runCouncilScenario';
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
  if (resolved.protocol === 'council') return runCouncil(scenario);
  const engine = new ResonanceEngine(resolved, scenarioOpinions(resolved));
  const result = engine.run();
  return { summary: summarizeRun(scenario, engine, result.traceHash), trace: result.events as SimEvent[] };
}

function runCouncil(scenario: Scenario): ScenarioRun {
  const { report, events, traceHash, invariants } = simulateCouncil(scenario);
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
        const { agent, roundNo: round, valid } = event;
        return [{ kind: 'equivocation' as const, agent: `a${agent}`, round, valid }];
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
