import { canonicalJson } from '../canonicalJson';
import { sha256Hex } from '../crypto';
import { ResonanceEngine } from './engine/ResonanceEngine';
import { scenarioOpinions } from './engine/scenarioOpinions';
import { summarizeRun, type RunSummary } from './engine/summarizeRun';
import type { SimEvent } from './engine/traceEvents';
import { runCouncilScenario } from './runCouncilScenario';
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
  /** The trace: engine events (ResonanceBFT) or the audit log (Council). */
  trace: readonly unknown[];
}

/**
 * Runs a validated scenario to the end, headlessly (the command line and tests).
 * ResonanceBFT runs in the discrete-event engine; the trace is its event list.
 * Council runs its proposals round by round; its trace is the audit chain.
 * TODO(issue 5): Council in the simulated network, with its own events.
 */
export function runScenario(scenario: Scenario): ScenarioRun {
  const resolved = withDefaults(scenario);
  if (resolved.protocol === 'council') return runCouncil(scenario);
  const engine = new ResonanceEngine(resolved, scenarioOpinions(resolved));
  const result = engine.run();
  return { summary: summarizeRun(scenario, engine, result.traceHash), trace: result.events as SimEvent[] };
}

function runCouncil(scenario: Scenario): ScenarioRun {
  const report = runCouncilScenario(scenario);
  const traceHash = sha256Hex(canonicalJson(report.audit));
  const chainOk = report.auditChain.valid;
  return {
    trace: report.audit,
    summary: {
      scenario,
      traceHash,
      ticks: report.ticks,
      rounds: [],
      viewChanges: 0,
      invariants: [
        {
          name: 'integrity',
          ok: chainOk,
          detail: chainOk ? 'the audit chain verifies' : `the audit chain breaks at entry ${report.auditChain.firstInvalid}`,
        },
      ],
      certificates: [],
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
        auditChainValid: chainOk,
      },
    },
  };
}
