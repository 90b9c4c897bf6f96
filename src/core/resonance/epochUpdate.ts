import { roundHalfEven } from '../roundHalfEven';
import type { ConsensusType } from './types';

/**
 * Layer 2 of the trust store (reference §2.6): every 50 rounds, nudge the deliberation radius
 * and the adaptive threshold from the last epoch's consensus types and similarities.
 *
 * - ε widens (+0.01, ≤ 0.5) when more than 35% of rounds fragmented (deadlock, polarized), and
 *   narrows (−0.01, ≥ 0.05) when more than 40% homogenised (coalitional, capitulated);
 *   otherwise a median similarity below 0.5 widens it too.
 * - θ rises (+0.02, ≤ 0.85) when more than 10% of rounds were false consensus (capitulated,
 *   coerced), and falls (−0.02, ≥ 0.40) when almost none were but over 20% fragmented.
 *
 * Neither ever touches the commit: ε shapes deliberation, θ classifies it. The caller then
 * clamps θ to `bftSafetyLowerBound(n, f)`.
 */

export const epochRounds = 50;
/** Similarities the median reads: about five per round of the epoch. */
const similarityWindow = epochRounds * 5;
const epsilonStep = 0.01;
const thresholdStep = 0.02;

export interface EpochParams {
  baseEpsilon: number;
  threshold: number;
}

export function epochUpdate(
  params: EpochParams,
  consensusTypes: readonly ConsensusType[],
  similarities: readonly number[],
): EpochParams {
  const window = consensusTypes.slice(-epochRounds);
  if (window.length === 0) return { ...params };
  const share = (types: readonly ConsensusType[]): number =>
    window.filter((type) => types.includes(type)).length / window.length;
  const fragmented = share(['deadlock', 'polarized']);
  const homogenised = share(['coalitional', 'capitulated']);
  let { baseEpsilon, threshold } = params;
  if (fragmented > 0.35) baseEpsilon = roundHalfEven(Math.min(baseEpsilon + epsilonStep, 0.5), 3);
  else if (homogenised > 0.4) baseEpsilon = roundHalfEven(Math.max(baseEpsilon - epsilonStep, 0.05), 3);
  const recent = similarities.slice(-similarityWindow);
  if (recent.length > 0) {
    const sorted = [...recent].sort((a, b) => a - b);
    // The upper median, as the reference takes it.
    const median = sorted[sorted.length >> 1]!;
    if (median < 0.5 && fragmented <= 0.35 && homogenised <= 0.4) {
      baseEpsilon = roundHalfEven(Math.min(baseEpsilon + epsilonStep, 0.5), 3);
    }
  }
  const falseConsensus = share(['capitulated', 'coerced']);
  if (falseConsensus > 0.1) threshold = roundHalfEven(Math.min(threshold + thresholdStep, 0.85), 3);
  else if (falseConsensus < 0.02 && fragmented > 0.2) {
    threshold = roundHalfEven(Math.max(threshold - thresholdStep, 0.4), 3);
  }
  return { baseEpsilon, threshold };
}
