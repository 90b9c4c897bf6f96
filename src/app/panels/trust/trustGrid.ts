import type { TrustMatrix } from './trustLayout';

/** Above this many agents the matrix shows blocks of agents, averaged. */
export const aggregateAgentsAbove = 100;
/** Rows (and columns) of blocks an aggregated matrix has at most. */
export const blocksMax = 50;
/** Label steps, in rows: every label, then every 2nd, 5th, 10th … */
const niceSteps = [1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000];

export interface GridLabel {
  /** Row (and column) of the grid. */
  unit: number;
  /** Centre of the row or column, in the grid's coordinates. */
  position: number;
  text: string;
}

/**
 * Where the trust matrix goes in its SVG: `units` rows and columns of `cell` each, inside a
 * margin that holds the agent labels. A unit is one agent, or above `aggregateAgentsAbove`
 * agents a block of `blockSize` consecutive agents (the last block may be shorter).
 */
export interface TrustGrid {
  agentCount: number;
  blockSize: number;
  units: number;
  cell: number;
  /** Left and top of the matrix (the row labels sit left of it, the column labels above). */
  left: number;
  top: number;
  /** The whole SVG. */
  width: number;
  height: number;
  /** Every `labelStep`-th row is named: every row when there is room. */
  labelStep: number;
  labels: GridLabel[];
}

/**
 * The grid of `agentCount` agents in a `size`-wide square, with labels no closer than
 * `labelGapMin` (a label's height plus a little, in SVG units).
 */
export function trustGrid(agentCount: number, size: number, labelGapMin = 11): TrustGrid {
  const blockSize = agentCount > aggregateAgentsAbove ? Math.ceil(agentCount / blocksMax) : 1;
  const units = Math.max(1, Math.ceil(agentCount / blockSize));
  const cell = size / units;
  const labelStep = niceSteps.find((step) => step * cell >= labelGapMin) ?? units;
  const labels: GridLabel[] = [];
  for (let unit = 0; unit < units; unit += labelStep) {
    labels.push({ unit, position: (unit + 0.5) * cell, text: unitName(unit, blockSize, agentCount, 'short') });
  }
  // Room for the longest name ("a999", or a block's "a980–a999" when hovered) at the label
  // size, with a gap before the matrix.
  const longest = unitName(units - 1, blockSize, Math.max(agentCount, 1)).length;
  const margin = Math.max(18, 7 + 6.2 * longest);
  return {
    agentCount, blockSize, units, cell, left: margin, top: margin,
    width: margin + size, height: margin + size, labelStep, labels,
  };
}

/** The agents of a unit: `[first, last]`, both included. */
export function unitAgents(unit: number, blockSize: number, agentCount: number): [number, number] {
  const first = unit * blockSize;
  return [first, Math.min(first + blockSize, agentCount) - 1];
}

/** `a12`, or a block's range `a8–a11` ('full'), or its first agent `a8` ('short', for axis labels). */
export function unitName(unit: number, blockSize: number, agentCount: number, form: 'full' | 'short' = 'full'): string {
  const [first, last] = unitAgents(unit, blockSize, agentCount);
  return first === last || form === 'short' ? `a${first}` : `a${first}–a${last}`;
}

/** The unit an agent falls in. */
export function unitOf(agent: number, blockSize: number): number {
  return Math.floor(agent / blockSize);
}

/** An aggregated matrix: block means, with how many known pairs each mean is over. */
export interface BlockMatrix extends TrustMatrix {
  /** `counts[i][j]`: known (non-null) agent pairs in block (i, j). */
  counts: number[][];
}

/** A row's known values summed per block of columns, with how many were known. */
interface RowBlocks {
  blockSize: number;
  sums: Float64Array;
  counts: Uint32Array;
}

/**
 * Rows are shared between the matrices of a run (`trustAt`), so each row's block sums are
 * computed once: a new matrix at n = 1000 adds 50 sums per row instead of reading 10⁶ cells.
 */
const rowBlocks = new WeakMap<readonly (number | null)[], RowBlocks>();

function blocksOf(row: readonly (number | null)[], blockSize: number, units: number): RowBlocks {
  const cached = rowBlocks.get(row);
  if (cached !== undefined && cached.blockSize === blockSize && cached.sums.length === units) return cached;
  const blocks = { blockSize, sums: new Float64Array(units), counts: new Uint32Array(units) };
  for (let j = 0; j < row.length; j++) {
    const value = row[j] ?? null;
    if (value === null) continue;
    const unit = unitOf(j, blockSize);
    blocks.sums[unit]! += value;
    blocks.counts[unit]! += 1;
  }
  rowBlocks.set(row, blocks);
  return blocks;
}

/**
 * The matrix in blocks of `blockSize` agents: each cell is the mean of the known values of
 * its block (null when none is known), on the same colour range as the agents' matrix so the
 * legend still reads.
 */
export function aggregateMatrix(matrix: TrustMatrix, blockSize: number): BlockMatrix {
  const n = matrix.values.length;
  const units = Math.ceil(n / blockSize);
  const sums = Array.from({ length: units }, () => new Float64Array(units));
  const counts = Array.from({ length: units }, () => new Array<number>(units).fill(0));
  for (let i = 0; i < n; i++) {
    const blocks = blocksOf(matrix.values[i]!, blockSize, units);
    const sumRow = sums[unitOf(i, blockSize)]!;
    const countRow = counts[unitOf(i, blockSize)]!;
    for (let unit = 0; unit < units; unit++) {
      sumRow[unit]! += blocks.sums[unit]!;
      countRow[unit]! += blocks.counts[unit]!;
    }
  }
  const values = sums.map((row, i) => Array.from(row, (sum, j) => (counts[i]![j] === 0 ? null : sum / counts[i]![j]!)));
  return { ...matrix, values, counts };
}

/** What hovering cell (row, column) of the grid says, in words. */
export function cellText(matrix: TrustMatrix, grid: TrustGrid, row: number, column: number, label: string): string {
  const value = matrix.values[row]?.[column] ?? null;
  const pairs = (matrix as Partial<BlockMatrix>).counts?.[row]?.[column] ?? 0;
  return cellWords(value, pairs, grid, row, column, label);
}

/** `cellText` of a cell whose value (and, for a block, known pairs) are given. */
export function cellWords(
  value: number | null,
  pairs: number,
  grid: TrustGrid,
  row: number,
  column: number,
  label: string,
): string {
  const from = unitName(row, grid.blockSize, grid.agentCount);
  const to = unitName(column, grid.blockSize, grid.agentCount);
  if (grid.blockSize === 1) {
    if (value !== null) return `${from} → ${to}: ${label} ${value.toFixed(3)}`;
    return row === column ? `${from}: itself` : `${from} → ${to}: not known yet`;
  }
  if (value === null) return `${from} → ${to}: not known yet`;
  return `${from} → ${to}: mean ${label} ${value.toFixed(3)} over ${pairs} pair${pairs === 1 ? '' : 's'}`;
}
