import { assert } from '../assert';
import { scenarioLimits } from '../values';
import { AXES, type Axis } from './axes';
import { checkRecords, type RecordVerdict } from './checkRecords';
import { classifyTrajectory } from './classifyTrajectory';
import { relational } from './axisVectors';
import { consensusQuality } from './consensusQuality';
import { buildHkContext, indexOffers } from './hkContext';
import { buildHkSpace, expandPositions, type HkSpace } from './hkSpace';
import { HkStepper, type HkOffer } from './hkStep';
import { spreadOf } from './hkSpread';
import { ResolveMemo } from './ResolveMemo';
import { roundHalfEven } from '../roundHalfEven';
import { reconciledSemantics } from './scoreRecords';
import { trajectorySummary } from './trajectorySummary';
import type { TrustStore } from './TrustStore';
import type { DeliberationStart, EmbedMode, Offer, Round, Trajectory } from './types';

/**
 * Layer 2 of ResonanceBFT: Hegselmann–Krause deliberation (reference §2.4). Each step every
 * agent moves a step toward the weighted centroid of the peers within its confidence radius,
 * axis by axis; the trajectory records how the group converged (velocities, signed axis
 * deltas, evidence deltas, concession symmetry) and `classifyTrajectory` names the kind of
 * agreement. Deliberation never changes the commit: `resolve` reads sealed axes only.
 *
 * Policy: sealed records are never written (a `ResolveMemo` may have frozen them). Positions
 * are built afresh from the sealed axes, and what the reference keeps in the records lives on
 * the round as plain JSON: `round.preDeliberation` (the starting relational rows, so a second
 * deliberation restarts from the same point: idempotent) and `round.trajectory` (without the
 * per-step positions, which reach megabytes at n = 1000; the returned trajectory has them).
 */

/** Deliberations run at most this many steps. */
export const deliberationStepsMax = scenarioLimits.deliberationStepsMax;

export interface DeliberateOptions {
  /** HK steps (default 3). */
  steps?: number;
  /** Fraction of the way toward the target per step (default 0.3). */
  stepSize?: number;
  /** Radius: > 0 as given (per dyad through `getEpsilon`), 0 the default, < 0 full connectivity. */
  epsilon?: number;
  offers?: readonly Offer[];
  /** Keep every step's full positions in the trajectory (default true). */
  keepPositions?: boolean;
}

export interface DeliberationContext {
  /** The commit threshold: the classification threshold when trust-free. */
  threshold: number;
  embed: EmbedMode;
  /** The deliberator and its memory; without them, the deliberation is trust-free. */
  me?: string;
  store?: TrustStore;
  /** Shares signature checks with `resolve`. */
  memo?: ResolveMemo;
}

/**
 * Deliberates `round` among the records that pass the tamper check, restarting from
 * `round.preDeliberation` when it matches them; stores the start and the trajectory summary
 * on the round and returns the trajectory with its positions.
 */
export function deliberate(
  round: Round,
  options: DeliberateOptions = {},
  context: DeliberationContext,
): Trajectory {
  const verdicts = checkRecords(round, context.memo ?? new ResolveMemo(), true);
  const honest = verdicts.filter((verdict) => !verdict.tampered);
  const { trajectory, start } = deliberateVerdicts(honest, options, context, round.preDeliberation);
  round.preDeliberation = start;
  round.trajectory = trajectorySummary(trajectory);
  return trajectory;
}

/**
 * The deliberation itself, over verdicts that passed the tamper check (also `resolve`'s
 * trust-free diagnostic pass). `previous` is reused when it covers exactly these agents.
 *
 * Policy: the semantic axes are read in the reconciled basis `resolve` scores in (the sorted
 * union of the records' vocabularies), where the reference pads the raw vectors to the
 * round's vocabulary; with one shared vocabulary that only permutes coordinates, and with
 * vocabularies that diverged over a transport it keeps coordinate k meaning one word. With no
 * record left to deliberate, the trajectory is empty and its type unknown.
 */
