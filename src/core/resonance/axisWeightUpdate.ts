import { AXES, type Axis } from './axes';
import { roundHalfEven } from '../roundHalfEven';
import type { ConsensusType } from './types';

/**
 * Layer 3 of the trust store (reference §2.6): every 200 rounds, one exponentiated-gradient
 * step (Kivinen & Warmuth 1997) on the axis weights, driven by the quality of recent
 * consensus. Good rounds (mean score q > 0) reinforce the current deviation from uniform; bad
 * rounds push toward uniform, twice as fast (negativity bias). The result stays on the
 * simplex with every weight ≥ 0.05.
 *
 * Policy: the learned weights shape deliberation only (the per-axis step multiplier); the
 * commit always scores with the fixed `AXIS_WEIGHTS`.
 */

export const slowEpochRounds = 200;
/** No axis weight ever falls below this. */
export const axisWeightMin = 0.05;
/** The update needs at least this many consensus types to read a signal. */
const signalRoundsMin = 20;
const learningRate = 0.008;
const lossBias = 2;

/** How good each consensus type is, as a learning signal (reference `_CT_SCORES`). */
export const CONSENSUS_TYPE_SCORES: Readonly<Record<ConsensusType, number>> = Object.freeze({
  genuine: 1,
  fragile: -0.5,
  capitulated: -0.8,
  coerced: -0.8,
  logrolled: -0.3,
  coalitional: -0.4,
  deadlock: -0.6,
  polarized: -0.6,
  unknown: 0,
});

export function axisWeightUpdate(
  weights: Readonly<Record<Axis, number>>,
  consensusTypes: readonly ConsensusType[],
): Record<Axis, number> {
  const window = consensusTypes.slice(-slowEpochRounds);
  if (window.length < signalRoundsMin) return { ...weights };
  let sum = 0;
  for (const type of window) sum += CONSENSUS_TYPE_SCORES[type] ?? 0;
  const quality = roundHalfEven(sum / window.length, 4);
  if (Math.abs(quality) < 0.05) return { ...weights };
  const uniform = 1 / AXES.length;
  const rate = quality > 0 ? learningRate : learningRate * lossBias;
  const stepped = AXES.map((axis) => {
    const w = weights[axis];
    return w * Math.exp(-rate * (-quality * (w - uniform)));
  });
  const total = stepped.reduce((a, b) => a + b, 0) || 1;
  const floored = stepped.map((w) => Math.max(w / total, axisWeightMin));
  // Lift sub-floor weights to the floor and take the excess from the others in proportion to
  // their slack, so the floor survives and the weights still sum to 1.
  const excess = floored.reduce((a, b) => a + b, 0) - 1;
  const slack = floored.reduce((a, w) => a + (w > axisWeightMin ? w - axisWeightMin : 0), 0) || 1;
  const out = {} as Record<Axis, number>;
  AXES.forEach((axis, i) => {
    const w = floored[i]!;
    const adjusted = w > axisWeightMin ? w - (excess * (w - axisWeightMin)) / slack : w;
    out[axis] = roundHalfEven(Math.max(adjusted, axisWeightMin), 5);
  });
  return out;
}
