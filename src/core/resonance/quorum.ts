import { roundHalfEven } from '../roundHalfEven';
import { faultBound, quorumNeeded as quorumNeededBy } from '../values';
import type { Round, UnsafeSwitches } from './types';

/**
 * Membership and quorum arithmetic (reference §2.3 steps 3 and 11, §2.6).
 */

export { faultBound };

/** Records needed to commit: n − f, or 2f+1 with the teaching switch (see `core/values`). */
export function quorumNeeded(n: number, unsafe: UnsafeSwitches = {}): number {
  return quorumNeededBy(n, unsafe.quorum === '2f+1' ? '2f+1' : 'n-f');
}

/**
 * The membership floor n = max(records present, the round's expectedN, the resolver's own
 * expectedN, the roster length).
 *
 * Policy: the maximum of every source, so metadata a Byzantine proposer controls can only
 * raise the bar, never lower it below what this resolver was configured with; otherwise a
 * partitioned minority could shrink n − f and commit alone (split brain).
 */
export function membershipFloor(round: Round, present: number, ownExpectedN: number): number {
  const roundExpected = Number.isSafeInteger(round.expectedN) ? round.expectedN : 0;
  const rosterLength = Array.isArray(round.roster) ? round.roster.length : 0;
  const own = Number.isSafeInteger(ownExpectedN) ? ownExpectedN : 0;
  return Math.max(present, roundExpected, own, rosterLength);
}

/**
 * The lowest adaptive threshold that keeps quorum intersection meaningful:
 * max(0, 1 − 2f/(n−f)), rounded to 4 places; 0 when n ≤ 3f, where BFT is impossible anyway
 * (reference §2.6 `bft_safety_lower_bound`; 0.2 for n = 7, f = 2).
 */
export function bftSafetyLowerBound(n: number, f: number): number {
  if (n <= 3 * f) return 0;
  return roundHalfEven(Math.max(0, 1 - (2 * f) / (n - f)), 4);
}
