import { interpolateCividis, rgb, scaleSequential } from 'd3';
import type { StreamEvent } from '../../../worker/api';

type TrustEvent = Extract<StreamEvent, { kind: 'trustUpdated' }>;

/** What the heat map draws: scalar trust, or one axis of `axisTrust` (in the trace's `AXES` order). */
export const trustSources = ['scalar', 'semantic', 'affective', 'relational', 'epistemic', 'behavioral'] as const;
export type TrustSource = (typeof trustSources)[number];

export interface TrustMatrix {
  /**
   * `values[i][j]`: agent i's trust in agent j (or council agreement), null when unknown or
   * i = j. Read only: rows are shared between the matrices of one run.
   */
  values: readonly (readonly (number | null)[])[];
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
 * `source` picks scalar trust or one axis of the per-axis trust; a row without per-axis trust
 * (n above the trace's bound) is unknown on every axis.
 */
export function trustAt(
  events: readonly StreamEvent[],
  tick: number,
  n: number,
  source: TrustSource = 'scalar',
): TrustMatrix {
  const latest: (TrustEvent | null)[] = Array.from({ length: n }, () => null);
  let roundNo: number | null = null;
  for (const event of events) {
    if (event.t > tick) break;
    if (event.kind !== 'trustUpdated' || event.agent >= n) continue;
    latest[event.agent] = event;
    roundNo = event.roundNo;
  }
  const rows = rowsOf(latest, n, source);
  const reputation = meanReputation(latest, n);
  // Policy: with per-axis trust in the trace, the colour scale spans scalar and every axis, so
  // switching the source shows how the axes differ instead of restretching each one.
  const spanned = latest.some((event) => event?.axisTrust)
    ? trustSources.flatMap((other) => rowsOf(latest, n, other))
    : rows;
  return { values: rows.map((row) => row.cells), reputation, roundNo, ...extent(spanned) };
}

/** One agent's row of the matrix, with the least and greatest of its known cells. */
interface Row {
  cells: readonly (number | null)[];
  min: number;
  max: number;
}

/**
 * Each update's row, per source, built once: a new matrix shares the rows of the updates it
 * had before, so a commit at n = 1000 builds the rows of the agents that committed, not 10⁶
 * cells (the rows are never written to after they are built).
 */
const rowCache = new WeakMap<TrustEvent, Map<TrustSource, Row>>();
/** The row of an agent with no update yet, per n. */
const unknownRows = new Map<number, Row>();

function rowsOf(latest: readonly (TrustEvent | null)[], n: number, source: TrustSource): Row[] {
  return latest.map((event, i) => {
    if (event === null) return unknownRow(n);
    let rows = rowCache.get(event);
    if (rows === undefined) rowCache.set(event, (rows = new Map()));
    let row = rows.get(source);
    if (row === undefined || row.cells.length !== n) rows.set(source, (row = rowOf(event, i, n, source)));
    return row;
  });
}

function unknownRow(n: number): Row {
  let row = unknownRows.get(n);
  if (row === undefined) unknownRows.set(n, (row = { cells: new Array<null>(n).fill(null), min: Infinity, max: -Infinity }));
  return row;
}

function rowOf(event: TrustEvent, i: number, n: number, source: TrustSource): Row {
  const axisIndex = trustSources.indexOf(source) - 1;
  const values = axisIndex < 0 ? event.trust : (event.axisTrust?.[axisIndex] ?? null);
  // Policy: an agent's trust in itself is never adapted (it stays 1.0), so the diagonal is left
  // blank rather than stretching the colour scale. Plain loops: at n = 1000 a row is 1000 cells.
  const cells = new Array<number | null>(n);
  let min = Infinity;
  let max = -Infinity;
  for (let j = 0; j < n; j++) {
    const value = values === null || i === j ? null : (values[j] ?? null);
    cells[j] = value;
    if (value === null) continue;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return { cells, min, max };
}

/** The mean reputation the replicas with a trust row hold for each agent, or null before any. */
function meanReputation(latest: readonly (TrustEvent | null)[], n: number): (number | null)[] {
  const sums = new Float64Array(n);
  let rows = 0;
  for (const event of latest) {
    if (event === null) continue;
    rows++;
    for (let j = 0; j < n; j++) sums[j]! += event.reputation[j] ?? 0;
  }
  return Array.from(sums, (sum) => (rows === 0 ? null : sum / rows));
}

/** True when the trace has trust updates and none carries per-axis trust (n above its bound). */
export function axisTrustMissing(updates: readonly StreamEvent[]): boolean {
  const trust = updates.filter((event): event is TrustEvent => event.kind === 'trustUpdated');
  return trust.length > 0 && trust.every((event) => event.axisTrust === undefined);
}

/** The council's agreement matrix as the same shape (ids a0 … a{n−1}). */
export function agreementMatrix(agreement: Record<string, Record<string, number>>, n: number): TrustMatrix {
  const values = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => agreement[`a${i}`]?.[`a${j}`] ?? null),
  );
  return { values, reputation: Array<number | null>(n).fill(null), roundNo: null, min: 0, max: 1 };
}

function extent(rows: readonly Row[]): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const row of rows) {
    if (row.min < min) min = row.min;
    if (row.max > max) max = row.max;
  }
  if (min === Infinity) return { min: 0, max: 1 };
  return min === max ? { min: min - 0.05, max: max + 0.05 } : { min, max };
}

