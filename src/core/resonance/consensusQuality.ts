import { roundHalfEven } from '../roundHalfEven';
import type { ConsensusQuality } from './types';

/**
 * The genuine-vs-superficial audit of a deliberation (reference §2.5
 * `consensus_quality_metrics`): how many agents held their ground (independence), how many
 * moved while pulled toward less confident peers (capitulation), and how much of the group's
 * spread disappeared (disagreement collapse). Each is in [0, 1], rounded to 4 places.
 */

/** An agent that moved less than this (Euclidean, first to last position) held its ground. */
export const movementMin = 0.02;
/** A mean evidence delta below −this is a pull toward less confident peers. */
export const pressureDeltaMin = 0.005;
/** Spreads below this count as no disagreement to collapse. */
const spreadMin = 1e-9;

export interface QualityInput {
  /** HK steps run; with none, nothing moved: {1, 0, 0}. */
  steps: number;
  /** Per agent: Euclidean distance from its first to its last position. */
  movements: readonly number[];
  /** Per agent (same order): its evidence delta at each step. */
  evidenceDeltas: readonly (readonly number[])[];
  /** Mean pairwise cosine distance before and after. */
  initialSpread: number;
  finalSpread: number;
}

export function consensusQuality(input: QualityInput): ConsensusQuality {
  if (!(input.steps >= 1)) {
    return { independenceRate: 1, capitulationRate: 0, disagreementCollapse: 0 };
  }
  const count = input.movements.length || 1;
  let independent = 0;
  let capitulated = 0;
  input.movements.forEach((movement, i) => {
    const deltas = input.evidenceDeltas[i] ?? [];
    const meanDelta = deltas.length > 0 ? deltas.reduce((a, b) => a + b, 0) / deltas.length : 0;
    if (movement < movementMin) independent++;
    else if (meanDelta < -pressureDeltaMin) capitulated++;
  });
  const collapse =
    input.initialSpread < spreadMin
      ? 0
      : Math.max(0, Math.min(1, 1 - input.finalSpread / input.initialSpread));
  return {
    independenceRate: roundHalfEven(independent / count, 4),
    capitulationRate: roundHalfEven(capitulated / count, 4),
    disagreementCollapse: roundHalfEven(collapse, 4),
  };
}
