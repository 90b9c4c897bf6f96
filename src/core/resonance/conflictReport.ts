import { cosine, meanVec, norm } from '../vec';
import { AXES, type Axis } from './axes';
import { roundHalfEven } from '../roundHalfEven';
import type { AxisPolarization, AxisScores, ConflictReport, ConflictType } from './types';

/**
 * Per-axis agreement and structural conflict (reference §2.5 conflict report), which a bare
 * committed/aborted status cannot express:
 * - an axis is agreed when at least half the agents reach the threshold on it;
 * - a disagreed axis is deadlocked when its agents split into two opposed clusters
 *   (`axisPolarization`);
 * - a persistent dissenter is below the threshold on all five axes.
 * The type is the first that applies: axis_deadlock, partial_consensus (some axes agreed,
 * some not), persistent_dissent, none. Diagnostic only.
 */

/** Agreement share from which an axis counts as agreed. */
const agreedShareMin = 0.5;
/** Two cluster means at or below this cosine are opposed. */
const opposedCosineMax = -0.1;
/** Polarisation needs at least this many agents. */
const polarizationAgentsMin = 4;

/**
 * @param vectors each agent's commit-time axis vectors (the agents the report covers)
 * @param perAxis each agent's per-axis similarity to the committed centroids
 */
export function conflictReport(
  vectors: Readonly<Record<string, Readonly<Record<Axis, readonly number[]>>>>,
  perAxis: Readonly<Record<string, AxisScores>>,
  threshold: number,
): ConflictReport {
  const ids = Object.keys(vectors).sort();
  const axisAgreement = {} as Record<Axis, number>;
  const agreedAxes: Axis[] = [];
  const disagreedAxes: Axis[] = [];
  for (const axis of AXES) {
    const above = ids.filter((id) => (perAxis[id]?.[axis] ?? 0) >= threshold).length;
    const share = ids.length > 0 ? above / ids.length : 0;
    axisAgreement[axis] = roundHalfEven(share, 3);
    (share >= agreedShareMin ? agreedAxes : disagreedAxes).push(axis);
  }
  const deadlockedAxes: AxisPolarization[] = [];
  for (const axis of disagreedAxes) {
    const slice: Record<string, readonly number[]> = {};
    for (const id of ids) slice[id] = vectors[id]![axis];
    const polarization = axisPolarization(axis, slice);
    if (polarization) deadlockedAxes.push(polarization);
  }
  const persistentDissenters = ids.filter((id) =>
    AXES.every((axis) => (perAxis[id]?.[axis] ?? 0) < threshold),
  );
  let conflictType: ConflictType = 'none';
  if (deadlockedAxes.length > 0) conflictType = 'axis_deadlock';
  else if (agreedAxes.length > 0 && disagreedAxes.length > 0) conflictType = 'partial_consensus';
  else if (persistentDissenters.length > 0) conflictType = 'persistent_dissent';
  return {
    conflictType,
    axisAgreement,
    agreedAxes,
    disagreedAxes,
    deadlockedAxes,
    persistentDissenters,
  };
}

/**
 * Whether the agents split into two opposed clusters on `axis` (reference
 * `_detect_axis_polarization`): each agent joins A or B by the sign of its cosine with the
 * global mean, and the axis is polarised when the two cluster means have cosine ≤ −0.1.
 *
 * Policy: when the global mean is zero (two perfectly balanced camps cancel, the strongest
 * polarisation there is), the highest-norm vector is the reference instead, the last agent id
 * on ties, so the split is still found.
 */
export function axisPolarization(
  axis: Axis,
  vectors: Readonly<Record<string, readonly number[]>>,
): AxisPolarization | undefined {
  const ids = Object.keys(vectors).sort();
  if (ids.length < polarizationAgentsMin) return undefined;
  let reference = meanVec(ids.map((id) => vectors[id]!));
  if (reference.every((x) => x === 0)) {
    let best = ids[0]!;
    for (const id of ids) if (norm(vectors[id]!) >= norm(vectors[best]!)) best = id;
    reference = [...vectors[best]!];
    if (reference.every((x) => x === 0)) return undefined;
  }
  const clusterA = ids.filter((id) => cosine(vectors[id]!, reference) >= 0);
  const clusterB = ids.filter((id) => cosine(vectors[id]!, reference) < 0);
  if (clusterA.length === 0 || clusterB.length === 0) return undefined;
  const centroidA = meanVec(clusterA.map((id) => vectors[id]!));
  const centroidB = meanVec(clusterB.map((id) => vectors[id]!));
  const inter = cosine(centroidA, centroidB);
  if (inter > opposedCosineMax) return undefined;
  return {
    axis,
    clusterA,
    clusterB,
    interClusterSim: roundHalfEven(inter, 4),
    centroidA: centroidA.map((x) => roundHalfEven(x, 4)),
    centroidB: centroidB.map((x) => roundHalfEven(x, 4)),
  };
}
