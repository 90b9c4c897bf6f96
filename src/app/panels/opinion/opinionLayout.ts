import { extent, line, polygonHull, scaleLinear, type ScaleLinear } from 'd3';
import type { SimEvent } from '../../../worker/api';
import type { TraceIndex, TraceSection } from '../../trace/traceIndex';

type StepEvent = Extract<SimEvent, { kind: 'deliberationStep' }>;
type DeliberatedEvent = Extract<SimEvent, { kind: 'deliberated' }>;

/** One deliberated round, its steps reassembled from the trace's chunks. */
export interface DeliberationRound {
  roundNo: number;
  view: number;
  /** The tick of the `deliberated` event. */
  t: number;
  /** Steps run; step 0 is the starting position, so there are `steps + 1` rows per agent. */
  steps: number;
  consensusType: string;
  /** Agent indices, in the order of every row below. */
  agents: number[];
  /** Per row: mean evidence delta (negative: pulled toward less confident peers). */
  sycophancy: number[];
  /**
   * The agents the sycophancy audit flagged (copied the proposer, moved toward less confident
   * peers): the only ones the page calls sycophants. A score alone names nobody.
   */
  sycophants: number[];
  /** `positions[step][row]`: the 2-D PCA projection of that agent at that step. */
  positions: [number, number][][];
  /** `hk1d[step][row]`: the classic 1-D HK stance in [0, 1]. */
  hk1d: number[][];
  /** `[step][axisIndex]`: each axis's diameter among the agents; null when the trace has none (n > 200). */
  axisDiameters: number[][] | null;
  /**
   * Per step: the diameter in the projected plane (`diameterSeries`), computed once as the round
   * is reassembled, as its batch arrives, rather than in the opinion panel's redraw of a new round
   * (a convex hull per step of a thousand agents was a third of that task).
   */
  planeDiameters: number[];
}

interface PartialRound {
  positions: Map<number, [number, number][]>;
  hk1d: Map<number, number[]>;
}

interface DeliberationIndex {
  pending: Map<number, PartialRound>;
  /** Completed rounds in trace order (so in tick order). */
  rounds: DeliberationRound[];
  /** The trace position of each round's `deliberated` event. */
  roundPositions: number[];
}

/** The opinion panel's part of the run's trace index (`TraceIndex.section`). */
export const deliberationSection: TraceSection<DeliberationIndex> = {
  name: 'deliberation',
  create: () => ({ pending: new Map(), rounds: [], roundPositions: [] }),
  read(index, event, position) {
    if (event.kind === 'deliberationStep') addStep(index, event);
    else if (event.kind === 'deliberated') {
      finishRound(index, event);
      index.roundPositions.push(position);
    }
  },
};

function addStep(index: DeliberationIndex, event: StepEvent): void {
  let partial = index.pending.get(event.roundNo);
  if (partial === undefined) {
    partial = { positions: new Map(), hk1d: new Map() };
    index.pending.set(event.roundNo, partial);
  }
  const positions = partial.positions.get(event.step) ?? [];
  const hk1d = partial.hk1d.get(event.step) ?? [];
  event.positions.forEach((point, i) => {
    positions[event.from + i] = [point[0] ?? 0, point[1] ?? 0];
  });
  event.hk1d.forEach((stance, i) => {
    hk1d[event.from + i] = stance;
  });
  partial.positions.set(event.step, positions);
  partial.hk1d.set(event.step, hk1d);
}

function finishRound(index: DeliberationIndex, event: DeliberatedEvent): void {
  const partial = index.pending.get(event.roundNo) ?? { positions: new Map(), hk1d: new Map() };
  index.pending.delete(event.roundNo);
  const rowCount = event.agents.length;
  const stepCount = rowCount === 0 ? 0 : event.steps + 1;
  const positions: [number, number][][] = [];
  const hk1d: number[][] = [];
  // A missing row (a chunk the trace never carried) holds the agent's previous value, so a
  // damaged trace draws a still agent instead of crashing the panel.
  for (let step = 0; step < stepCount; step += 1) {
    const rows = partial.positions.get(step) ?? [];
    const stances = partial.hk1d.get(step) ?? [];
    positions.push(
      Array.from({ length: rowCount }, (_, row) => rows[row] ?? positions[step - 1]?.[row] ?? [0, 0]),
    );
    hk1d.push(Array.from({ length: rowCount }, (_, row) => stances[row] ?? hk1d[step - 1]?.[row] ?? 0.5));
  }
  index.rounds.push({
    roundNo: event.roundNo,
    view: event.view,
    t: event.t,
    steps: Math.max(stepCount - 1, 0),
    consensusType: event.consensusType,
    agents: event.agents,
    sycophancy: event.sycophancy,
    sycophants: event.sycophants ?? [],
    positions,
    hk1d,
    axisDiameters: event.axisDiameters ?? null,
    planeDiameters: positions.map((step) => diameterOf(step)),
  });
}

