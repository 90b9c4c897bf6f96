import { adjacencyBitsets, maximalCliques } from './maximalCliques';

/** Agreement at or above which two voters count as a bloc pair, by default (reference). */
export const defaultBlocThreshold = 0.9;

/**
 * Voting blocs (reference §1.3): the maximal cliques of at least two voters in the graph
 * whose edges join voters with agreement ≥ threshold. A voter may sit in several blocs, and
 * the answer does not depend on registration order (the regression of reference issue #28).
 *
 * `rate(i, j)` is the agreement of voters i and j by registration index. Each bloc lists its
 * members in sorted order. Policy: blocs are sorted by size (largest first), then
 * lexicographically by their member lists, which makes the order total; the reference sorts
 * by size and first member only, leaving ties to its enumeration order.
 */
export function detectVotingBlocs(
  voterIds: readonly string[],
  rate: (i: number, j: number) => number,
  threshold: number = defaultBlocThreshold,
): string[][] {
  if (!(threshold > 0 && threshold <= 1)) throw new Error('Threshold must be in (0, 1]');
  // Vertex k is the k-th voter in sorted id order, so cliques come out with sorted members.
  const order = voterIds.map((_, index) => index);
  order.sort((a, b) => compareText(voterIds[a]!, voterIds[b]!));
  const isEdge = (a: number, b: number) => rate(order[a]!, order[b]!) >= threshold;
  const cliques = maximalCliques(adjacencyBitsets(order.length, isEdge), 2);
  const blocs = cliques.map((clique) => clique.map((vertex) => voterIds[order[vertex]!]!));
  return blocs.sort(compareBlocs);
}

/** Largest first, then lexicographic by members. */
export function compareBlocs(a: readonly string[], b: readonly string[]): number {
  if (a.length !== b.length) return b.length - a.length;
  for (let index = 0; index < a.length; index++) {
    const order = compareText(a[index]!, b[index]!);
    if (order !== 0) return order;
  }
  return 0;
}

/** Code-unit order, the same in every locale (never `localeCompare`). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
