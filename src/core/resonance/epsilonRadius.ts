import { AXIS_EPSILON_MULTIPLIERS, type Axis } from './axes';
import { roundHalfEven } from '../roundHalfEven';

/**
 * The per-dyad, per-axis bounded-confidence radius of deliberation (reference §2.6
 * `get_epsilon`): ε = clamp((base + boost(co))·MULT[axis], 0.05, 0.5), rounded to 4 places.
 *
 * The boost is a sigmoid in the pair's co-commit count, 0.25/(1 + e^(−0.35(co − 5))): slow
 * at first, fastest around five shared commits, saturating at +0.25, so allies listen to each
 * other more widely without ever reaching full connectivity. A radius ε admits a peer whose
 * cosine is at least 1 − ε.
 */

export const epsilonMin = 0.05;
export const epsilonMax = 0.5;
const boostMax = 0.25;
const boostSteepness = 0.35;
const boostMidpoint = 5;

export function coCommitBoost(coCommits: number): number {
  return boostMax / (1 + Math.exp(-boostSteepness * (coCommits - boostMidpoint)));
}

/**
 * The radius for a pair with `coCommits` shared commits on `axis`, in [0.05, 0.5] whatever
 * `base` is. Policy: no gate on `base` here. The reference returns 0 only for the caller's
 * base ε ≤ 0 (`getEpsilon`, full connectivity); a warm store's learned base ε ≤ 0 (say, from
 * a restored snapshot) still gives at least 0.05, as the clamp does in the reference.
 */
export function epsilonRadius(base: number, coCommits: number, axis: Axis = 'semantic'): number {
  const value = (base + coCommitBoost(coCommits)) * AXIS_EPSILON_MULTIPLIERS[axis];
  return roundHalfEven(Math.min(Math.max(value, epsilonMin), epsilonMax), 4);
}
