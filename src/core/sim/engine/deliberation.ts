import { deliberate, sycophancyScore, type Round } from '../../resonance';
import { Rng } from '../../rng';
import { pca2 } from '../../vec';
import { stanceOfText } from '../opinions';
import { axisDiameters, round4 } from './axisData';
import { hkClassic } from './hkClassic';
import { sycophancyAudit } from './sycophancyAudit';
import type { EngineView } from './engineView';

/** What deliberation reads of the engine. */
type DeliberatingEngine = Pick<EngineView, 'agents' | 'deliberatedRounds' | 'emit' | 'index' | 'memo' | 'opinions' | 'scenario' | 'tick'>;

/** Agents per `deliberationStep` event: about 5 KB of JSON. */
export const stepAgentsMax = 200;
/** ε of the 1-D chart when the scenario leaves deliberation at its default (ε ≤ 0). */
const classicEpsilonDefault = 0.15;

/**
 * Layer-2 deliberation of a round the leader is about to propose (reference §2.4): HK over
 * the leader's trust, on a copy, so it can never change the commit. Emits what the opinion
 * panel draws, one `deliberationStep` event per step and a `deliberated` summary: every agent's combined vector at every step projected to 2-D on one shared
 * PCA basis, the classic 1-D HK trajectories (`classicCharts`), the consensus type and
 * each agent's sycophancy (mean evidence delta). Between rounds each persona drifts toward
 * its deliberated stance (`opinions.carryOver`). Runs once per round.
 */
export function deliberateRound(engine: DeliberatingEngine, agent: number, round: Round, roundNo: number): void {
  if (engine.deliberatedRounds.has(roundNo)) return;
  engine.deliberatedRounds.add(roundNo);
  const { steps, stepSize, epsilon } = engine.scenario.resonance.deliberation;
  const leader = engine.agents[agent]!;
  const copy: Round = { ...round, evaluations: { ...round.evaluations }, aborts: [...round.aborts] };
  const trajectory = deliberate(copy, { steps, stepSize, epsilon }, {
    threshold: leader.threshold,
    embed: leader.embed,
    me: leader.id,
    store: leader.store,
    memo: engine.memo,
  });
  const agents = (trajectory.agents ?? []).map((id) => engine.index(id));
  const diameters = axisDiameters(trajectory.positions ?? []);
  const positions = projectSteps(trajectory.positions ?? []);
  const stances = agents.map((index) => (stanceOfText(copy.evaluations[`a${index}`]?.evalText ?? '') + 1) / 2);
  const { hk1d, hkOfStances } = classicCharts(engine.scenario, roundNo, stances);
  const sycophancy = sycophancyScore(trajectory.evidenceDelta);
  const flagged = sycophancyAudit(copy, sycophancy).map((id) => engine.index(id));
  // Policy: one event per step and per `stepAgentsMax` agents, so no single event outgrows a
  // streamed batch (SPEC §8: ≤ 10 KB), whatever n.
  positions.forEach((row, step) => {
    for (let from = 0; from < row.length; from += stepAgentsMax) {
      const to = from + stepAgentsMax;
      const slice = { positions: row.slice(from, to), hk1d: (hk1d[step] ?? []).slice(from, to) };
      engine.emit({ t: engine.tick, kind: 'deliberationStep', roundNo, step, from, ...slice });
    }
  });
  engine.emit({
    t: engine.tick, kind: 'deliberated', roundNo, view: round.view, steps: trajectory.steps,
    consensusType: trajectory.consensusType, agents,
    sycophancy: agents.map((index) => sycophancy[`a${index}`] ?? 0),
    // Present only when the audit flags someone, so runs without sycophants keep their hashes.
    ...(flagged.length > 0 ? { sycophants: flagged } : {}),
    ...(diameters ? { axisDiameters: diameters } : {}),
  });
  // Policy: personas drift toward where their own stances went, whatever the chart starts from.
  const final = hkOfStances.at(-1) ?? [];
  engine.opinions.afterRound?.(roundNo, new Map(agents.map((index, i) => [index, 2 * final[i]! - 1])));
}

/** Every step's vectors on one PCA basis, so trails across steps are comparable. */
function projectSteps(steps: readonly (readonly (readonly number[])[])[]): number[][][] {
  const flat = steps.flat();
  if (flat.length === 0) return [];
  const projected = pca2(flat);
  const perStep = steps[0]!.length;
  return steps.map((_, step) =>
    projected.slice(step * perStep, (step + 1) * perStep).map(([x, y]) => [round4(x), round4(y)]),
  );
}

/**
 * The classic 1-D HK runs of a round: `hk1d`, what the chart draws (from the agents' stances,
 * or from uniform starts with `classicStart: 'uniform'`), and `hkOfStances`, where the agents'
 * own stances go, which the carry-over reads.
 */
function classicCharts(
  scenario: DeliberatingEngine['scenario'],
  roundNo: number,
  stances: readonly number[],
): { hk1d: number[][]; hkOfStances: number[][] } {
  const { steps, epsilon, classicStart } = scenario.resonance.deliberation;
  const classicEpsilon = epsilon > 0 ? epsilon : classicEpsilonDefault;
  const hkOfStances = hkClassic(stances, classicEpsilon, steps).map(roundRow);
  if (classicStart === 'stances') return { hk1d: hkOfStances, hkOfStances };
  const starts = uniformStarts(scenario.seed, roundNo, stances.length);
  return { hk1d: hkClassic(starts, classicEpsilon, steps).map(roundRow), hkOfStances };
}

/**
 * The textbook start of the classic chart (`classicStart: 'uniform'`): one opinion per row,
 * uniform in [0, 1], from the round's own stream, rounded like everything the trace carries.
 */
export function uniformStarts(seed: number, roundNo: number, count: number): number[] {
  const rng = Rng.stream(seed, `hk1d:r${roundNo}`);
  return Array.from({ length: count }, () => round4(rng.next()));
}

function roundRow(row: readonly number[]): number[] {
  return row.map(round4);
}