/** The rounds deliberated at or before `tick`, oldest first, their chunked steps reassembled. */
export function deliberationsUpTo(trace: TraceIndex, tick: number): DeliberationRound[] {
  const { all, count } = deliberationsShown(trace, tick);
  return all.slice(0, count);
}

/**
 * Every round the run's index has reassembled so far (an array shared by the run's indexes,
 * which only grows) and how many of them are deliberated at or before `tick`: what a panel
 * memoises on, instead of a new slice per tick.
 */
export function deliberationsShown(trace: TraceIndex, tick: number): { all: readonly DeliberationRound[]; count: number } {
  const index = trace.section(deliberationSection);
  return { all: index.rounds, count: trace.countUpTo(index.roundPositions, tick) };
}

/** Whether the audit flagged this agent as a sycophant in this round. */
export function isSycophant(round: DeliberationRound, agent: number): boolean {
  return round.sycophants.includes(agent);
}

export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface AgentTrail {
  agent: number;
  row: number;
  /** SVG path through steps 0…stepShown. */
  path: string;
  points: [number, number][];
  /** The agent's dot at `stepShown`. */
  cx: number;
  cy: number;
}

export interface PcaGeometry {
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
  trails: AgentTrail[];
  stepShown: number;
}

const pcaMargin: Margin = { top: 12, right: 12, bottom: 12, left: 12 };
const pathOf = line<[number, number]>();

/**
 * Scales fitting every step of the round, one unit the same length on both axes (so distances
 * on screen are the distances of the projected plane), and each agent's trail and dot.
 */
export function pcaLayout(round: DeliberationRound, width: number, height: number, stepShown: number): PcaGeometry {
  const all = round.positions.flat();
  const [xMin = -1, xMax = 1] = extent(all, (p) => p[0]);
  const [yMin = -1, yMax = 1] = extent(all, (p) => p[1]);
  const innerWidth = Math.max(width - pcaMargin.left - pcaMargin.right, 1);
  const innerHeight = Math.max(height - pcaMargin.top - pcaMargin.bottom, 1);
  const span = Math.max((xMax - xMin) / innerWidth, (yMax - yMin) / innerHeight, 1e-9);
  const xMid = (xMin + xMax) / 2;
  const yMid = (yMin + yMax) / 2;
  const cx = pcaMargin.left + innerWidth / 2;
  const cy = pcaMargin.top + innerHeight / 2;
  const x = scaleLinear()
    .domain([xMid - (innerWidth / 2) * span, xMid + (innerWidth / 2) * span])
    .range([cx - innerWidth / 2, cx + innerWidth / 2]);
  // Up is positive, as on paper.
  const y = scaleLinear()
    .domain([yMid - (innerHeight / 2) * span, yMid + (innerHeight / 2) * span])
    .range([cy + innerHeight / 2, cy - innerHeight / 2]);
  const shown = Math.min(Math.max(Math.round(stepShown), 0), round.steps);
  const trails = round.agents.map((agent, row) => {
    const points = round.positions
      .slice(0, shown + 1)
      .map((step): [number, number] => [x(step[row]![0]), y(step[row]![1])]);
    const [dotX, dotY] = points.at(-1) ?? [cx, cy];
    return { agent, row, path: pathOf(points) ?? '', points, cx: dotX, cy: dotY };
  });
  return { x, y, trails, stepShown: shown };
}

/** The largest distance between two of `points`: over the convex hull's corners when it has one. */
export function diameterOf(points: readonly (readonly [number, number])[]): number {
  const hull = points.length >= 3 ? polygonHull(points.map((p): [number, number] => [p[0], p[1]])) : null;
  const corners = hull ?? points;
  let best = 0;
  for (let i = 0; i < corners.length; i += 1) {
    for (let j = i + 1; j < corners.length; j += 1) {
      const [ax, ay] = corners[i]!;
      const [bx, by] = corners[j]!;
      best = Math.max(best, Math.hypot(ax - bx, ay - by));
    }
  }
  return best;
}

/**
 * Per step (`steps + 1` entries): the opinion diameter in the projected plane, the largest
 * distance between two agents' 2-D positions. It is a picture of the contraction, not the
 * diameter of the full opinion vectors.
 */
export function diameterSeries(round: DeliberationRound): number[] {
  return round.positions.map((step) => diameterOf(step));
}

