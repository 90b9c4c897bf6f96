import { scaleLinear } from 'd3';
import { colourScale } from './chartScale';
import type { CellStats } from './sweepStats';

export interface ChartSize {
  width: number;
  height: number;
}

export interface HeatmapCell {
  xi: number;
  yi: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The mean's colour; null when the cell has no value yet (or the metric is n/a). */
  fill: string | null;
  text: string;
  /** The spread across seeds: a bar from min to max on the legend's scale, inside the cell. */
  spread: { x1: number; x2: number; y: number } | null;
}

export interface HeatmapGeometry {
  cells: HeatmapCell[];
  xTicks: { label: string; x: number }[];
  yTicks: { label: string; y: number }[];
  plot: { left: number; top: number; width: number; height: number };
  legend: { x: number; y: number; width: number; height: number; stops: { offset: number; colour: string }[];
    ticks: { value: number; x: number }[] };
}

const margin = { left: 120, right: 24, top: 16, bottom: 100 };
const legendStops = 11;

/**
 * The heatmap's geometry (STYLE: a panel is a layout function plus a thin component): one
 * cell per (x, y), x left to right and y bottom to top, filled with its mean on a viridis
 * scale over `domain`, with a min–max bar inside for the spread across seeds; a legend below.
 */
export function heatmapLayout(
  xLabels: readonly string[],
  yLabels: readonly string[],
  stats: readonly CellStats[][],
  domain: [number, number],
  format: (value: number | null) => string,
  size: ChartSize,
): HeatmapGeometry {
  const plot = {
    left: margin.left, top: margin.top,
    width: Math.max(1, size.width - margin.left - margin.right),
    height: Math.max(1, size.height - margin.top - margin.bottom),
  };
  const cellWidth = plot.width / Math.max(1, xLabels.length);
  const cellHeight = plot.height / Math.max(1, yLabels.length);
  const colour = colourScale(domain);
  const along = scaleLinear().domain(domain).range([0, 1]).clamp(true);
  const cells: HeatmapCell[] = [];
  stats.forEach((column, xi) => column.forEach((cell, yi) => {
    const x = plot.left + xi * cellWidth;
    const y = plot.top + (yLabels.length - 1 - yi) * cellHeight;
    const fill = cell.mean === null ? null : colour(cell.mean);
    const inset = Math.min(cellWidth, cellHeight) * 0.12;
    const spread = cell.min === null || cell.max === null || cell.count < 2 ? null : {
      x1: x + inset + along(cell.min) * (cellWidth - 2 * inset),
      x2: x + inset + along(cell.max) * (cellWidth - 2 * inset),
      y: y + cellHeight - inset,
    };
    cells.push({ xi, yi, x, y, width: cellWidth, height: cellHeight, fill, text: format(cell.mean), spread });
  }));
  const legendWidth = Math.min(320, plot.width);
  const legendY = plot.top + plot.height + 70;
  const ticks = scaleLinear().domain(domain).range([plot.left, plot.left + legendWidth]);
  return {
    cells,
    xTicks: xLabels.map((label, xi) => ({ label, x: plot.left + (xi + 0.5) * cellWidth })),
    yTicks: yLabels.map((label, yi) => ({ label, y: plot.top + (yLabels.length - 1 - yi + 0.5) * cellHeight })),
    plot,
    legend: {
      x: plot.left, y: legendY, width: legendWidth, height: 10,
      stops: Array.from({ length: legendStops }, (_, i) => {
        const offset = i / (legendStops - 1);
        return { offset, colour: colour(domain[0] + offset * (domain[1] - domain[0])) };
      }),
      ticks: ticks.ticks(5).map((value) => ({ value, x: ticks(value) })),
    },
  };
}
