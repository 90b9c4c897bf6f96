import type { SweepRow } from '../../worker/poolApi';

/** One cell's numbers for one metric, over its finished runs. */
export interface CellStats {
  xi: number;
  yi: number;
  /** Runs finished in this cell. */
  runs: number;
  /** Runs with a value (a metric can be n/a for a run). */
  count: number;
  mean: number | null;
  min: number | null;
  max: number | null;
  /** Standard deviation across seeds (population); null below two values. */
  sd: number | null;
}

/** Every cell's stats, `[xi][yi]`, from the rows finished so far (any order). */
export function cellStats(rows: readonly SweepRow[], metric: string, xCount: number, yCount: number): CellStats[][] {
  const values: number[][][] = Array.from({ length: xCount }, () => Array.from({ length: yCount }, () => []));
  const runs: number[][] = Array.from({ length: xCount }, () => new Array<number>(yCount).fill(0));
  for (const row of rows) {
    if (row.xi >= xCount || row.yi >= yCount) continue;
    runs[row.xi]![row.yi]! += 1;
    const value = (row.metrics as Record<string, number | null>)[metric];
    if (typeof value === 'number') values[row.xi]![row.yi]!.push(value);
  }
  return values.map((column, xi) => column.map((list, yi) => statsOf(xi, yi, runs[xi]![yi]!, list)));
}

function statsOf(xi: number, yi: number, runs: number, list: number[]): CellStats {
  if (list.length === 0) return { xi, yi, runs, count: 0, mean: null, min: null, max: null, sd: null };
  const mean = list.reduce((sum, value) => sum + value, 0) / list.length;
  const variance = list.reduce((sum, value) => sum + (value - mean) ** 2, 0) / list.length;
  return {
    xi, yi, runs, count: list.length, mean, min: Math.min(...list), max: Math.max(...list),
    sd: list.length < 2 ? null : Math.sqrt(variance),
  };
}

/** The smallest and largest value over every cell; null when none has. */
export function valueExtent(stats: readonly CellStats[][]): [number, number] | null {
  let low = Infinity;
  let high = -Infinity;
  for (const column of stats) {
    for (const cell of column) {
      if (cell.min !== null) low = Math.min(low, cell.min);
      if (cell.max !== null) high = Math.max(high, cell.max);
    }
  }
  return low === Infinity ? null : [low, high];
}