export function deliberateVerdicts(
  verdicts: readonly RecordVerdict[],
  options: DeliberateOptions,
  context: DeliberationContext,
  previous?: DeliberationStart,
): { trajectory: Trajectory; start: DeliberationStart } {
  const steps = options.steps ?? 3;
  const stepSize = options.stepSize ?? 0.3;
  const epsilon = options.epsilon ?? 0;
  assert(Number.isSafeInteger(steps) && steps >= 0 && steps <= deliberationStepsMax,
    `steps must be an integer in [0, ${deliberationStepsMax}], got ${steps}`);
  assert(Number.isFinite(stepSize), `stepSize must be finite, got ${stepSize}`);
  assert(Number.isFinite(epsilon), `epsilon must be finite, got ${epsilon}`);
  const store = context.me !== undefined ? context.store : undefined;
  const semantics = reconciledSemantics(verdicts, context.embed);
  const agents = verdicts.map((verdict) => verdict.aid);
  let width = 1;
  for (const semantic of semantics.values()) width = Math.max(width, semantic.length);
  const start = startingPoint(agents, width, store, previous);
  if (agents.length === 0) return { trajectory: emptyTrajectory(), start };
  const space = buildHkSpace(
    verdicts.map((verdict) => {
      // The sealed relational axis is the agent's own view at participation; deliberation
      // rebuilds it from the deliberator's trust (reference §2.4 setup), so it is not read.
      const { affective, epistemic, behavioral } = verdict.inspection.axes!;
      const row = Object.hasOwn(start.relational, verdict.aid)
        ? start.relational[verdict.aid]
        : undefined;
      const semantic = semantics.get(verdict.aid)!;
      return { semantic, affective, epistemic, behavioral, ...(row ? { relational: row } : {}) };
    }),
    width,
  );
  const hk = buildHkContext({ agents, stepSize, epsilon, ...(store ? { store } : {}) });
  const run = runSteps(space, new HkStepper(space, hk), options, agents, steps);
  const trajectory = finish(run, space, context, store, agents);
  return { trajectory, start };
}

interface StepsRun {
  steps: number;
  velocities: number[];
  axisDeltas: Record<Axis, number[]>;
  evidence: number[][];
  spreads: number[];
  initial: Float64Array;
  final: Float64Array;
  positions?: number[][][];
}

function runSteps(
  space: HkSpace,
  stepper: HkStepper,
  options: DeliberateOptions,
  agents: readonly string[],
  steps: number,
): StepsRun {
  const { agentCount: n, dim } = space.layout;
  const keep = options.keepPositions ?? true;
  let offers: { offer: HkOffer; expiresIn: number }[] = indexOffers(options.offers ?? [], agents);
  let positions = space.positions;
  const run: StepsRun = {
    steps,
    velocities: [],
    axisDeltas: { semantic: [], affective: [], relational: [], epistemic: [], behavioral: [] },
    evidence: agents.map(() => []),
    spreads: [spreadOf(positions, n, dim)],
    initial: positions,
    final: positions,
    ...(keep ? { positions: [expandPositions(space, positions)] } : {}),
  };
  for (let step = 0; step < steps; step++) {
    const result = stepper.step(positions, offers.map((entry) => entry.offer));
    positions = result.positions;
    offers = offers.filter((entry) => entry.expiresIn > 1)
      .map((entry) => ({ offer: entry.offer, expiresIn: entry.expiresIn - 1 }));
    AXES.forEach((axis, a) => run.axisDeltas[axis].push(roundHalfEven(result.axisDeltas[a]!, 5)));
    result.evidence.forEach((delta, i) => run.evidence[i]!.push(delta));
    const spread = spreadOf(positions, n, dim);
    run.velocities.push(roundHalfEven(spread - run.spreads[run.spreads.length - 1]!, 5));
    run.spreads.push(spread);
    run.positions?.push(expandPositions(space, positions));
  }
  run.final = positions;
  return run;
}

