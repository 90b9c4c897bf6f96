import { VoteValue, type Vote } from './types';

/**
 * Pairwise agreement counts between voters, accumulated in one pass over the proposals.
 * For voter indices i < j, `shared[i * n + j]` counts proposals where both cast a
 * non-abstain vote and `agree[i * n + j]` those where the two votes were equal; the lower
 * triangle and the diagonal stay 0. Per proposal this costs O(k²) for its k non-abstain
 * votes, instead of the reference's O(n² × proposals) rescan of every proposal per pair.
 */
export interface AgreementCounts {
  readonly voterCount: number;
  readonly shared: Int32Array;
  readonly agree: Int32Array;
}

export function countAgreement(
  voterIds: readonly string[],
  votesByProposal: Iterable<ReadonlyMap<string, Vote>>,
): AgreementCounts {
  const n = voterIds.length;
  const shared = new Int32Array(n * n);
  const agree = new Int32Array(n * n);
  const participants = new Int32Array(n);
  const approves = new Uint8Array(n);
  for (const votes of votesByProposal) {
    let k = 0;
    for (let index = 0; index < n; index++) {
      const vote = votes.get(voterIds[index]!);
      if (vote === undefined || vote.value === VoteValue.ABSTAIN) continue;
      participants[k] = index;
      approves[k] = vote.value === VoteValue.APPROVE ? 1 : 0;
      k++;
    }
    for (let x = 0; x < k; x++) {
      const row = participants[x]! * n;
      const value = approves[x];
      for (let y = x + 1; y < k; y++) {
        const cell = row + participants[y]!;
        shared[cell]!++;
        if (approves[y] === value) agree[cell]!++;
      }
    }
  }
  return { voterCount: n, shared, agree };
}

/**
 * The share of shared non-abstain votes on which voters i and j agreed: 1 on the diagonal,
 * 0 for a pair that never both voted (reference §1.3).
 */
export function agreementRate(counts: AgreementCounts, i: number, j: number): number {
  if (i === j) return 1;
  const cell = i < j ? i * counts.voterCount + j : j * counts.voterCount + i;
  const shared = counts.shared[cell]!;
  return shared > 0 ? counts.agree[cell]! / shared : 0;
}

/**
 * The agreement matrix as `m[a][b]`, rows and columns in registration order. Rows are
 * null-prototype records so that no voter id (not even `__proto__`) can reach a prototype.
 */
export function agreementMatrix(
  voterIds: readonly string[],
  counts: AgreementCounts,
): Record<string, Record<string, number>> {
  const matrix = idRecord<Record<string, number>>();
  voterIds.forEach((a, i) => {
    const row = idRecord<number>();
    voterIds.forEach((b, j) => {
      row[b] = agreementRate(counts, i, j);
    });
    matrix[a] = row;
  });
  return matrix;
}

/** A record keyed by voter ids, with no prototype. */
export function idRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
