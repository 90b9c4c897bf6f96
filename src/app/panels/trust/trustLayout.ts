import { interpolateCividis, scaleSequential } from 'd3';
import type { StreamEvent } from '../../../worker/api';

export interface TrustMatrix {
  /** `values[i][j]`: agent i's trust in agent j (or council agreement), null when unknown or i = j. */
  values: (number | null)[][];
  /** Mean reputation of each agent over the replicas' latest views, or null before any commit. */
  reputation: (number | null)[];
  /** The round of the latest update shown. */
  roundNo: number | null;
  min: number;
  max: number;
}

/**
 * Every replica's latest trust row at `tick` (from `trustUpdated`, emitted when it commits)
 * and the mean reputation the replicas hold for each agent. Agents that have not committed
 * yet have no row: their trust is still the initial 1.0 of reference §2.6, shown as unknown.
 */
export function trustAt(events: readonly StreamEvent[], tick: number, n: number): TrustMatrix {
  const rows: (number[] | null)[] = Array.from({ length: n }, () => null);
  const reputations: (number[] | null)[] = Array.from({ length: n }, () => null);
  let roundNo: number | null = null;
  for (const event of events) {
    if (event.t > tick) break;
    if (event.kind !== 'trustUpdated' || event.agent >= n) continue;
    rows[event.agent] = event.trust;
    reputations[event.agent] = event.reputation;
    roundNo = event.roundNo;
  }
  // Policy: an agent's trust in itself is never adapted (it stays 1.0), so the diagonal is left
  // blank rather than stretching the colour scale.
  const values = rows.map((row, i) =>
    row === null ? Array<number | null>(n).fill(null) : row.slice(0, n).map((value, j) => (i === j ? null : value)),
  );
  const known = reputations.filter((row): row is number[] => row !== null);
  const reputation = Array.from({ length: n }, (_, j) =>
    known.length === 0 ? null : known.reduce((sum, row) => sum + (row[j] ?? 0), 0) / known.length,
  );
  return { values, reputation, roundNo, ...extent(values) };
}

/** The council's agreement matrix as the same shape (ids a0 … a{n−1}). */
export function agreementMatrix(agreement: Record<string, Record<string, number>>, n: number): TrustMatrix {
  const values = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => agreement[`a${i}`]?.[`a${j}`] ?? null),
  );
  return { values, reputation: Array<number | null>(n).fill(null), roundNo: null, min: 0, max: 1 };
}

function extent(values: (number | null)[][]): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const row of values) for (const value of row) if (value !== null) [min, max] = [Math.min(min, value), Math.max(max, value)];
  if (min === Infinity) return { min: 0, max: 1 };
  return min === max ? { min: min - 0.05, max: max + 0.05 } : { min, max };
}

/** Cividis over the matrix's range (a colour-blind-safe sequential scale), as CSS colours. */
export function trustColour(matrix: Pick<TrustMatrix, 'min' | 'max'>): (value: number) => string {
  const scale = scaleSequential(interpolateCividis).domain([matrix.min, matrix.max]);
  return (value) => scale(value);
}
