import { faultBound } from './quorum';
import type { Outcome } from './types';

/**
 * Object-level safety checks over outcomes (reference §2.8 `bft_validators.py`). Each returns
 * a verdict as data, `{ name, ok, detail }`, the shape the engine's invariant monitors and the
 * command line report.
 */
export interface InvariantVerdict {
  name: string;
  ok: boolean;
  detail: string;
}

/**
 * Agreement: no two committed outcomes of one round fork the shared core. Two honest
 * resolvers that saw different n−f subsets may form different, overlapping quorums (and name
 * different representative winners) without any violation, provided every agent present in
 * both commits is classified the same way in both. A fork is an agent present in both that one
 * commit counts in the quorum and the other does not, or an identical quorum naming two
 * different winners.
 */
export function noConflictingCommits(outcomes: readonly Outcome[]): InvariantVerdict {
  const name = 'no_conflicting_commits';
  const byRound = new Map<string, Outcome[]>();
  for (const outcome of outcomes) {
    if (outcome.status !== 'committed') continue;
    const group = byRound.get(outcome.roundId) ?? [];
    group.push(outcome);
    byRound.set(outcome.roundId, group);
  }
  const conflicts: string[] = [];
  for (const [roundId, commits] of byRound) {
    for (let i = 0; i < commits.length; i++) {
      for (let j = i + 1; j < commits.length; j++) {
        const conflict = forkBetween(commits[i]!, commits[j]!);
        if (conflict) conflicts.push(`round ${roundId}: ${conflict}`);
      }
    }
  }
  if (conflicts.length > 0) return { name, ok: false, detail: conflicts.join('; ') };
  return { name, ok: true, detail: `no conflicts across ${byRound.size} committed round(s)` };
}

function forkBetween(a: Outcome, b: Outcome): string | undefined {
  const quorumA = new Set(a.quorumAgents);
  const quorumB = new Set(b.quorumAgents);
  const presentB = presentIn(b);
  const split = [...presentIn(a)]
    .filter((id) => presentB.has(id) && quorumA.has(id) !== quorumB.has(id))
    .sort();
  if (split.length > 0) {
    return `agents ${split.join(', ')} are present in both commits but classified differently`;
  }
  const sameQuorum = quorumA.size === quorumB.size && [...quorumA].every((id) => quorumB.has(id));
  if (sameQuorum && a.winner !== b.winner) {
    return `one quorum committed two winners (${String(a.winner)} and ${String(b.winner)})`;
  }
  return undefined;
}

function presentIn(outcome: Outcome): Set<string> {
  return new Set([...outcome.quorumAgents, ...outcome.outlierAgents, ...outcome.tamperedAgents]);
}

/**
 * Every commit is backed by a real n−f quorum, recomputed rather than trusted: n is the
 * larger of the claimed n and the distinct agents the outcome names (so under-reporting n to
 * lower the bar is caught), the quorum is counted without duplicates, and the claimed
 * quorumSize and quorumNeeded must match the recomputed ones.
 */
export function noForgedQuorum(outcomes: readonly Outcome[]): InvariantVerdict {
  const name = 'no_forged_quorum';
  const violations: string[] = [];
  let checked = 0;
  for (const outcome of outcomes) {
    if (outcome.status !== 'committed') continue;
    checked++;
    const observed = presentIn(outcome).size;
    const claimed = Number.isSafeInteger(outcome.n) ? outcome.n : 0;
    const n = Math.max(claimed, observed);
    const size = new Set(outcome.quorumAgents).size;
    const needed = n - faultBound(n);
    const round = `round ${outcome.roundId}`;
    if (claimed < observed) {
      violations.push(`${round}: n=${claimed} < ${observed} agents named (under-reported n)`);
    } else if (outcome.quorumSize !== size || outcome.quorumNeeded !== needed) {
      violations.push(
        `${round}: claimed quorum ${outcome.quorumSize}/${outcome.quorumNeeded} ` +
          `!= recomputed ${size}/${needed}`,
      );
    } else if (size < needed) {
      violations.push(`${round}: committed with ${size}/${needed} (forged quorum)`);
    }
  }
  if (violations.length > 0) return { name, ok: false, detail: violations.join('; ') };
  return { name, ok: true, detail: `all ${checked} commit(s) carry an n−f quorum` };
}
