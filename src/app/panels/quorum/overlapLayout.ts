/**
 * Geometry of the quorum-intersection diagram: n agents in a row, quorum A takes the first q,
 * quorum B the last q, so they share exactly the minimum 2q − n. The adversary's worst case
 * puts all f Byzantine agents inside that overlap; whatever of the overlap is left is honest.
 */

export interface Span {
  x: number;
  width: number;
}

export interface OverlapGeometry {
  width: number;
  /** Quorum A: agents [0, q). */
  a: Span;
  /** Quorum B: agents [n − q, n). */
  b: Span;
  /** Agents [n − q, q), or null when two quorums need not meet (2q ≤ n). */
  overlap: Span | null;
  /** The worst case: min(f, overlap) Byzantine agents at the start of the overlap. */
  byzantine: Span | null;
  /** The rest of the overlap: agents that must be honest, or null when there are none. */
  honest: Span | null;
  /** x of each boundary between agents, only when cells are wide enough to read. */
  dividers: number[];
}

/** Below this cell width (px) the per-agent dividers are dropped: they would only add noise. */
const dividerWidthMin = 4;

/** Lays out two quorums of size `quorumSize` over `n` agents in `width` px (n ≥ 1). */
export function overlapLayout(
  n: number,
  f: number,
  quorumSize: number,
  width: number,
): OverlapGeometry {
  const q = Math.min(Math.max(quorumSize, 0), n);
  const cell = n > 0 ? width / n : 0;
  const span = (from: number, to: number): Span | null =>
    to > from ? { x: from * cell, width: (to - from) * cell } : null;
  const overlapFrom = n - q;
  const overlapCount = Math.max(0, 2 * q - n);
  const byzantineCount = Math.min(f, overlapCount);
  const dividerCount = cell >= dividerWidthMin ? Math.max(0, n - 1) : 0;
  const dividers = Array.from({ length: dividerCount }, (_, i) => (i + 1) * cell);
  return {
    width,
    a: { x: 0, width: q * cell },
    b: { x: overlapFrom * cell, width: q * cell },
    overlap: span(overlapFrom, q),
    byzantine: span(overlapFrom, overlapFrom + byzantineCount),
    honest: span(overlapFrom + byzantineCount, q),
    dividers,
  };
}