export interface SparklineGeometry {
  path: string;
  points: [number, number][];
  max: number;
}

/** A small line of `values` over steps, 0 at the bottom. */
export function sparklineLayout(values: readonly number[], width: number, height: number): SparklineGeometry {
  const max = Math.max(...values, 1e-9);
  const x = scaleLinear().domain([0, Math.max(values.length - 1, 1)]).range([2, width - 2]);
  const y = scaleLinear().domain([0, max]).range([height - 2, 2]);
  const points = values.map((value, step): [number, number] => [x(step), y(value)]);
  return { path: pathOf(points) ?? '', points, max };
}

export interface HkPolyline {
  agent: number;
  row: number;
  path: string;
  points: [number, number][];
}

export interface HkGeometry {
  margin: Margin;
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
  xTicks: number[];
  yTicks: number[];
  lines: HkPolyline[];
  /** Stroke opacity of one agent's line: fainter the more lines there are. */
  lineOpacity: number;
}

export const hkMargin: Margin = { top: 8, right: 10, bottom: 26, left: 34 };

/** The classic Hegselmann–Krause chart: x = step, y = stance in [0, 1], one polyline per agent. */
export function hkChartLayout(round: DeliberationRound, width: number, height: number): HkGeometry {
  const x = scaleLinear()
    .domain([0, Math.max(round.steps, 1)])
    .range([hkMargin.left, Math.max(width - hkMargin.right, hkMargin.left + 1)]);
  const y = scaleLinear()
    .domain([0, 1])
    .range([Math.max(height - hkMargin.bottom, hkMargin.top + 1), hkMargin.top])
    .clamp(true);
  const lines = round.agents.map((agent, row) => {
    const points = round.hk1d.map((step, index): [number, number] => [x(index), y(step[row]!)]);
    return { agent, row, path: pathOf(points) ?? '', points };
  });
  const xTicks = x.ticks(Math.min(Math.max(round.steps, 1), 8)).filter(Number.isInteger);
  return { margin: hkMargin, x, y, xTicks, yTicks: [0, 0.25, 0.5, 0.75, 1], lines, lineOpacity: hkLineOpacity(lines.length) };
}

/**
 * One line's opacity among `count`: 0.6 up to 25 lines, then 3/√count (0.24 at 160, 0.09 at
 * 1000), never below 0.06. Policy: with hundreds of uniform starts a fixed 0.5 paints the
 * whole chart one colour; fainter lines let where they gather (the clusters) show as density.
 */
export function hkLineOpacity(count: number): number {
  return Math.min(0.6, Math.max(0.06, 3 / Math.sqrt(Math.max(count, 1))));
}

export interface DotLabel {
  x: number;
  y: number;
  text: string;
  /** A sycophant or the selected agent is among the agents named. */
  strong: boolean;
  sycophant: boolean;
}

/**
 * The labels of the scatter: every agent's name when `namesAll`, else only sycophants (at
 * most `sycophantLabelsMax`) and the selected agent. Agents at the same spot on screen (say,
 * sycophants echoing one text) share one label, so none is hidden under another.
 */
export function dotLabels(
  round: DeliberationRound,
  trails: readonly AgentTrail[],
  selectedAgent: number | null,
  options: { radius: number; namesAll: boolean; sycophantLabelsMax: number },
): DotLabel[] {
  const spots = new Map<string, AgentTrail[]>();
  for (const trail of trails) {
    const spot = `${Math.round(trail.cx)},${Math.round(trail.cy)}`;
    spots.set(spot, [...(spots.get(spot) ?? []), trail]);
  }
  const labels: DotLabel[] = [];
  let sycophantLabels = 0;
  for (const sharers of spots.values()) {
    const sycophants = sharers.filter((trail) => isSycophant(round, trail.agent));
    const selected = sharers.some((trail) => trail.agent === selectedAgent);
    const sycophantShown = sycophants.length > 0 && sycophantLabels < options.sycophantLabelsMax;
    if (sycophantShown) sycophantLabels += 1;
    if (!options.namesAll && !sycophantShown && !selected) continue;
    const names = sharers.map((trail) => `a${trail.agent}`).join(' ');
    const suffix = sycophants.length === 0 ? '' : sycophants.length === 1 ? ' sycophant' : ' sycophants';
    const first = sharers[0]!;
    labels.push({
      x: first.cx + options.radius + 8,
      y: first.cy + 4,
      text: names + (sycophantShown ? suffix : ''),
      strong: sycophantShown || selected,
      sycophant: sycophantShown,
    });
  }
  return labels;
}
