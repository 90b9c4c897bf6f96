import { isCritical } from '../../council';
import type { ConsensusType } from '../../resonance/types';
import type { SimEvent } from '../engine/traceEvents';
import { invariantNames } from '../engine/traceEvents';
import type { ScenarioRun } from '../runScenario';

/**
 * What a sweep measures of one run (SPEC §4, issue 13), computed from the run's summary and
 * trace in core, so the command line and the page give the same numbers. A metric that does
 * not apply to the run (no commit to time, a Council metric of a ResonanceBFT run) is null,
 * never 0; a cell's mean skips nulls.
 */

export const consensusTypes = [
  'genuine', 'fragile', 'capitulated', 'coerced', 'logrolled', 'coalitional', 'deadlock', 'polarized', 'unknown',
] as const satisfies readonly ConsensusType[];

export const metricNames = [
  'decided',
  'committed',
  'ticksToCommit',
  'viewChangesPerRound',
  'anyInvariantRed',
  ...invariantNames.map((name) => `invariant.${name}` as const),
  'falseAgreementRate',
  ...consensusTypes.map((type) => `consensus.${type}` as const),
  'opinionClusters',
  'trustInFaulty',
  'approvals',
  'criticalApprovals',
] as const;

export type MetricName = (typeof metricNames)[number];
export type RunMetrics = Record<MetricName, number | null>;

/**
 * Two neighbouring opinions (classic 1-D HK, in [0, 1]) farther apart than this are in
 * different clusters. HK clusters sit at least ε apart once settled, and the chart rounds to
 * 4 decimals, so a small fixed gap counts settled clusters whatever ε.
 */
export const clusterGapMin = 0.01;
const metricDecimals = 6;

/** Every metric of one finished run. */
export function sweepMetrics(run: ScenarioRun): RunMetrics {
  const { summary } = run;
  const trace = run.trace as readonly SimEvent[];
  const rounds = summary.scenario.rounds ?? 5;
  const failed = new Set(summary.invariants.filter((inv) => !inv.ok).map((inv) => inv.name));
  const metrics = {} as RunMetrics;
  for (const name of invariantNames) metrics[`invariant.${name}`] = failed.has(name) ? 1 : 0;
  metrics.anyInvariantRed = failed.size > 0 ? 1 : 0;
  metrics.trustInFaulty = trustInFaulty(summary.scenario, trace);
  if (summary.council !== undefined) {
    const proposals = summary.council.proposals;
    const approved = proposals.filter((p) => p.decision === 'approved');
    const decided = proposals.filter((p) => p.decision === 'approved' || p.decision === 'rejected');
    Object.assign(metrics, {
      decided: decided.length / rounds, committed: null, ticksToCommit: null, viewChangesPerRound: null,
      falseAgreementRate: null, opinionClusters: null,
      approvals: approved.length, criticalApprovals: approved.filter((p) => isCritical(p.action)).length,
    });
    for (const type of consensusTypes) metrics[`consensus.${type}`] = null;
    return quantised(metrics);
  }
  const decided = summary.rounds.filter((round) => round.status !== 'aborted');
  const commits = summary.rounds.filter((round) => round.status === 'committed');
  const rates = commits.flatMap((round) => (round.falseAgreementRate === null ? [] : [round.falseAgreementRate]));
  Object.assign(metrics, {
    decided: decided.length / rounds,
    committed: commits.length,
    ticksToCommit: ticksToCommit(summary.rounds),
    viewChangesPerRound: summary.viewChanges / rounds,
    falseAgreementRate: mean(rates),
    opinionClusters: opinionClusters(trace),
    approvals: null,
    criticalApprovals: null,
  });
  for (const type of consensusTypes) {
    const count = commits.filter((round) => round.consensusType === type).length;
    metrics[`consensus.${type}`] = commits.length === 0 ? null : count / commits.length;
  }
  return quantised(metrics);
}

/** Mean ticks from the previous decision (or tick 0) to each commit; null without commits. */
function ticksToCommit(rounds: ScenarioRun['summary']['rounds']): number | null {
  const spans: number[] = [];
  let previous = 0;
  for (const round of rounds) {
    if (round.commitTick === null) break;
    if (round.status === 'committed') spans.push(round.commitTick - previous);
    previous = round.commitTick;
  }
  return mean(spans);
}

/**
 * Clusters of the classic 1-D HK opinions after the last step of the last deliberated round;
 * null when no round deliberated.
 */
function opinionClusters(trace: readonly SimEvent[]): number | null {
  let roundNo = -1;
  let lastStep = -1;
  for (const event of trace) {
    if (event.kind !== 'deliberationStep') continue;
    if (event.roundNo > roundNo || (event.roundNo === roundNo && event.step > lastStep)) {
      roundNo = event.roundNo;
      lastStep = event.step;
    }
  }
  if (roundNo < 0) return null;
  const opinions: number[] = [];
  for (const event of trace) {
    if (event.kind === 'deliberationStep' && event.roundNo === roundNo && event.step === lastStep) {
      opinions.push(...event.hk1d);
    }
  }
  if (opinions.length === 0) return null;
  opinions.sort((a, b) => a - b);
  let clusters = 1;
  for (let i = 1; i < opinions.length; i++) if (opinions[i]! - opinions[i - 1]! > clusterGapMin) clusters += 1;
  return clusters;
}

/**
 * The mean trust honest replicas hold in the faulty agents (every agent a fault names), each
 * replica at its last trust update; null with no faulty agent or no update.
 */
function trustInFaulty(scenario: ScenarioRun['summary']['scenario'], trace: readonly SimEvent[]): number | null {
  const faulty = new Set((scenario.faults ?? []).flatMap((fault) => fault.agents));
  if (faulty.size === 0) return null;
  const latest = new Map<number, number[]>();
  for (const event of trace) {
    if (event.kind === 'trustUpdated' && !faulty.has(event.agent)) latest.set(event.agent, event.trust);
  }
  const values: number[] = [];
  for (const trust of latest.values()) for (const agent of faulty) if (agent < trust.length) values.push(trust[agent]!);
  return mean(values);
}

function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

/** Rounded to 6 decimals, so a line of output never differs on the last bit. */
function quantised(metrics: RunMetrics): RunMetrics {
  const out = {} as RunMetrics;
  for (const name of metricNames) {
    const value = metrics[name];
    out[name] = value === null || Number.isInteger(value) ? value : Number(value.toFixed(metricDecimals));
  }
  return out;
}
