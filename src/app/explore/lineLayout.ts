import { area, line, scaleLinear, scalePoint } from 'd3';
import type { ChartSize } from './heatmapLayout';
import type { CellStats } from './sweepStats';

export interface LinePoint {
  xi: number;
  cx: number;
  /** Null when the cell has no value yet. */
  cy: number | null;
  text: string;
}

export interface LineGeometry {
  points: LinePoint[];
  /** The mean across seeds, joined; gaps where a cell has no value. */
  linePath: string;
  /** The band from min to max across seeds. */
  bandPath: string;
  xTicks: { label: string; x: number }[];
  yTicks: { value: number; y: number }[];
  plot: { left: number; top: number; width: number; height: number };
}

const margin = { left: 64, right: 24, top: 16, bottom: 72 };

/**
 * The one-axis chart's geometry: the mean of each x value joined by a line, a band from the
 * lowest to the highest run (the spread across seeds), on a y scale over `domain`. x values
 * are placed evenly in their listed order, so words and switches work as well as numbers.
 */
export function lineLayout(
  xLabels: readonly string[],
  column: readonly CellStats[],
  domain: [number, number],
  format: (value: number | null) => string,
  size: ChartSize,
): LineGeometry {
  const plot = {
    left: margin.left, top: margin.top,
    width: Math.max(1, size.width - margin.left - margin.right),
    height: Math.max(1, size.height - margin.top - margin.bottom),
  };
  const x = scalePoint<number>().domain(xLabels.map((_, xi) => xi)).range([plot.left, plot.left + plot.width]).padding(0.5);
  const y = scaleLinear().domain(domain).range([plot.top + plot.height, plot.top]).nice();
  const defined = (cell: CellStats) => cell.mean !== null;
  const linePath = line<CellStats>().defined(defined).x((cell) => x(cell.xi)!).y((cell) => y(cell.mean!))(column) ?? '';
  const bandPath = area<CellStats>().defined(defined).x((cell) => x(cell.xi)!)
    .y0((cell) => y(cell.min!)).y1((cell) => y(cell.max!))(column) ?? '';
  return {
    points: column.map((cell) => ({
      xi: cell.xi, cx: x(cell.xi)!, cy: cell.mean === null ? null : y(cell.mean), text: format(cell.mean),
    })),
    linePath,
    bandPath,
    xTicks: xLabels.map((label, xi) => ({ label, x: x(xi)! })),
    yTicks: y.ticks(5).map((value) => ({ value, y: y(value) })),
    plot,
  };
}