/** Concession symmetry, depth, consensus type and quality from the finished run. */
function finish(
  run: StepsRun,
  space: HkSpace,
  context: DeliberationContext,
  store: TrustStore | undefined,
  agents: readonly string[],
): Trajectory {
  const { agentCount: n, dim } = space.layout;
  const movements = agents.map((_, i) => {
    let squares = 0;
    for (let c = i * dim; c < (i + 1) * dim; c++) squares += (run.final[c]! - run.initial[c]!) ** 2;
    return Math.sqrt(squares);
  });
  const most = Math.max(...movements);
  const concessionSymmetry = roundHalfEven(most > 1e-9 ? Math.min(...movements) / most : 1, 4);
  const weights = agents.map((aid) => (store ? store.asymmetricWeight(context.me!, aid) : 1));
  const meanSim = meanSimilarity(run.final, n, dim, weights, space);
  const threshold = store ? store.threshold : context.threshold;
  const evidenceDelta: Record<string, number[]> = {};
  agents.forEach((aid, i) => (evidenceDelta[aid] = run.evidence[i]!));
  const summary = {
    steps: run.steps,
    velocities: run.velocities,
    axisDeltas: run.axisDeltas,
    concessionSymmetry,
    evidenceDelta,
  };
  const medianCo = store ? store.medianCoCommits(agents) : 0;
  return {
    ...summary,
    consensusType: classifyTrajectory(summary, threshold, meanSim, medianCo),
    depth: roundHalfEven(meanSim - threshold, 4),
    consensusQuality: consensusQuality({
      steps: run.steps,
      movements,
      evidenceDeltas: run.evidence,
      initialSpread: run.spreads[0]!,
      finalSpread: run.spreads[run.spreads.length - 1]!,
    }),
    agents: [...agents],
    ...(run.positions ? { positions: run.positions } : {}),
  };
}

/** Mean cosine of each position to the normalised weighted centroid of all of them. */
function meanSimilarity(
  positions: Float64Array,
  n: number,
  dim: number,
  weights: readonly number[],
  space: HkSpace,
): number {
  const centroid = new Float64Array(dim);
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < dim; c++) centroid[c]! += (weights[i]! / total) * positions[i * dim + c]!;
  }
  let size = Math.sqrt(centroid.reduce((a, x) => a + x * x, 0));
  if (size < 1e-9) {
    // The uniform unit vector of the full space (reference `_normalise`).
    const value = 1 / Math.sqrt(space.layout.fullDim);
    centroid.fill(value);
    const { bounds } = space.layout;
    for (let r = bounds[2]!; r < bounds[3]!; r++) {
      centroid[r] = space.onesCoordinates[r - bounds[2]!]! * value;
    }
    size = 1;
  }
  let sum = 0;
  for (let i = 0; i < n; i++) {
    let d = 0;
    let own = 0;
    for (let c = 0; c < dim; c++) {
      d += positions[i * dim + c]! * centroid[c]!;
      own += positions[i * dim + c]! ** 2;
    }
    sum += d / ((Math.sqrt(own) || 1) * size);
  }
  return sum / n;
}

/**
 * The starting relational rows: `previous` when it covers exactly these agents and width;
 * otherwise each agent's normalised trust row from the store, listed only for agents the
 * store holds trust for (everyone else starts uniform, as trust-free does).
 */
function startingPoint(
  agents: readonly string[],
  semanticWidth: number,
  store: TrustStore | undefined,
  previous: DeliberationStart | undefined,
): DeliberationStart {
  if (previous && matches(previous, agents, semanticWidth)) return previous;
  const rows: Record<string, number[]> = {};
  if (store) {
    for (const aid of agents) {
      if (store.hasTrustRow(aid)) rows[aid] = relational(agents, (peer) => store.trust(aid, peer));
    }
  }
  return { agents: [...agents], semanticWidth, relational: rows };
}

function matches(start: DeliberationStart, agents: readonly string[], width: number): boolean {
  return (
    typeof start === 'object' && start !== null &&
    start.semanticWidth === width &&
    Array.isArray(start.agents) && start.agents.length === agents.length &&
    start.agents.every((aid, i) => aid === agents[i]) &&
    typeof start.relational === 'object' && start.relational !== null &&
    Object.values(start.relational).every(
      (row) => Array.isArray(row) && row.length === agents.length && row.every(Number.isFinite),
    )
  );
}

function emptyTrajectory(): Trajectory {
  return {
    steps: 0,
    velocities: [],
    axisDeltas: { semantic: [], affective: [], relational: [], epistemic: [], behavioral: [] },
    concessionSymmetry: 1,
    consensusType: 'unknown',
    depth: 0,
    evidenceDelta: {},
    consensusQuality: { independenceRate: 1, capitulationRate: 0, disagreementCollapse: 0 },
    agents: [],
  };
}
