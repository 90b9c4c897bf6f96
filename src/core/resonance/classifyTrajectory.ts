import { AXES } from './axes';
import type { ConsensusFamily, ConsensusType, Trajectory } from './types';

/**
 * Names what kind of agreement a deliberation reached (reference §2.5
 * `_classify_trajectory`). The rules run in this order and the first match wins:
 *
 * 1. no step run: unknown;
 * 2. nobody moved (|v| < 0.005 every step): genuine if already above the threshold, else
 *    deadlock;
 * 3. every step diverged: polarized; not converging at the end and below the threshold:
 *    polarized;
 * 4. allies (median co-commits ≥ 3) settled within two active steps without new evidence
 *    (|mean evidence delta| < 0.01), above the threshold: coalitional;
 * 5. some axes conceded while others gained (net axis deltas of both signs beyond ±0.01):
 *    logrolled;
 * 6. one side did nearly all the moving (symmetry < 0.15) fast and without evidence: coerced;
 * 7. one-sided (symmetry < 0.20): genuine if confidence rose (> 0.02) above the threshold,
 *    capitulated if it did not;
 * 8. barely above the threshold (depth < 0.05): fragile;
 * 9. bilateral (symmetry ≥ 0.40) above the threshold: genuine, or capitulated if confidence
 *    fell (< −0.02); anything else: fragile.
 */

/** Median co-commits from which a fast, evidence-free agreement counts as an alliance. */
export const coalitionCoCommitsMin = 3;
/** A step whose velocity stays below this moved nobody. */
const stillVelocity = 0.005;
/** Net axis deltas within ±this count as neither conceding nor gaining. */
const axisDeadBand = 0.01;

/** The families of reference §2.5; "unknown" means deliberation did not run. */
export const CONSENSUS_FAMILIES: Readonly<
  Record<Exclude<ConsensusFamily, 'unknown'>, readonly ConsensusType[]>
> = Object.freeze({
  authentic: ['genuine'],
  pressured: ['capitulated', 'coerced', 'fragile'],
  alliance: ['coalitional', 'logrolled'],
  failed: ['deadlock', 'polarized'],
});

export function consensusFamily(type: ConsensusType): ConsensusFamily {
  for (const [family, types] of Object.entries(CONSENSUS_FAMILIES)) {
    if (types.includes(type)) return family as ConsensusFamily;
  }
  return 'unknown';
}

export type ClassifiableTrajectory = Pick<
  Trajectory,
  'steps' | 'velocities' | 'axisDeltas' | 'concessionSymmetry' | 'evidenceDelta'
>;

export function classifyTrajectory(
  traj: ClassifiableTrajectory,
  threshold: number,
  finalSim: number,
  minCoCommits = 0,
): ConsensusType {
  if (!(traj.steps >= 1)) return 'unknown';
  const velocities = traj.velocities;
  const symmetry = traj.concessionSymmetry;
  const evidence = meanEvidenceDelta(traj.evidenceDelta);
  const depth = finalSim - threshold;
  if (velocities.every((v) => Math.abs(v) < stillVelocity)) {
    return depth > 0 ? 'genuine' : 'deadlock';
  }
  if (velocities.every((v) => v > 0)) return 'polarized';
  const converging = velocities[velocities.length - 1]! < 0;
  if (!converging && depth < 0) return 'polarized';
  const activeSteps = velocities.filter((v) => Math.abs(v) >= stillVelocity).length;
  if (
    minCoCommits >= coalitionCoCommitsMin &&
    activeSteps <= 2 &&
    Math.abs(evidence) < 0.01 &&
    depth > 0
  ) {
    return 'coalitional';
  }
  if (isLogrolled(traj.axisDeltas)) return 'logrolled';
  if (symmetry < 0.15 && activeSteps <= 2 && evidence <= 0.02) return 'coerced';
  if (symmetry < 0.2) {
    if (evidence > 0.02 && depth > 0) return 'genuine';
    if (evidence <= 0.02) return 'capitulated';
  }
  if (depth > 0 && depth < 0.05) return 'fragile';
  if (symmetry >= 0.4 && depth > 0) return evidence < -0.02 ? 'capitulated' : 'genuine';
  return 'fragile';
}

/** Mean of every evidence delta of every agent; 0 when there are none. */
export function meanEvidenceDelta(
  evidenceDelta: Readonly<Record<string, readonly number[]>>,
): number {
  let sum = 0;
  let count = 0;
  for (const deltas of Object.values(evidenceDelta)) {
    for (const delta of deltas) {
      sum += delta;
      count++;
    }
  }
  return count > 0 ? sum / count : 0;
}

/** True when one axis conceded on net while another gained (trading, not converging). */
function isLogrolled(axisDeltas: Trajectory['axisDeltas']): boolean {
  let conceded = false;
  let gained = false;
  for (const axis of AXES) {
    const net = (axisDeltas[axis] ?? []).reduce((a, b) => a + b, 0);
    if (net > axisDeadBand) gained = true;
    if (net < -axisDeadBand) conceded = true;
  }
  return conceded && gained;
}
