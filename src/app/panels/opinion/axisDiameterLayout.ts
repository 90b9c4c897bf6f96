import { line, scaleLinear } from 'd3';

/** The five axes in the trace's `AXES` order, with a short label and a colour-blind-safe colour. */
export const diameterAxes = [
  { name: 'semantic', label: 'Sem', colour: '#0072B2', dash: '' },
  { name: 'affective', label: 'Aff', colour: '#E69F00', dash: '5 3' },
  { name: 'relational', label: 'Rel', colour: '#009E73', dash: '1.5 2.5' },
  { name: 'epistemic', label: 'Epi', colour: '#CC79A7', dash: '7 2 1.5 2' },
  { name: 'behavioral', label: 'Beh', colour: '#56B4E9', dash: '2.5 1.5' },
] as const;

export interface AxisDiameterLine {
  axisIndex: number;
  label: string;
  path: string;
  points: [number, number][];
  /** Where the end label sits: right of the last point, nudged apart from the others. */
  labelY: number;
}

export interface AxisDiameterGeometry {
  lines: AxisDiameterLine[];
  /** The largest diameter drawn (the top of the y scale). */
  max: number;
  plotRight: number;
  baseY: number;
  /** x of each step, for the step marker. */
  stepX: number[];
}

const labelGapPx = 10;
const labelWidthPx = 28;

/**
 * Five small lines, one per axis: its diameter (largest pairwise distance among the agents on
 * that axis) at each step, on one shared y scale from 0, with end labels spaced so they never
 * overlap (at least `labelGapPx` apart, kept inside the chart).
 */
export function axisDiameterLayout(diameters: readonly (readonly number[])[], width: number, height: number): AxisDiameterGeometry {
  const plotRight = width - labelWidthPx;
  const baseY = height - 3;
  const stepCount = diameters.length;
  const max = Math.max(1e-9, ...diameters.flat());
  const x = scaleLinear().domain([0, Math.max(stepCount - 1, 1)]).range([3, plotRight - 3]);
  const y = scaleLinear().domain([0, max]).range([baseY, 4]);
  const path = line<[number, number]>();
  const lines = diameterAxes.map((axis, axisIndex) => {
    const points = diameters.map((row, step): [number, number] => [x(step), y(row[axisIndex] ?? 0)]);
    return { axisIndex, label: axis.label, path: path(points) ?? '', points, labelY: points.at(-1)?.[1] ?? baseY };
  });
  spreadLabels(lines, 4 + 4, baseY);
  return { lines, max, plotRight, baseY, stepX: diameters.map((_, step) => x(step)) };
}

/** Pushes the end labels apart top to bottom, then back up if the last fell below `bottom`. */
function spreadLabels(lines: AxisDiameterLine[], top: number, bottom: number): void {
  const order = [...lines].sort((a, b) => a.labelY - b.labelY || a.axisIndex - b.axisIndex);
  let previous = top - labelGapPx;
  for (const item of order) {
    item.labelY = Math.max(item.labelY, previous + labelGapPx);
    previous = item.labelY;
  }
  let next = bottom + labelGapPx;
  for (const item of order.reverse()) {
    item.labelY = Math.min(item.labelY, next - labelGapPx);
    next = item.labelY;
  }
}