/** Cividis over the matrix's range (a colour-blind-safe sequential scale), as CSS colours. */
export function trustColour(matrix: Pick<TrustMatrix, 'min' | 'max'>): (value: number) => string {
  const scale = scaleSequential(interpolateCividis).domain([matrix.min, matrix.max]);
  return (value) => scale(value);
}

/** Colour levels of the canvas matrix: finer than the eye tells apart on a cividis ramp. */
const pixelLevels = 256;
/**
 * The matrix as RGBA pixels, one per cell (row-major), for a canvas above the SVG limit.
 * Unknown cells are transparent: the heat map paints the theme's `.trust-cell.unknown` colour
 * beneath, so they match the legend's "self, or not known yet" in either theme. Policy: colours come from a 256-level lookup table, so 1000 × 1000 cells cost a million array
 * writes instead of a million colour-string parses.
 */
export function matrixPixels(matrix: TrustMatrix): Uint8ClampedArray<ArrayBuffer> {
  const n = matrix.values.length;
  const colour = trustColour(matrix);
  const span = matrix.max - matrix.min;
  const table = Array.from({ length: pixelLevels }, (_, level) =>
    rgb(colour(matrix.min + (span * level) / (pixelLevels - 1))),
  );
  // Flat r, g, b per level: the loop below writes bytes, never allocating per cell.
  const levels = new Uint8ClampedArray(pixelLevels * 3);
  table.forEach(({ r, g, b }, level) => levels.set([r, g, b], level * 3));
  const pixels = new Uint8ClampedArray(n * n * 4);
  const scale = span === 0 ? 0 : (pixelLevels - 1) / span;
  for (let i = 0; i < n; i++) {
    const row = matrix.values[i]!;
    for (let j = 0; j < n; j++) {
      const value = row[j] ?? null;
      const at = (i * n + j) * 4;
      if (value === null || span === 0) continue;
      const level = Math.min(pixelLevels - 1, Math.max(0, Math.round((value - matrix.min) * scale))) * 3;
      pixels[at] = levels[level]!;
      pixels[at + 1] = levels[level + 1]!;
      pixels[at + 2] = levels[level + 2]!;
      pixels[at + 3] = 255;
    }
  }
  return pixels;
}

/**
 * The cells of the agreement matrix that join two members of one detected voting bloc
 * (`report.blocs`, agent ids `a{i}`), for outlining; ids outside the roster are ignored.
 */
export function blocCells(blocs: readonly (readonly string[])[], n: number): { row: number; column: number }[] {
  const cells: { row: number; column: number }[] = [];
  for (const bloc of blocs) {
    const members = bloc.map((id) => Number(id.slice(1))).filter((index) => Number.isInteger(index) && index >= 0 && index < n);
    for (const row of members) for (const column of members) if (row !== column) cells.push({ row, column });
  }
  return cells;
}
