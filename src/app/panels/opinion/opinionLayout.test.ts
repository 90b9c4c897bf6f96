import { describe, expect, it } from 'vitest';
import { preset } from '../../../core/sim/presets';
import { runScenario } from '../../../core/sim/runScenario';
import type { SimEvent } from '../../../worker/api';
import {
  deliberationsUpTo,
  diameterOf,
  diameterSeries,
  dotLabels,
  hkChartLayout,
  hkLineOpacity,
  isSycophant,
  pcaLayout,
  sparklineLayout,
  type DeliberationRound,
} from './opinionLayout';
import { TraceIndex } from '../../trace/traceIndex';

type StepEvent = Extract<SimEvent, { kind: 'deliberationStep' }>;

/** A synthetic round of three agents and two steps, its step 1 split in two chunks. */
function syntheticTrace(): SimEvent[] {
  const step = (step: number, from: number, positions: number[][], hk1d: number[]): StepEvent => ({
    t: 5, kind: 'deliberationStep', roundNo: 1, step, from, positions, hk1d,
  });
  return [
    { t: 1, kind: 'agentCrashed', agent: 6 },
    step(0, 0, [[0, 0], [4, 0], [0, 3]], [0.1, 0.5, 0.9]),
    step(1, 2, [[0, 1.5]], [0.7]),
    step(1, 0, [[1, 0], [3, 0]], [0.2, 0.5]),
    step(2, 0, [[1, 0.5], [2, 0.5], [1, 1]], [0.4, 0.5, 0.6]),
    {
      t: 5, kind: 'deliberated', roundNo: 1, view: 0, steps: 2, consensusType: 'genuine',
      agents: [0, 3, 5], sycophancy: [0.02, -0.03, 0], sycophants: [3],
    },
  ];
}

function syntheticRound(): DeliberationRound {
  return deliberationsUpTo(TraceIndex.of(syntheticTrace()), 10)[0]!;
}

describe('deliberationsUpTo', () => {
  it('reassembles chunked steps by step and by first row', () => {
    const round = syntheticRound();
    expect(round.positions[1]).toEqual([[1, 0], [3, 0], [0, 1.5]]);
    expect(round.hk1d[1]).toEqual([0.2, 0.5, 0.7]);
    expect(round.positions).toHaveLength(3);
    expect(round.agents).toEqual([0, 3, 5]);
  });

  it('shows nothing before the tick of the first deliberated event', () => {
    expect(deliberationsUpTo(TraceIndex.of(syntheticTrace()), 4)).toEqual([]);
    expect(deliberationsUpTo(TraceIndex.of(syntheticTrace()), 5)).toHaveLength(1);
  });

  it('extends its index when the trace grows, and rebuilds it for a new trace', () => {
    const trace = syntheticTrace();
    const head = trace.slice(0, 3);
    expect(deliberationsUpTo(TraceIndex.of(head), 10)).toEqual([]);
    expect(deliberationsUpTo(TraceIndex.of(trace), 10)[0]).toEqual(syntheticRound());
    expect(deliberationsUpTo(TraceIndex.of(trace.slice(0, 1)), 10)).toEqual([]);
  });

  it('reads every round of a real run, one step row per agent', () => {
    const trace = runScenario(preset('sycophancy').scenario).trace as readonly SimEvent[];
    const rounds = deliberationsUpTo(TraceIndex.of(trace), Number.POSITIVE_INFINITY);
    expect(rounds.length).toBeGreaterThan(0);
    for (const round of rounds) {
      expect(round.positions).toHaveLength(round.steps + 1);
      for (const step of round.positions) expect(step).toHaveLength(round.agents.length);
    }
    const first = rounds[0]!;
    expect(deliberationsUpTo(TraceIndex.of(trace), first.t - 1)).toEqual([]);
    // Agents 1 and 2 are the preset's sycophants.
    const flagged = first.agents.filter((agent) => isSycophant(first, agent));
    expect(flagged).toEqual([1, 2]);
    // Honest agents with negative scores are not called sycophants.
    const honest = preset('happy-path').scenario;
    for (const round of deliberationsUpTo(TraceIndex.of(runScenario(honest).trace as readonly SimEvent[]), Infinity)) {
      expect(round.agents.filter((agent) => isSycophant(round, agent))).toEqual([]);
      expect(Math.min(...round.sycophancy)).toBeLessThan(0);
    }
  });
});

describe('pcaLayout', () => {
  it('gives each agent a trail of steps + 1 points ending at its dot', () => {
    const round = syntheticRound();
    const geometry = pcaLayout(round, 300, 200, round.steps);
    expect(geometry.trails).toHaveLength(3);
    for (const trail of geometry.trails) {
      expect(trail.points).toHaveLength(round.steps + 1);
      expect(trail.points.at(-1)).toEqual([trail.cx, trail.cy]);
      expect(trail.path.startsWith('M')).toBe(true);
    }
  });

  it('stops the trails at the step shown', () => {
    const geometry = pcaLayout(syntheticRound(), 300, 200, 1);
    expect(geometry.trails.every((trail) => trail.points.length === 2)).toBe(true);
  });

  it('uses one scale on both axes and keeps every point inside the box', () => {
    const round = syntheticRound();
    const geometry = pcaLayout(round, 300, 200, round.steps);
    const unitX = geometry.x(1) - geometry.x(0);
    const unitY = geometry.y(0) - geometry.y(1);
    expect(unitX).toBeCloseTo(unitY);
    for (const [x, y] of round.positions.flat()) {
      expect(geometry.x(x)).toBeGreaterThanOrEqual(0);
      expect(geometry.x(x)).toBeLessThanOrEqual(300);
      expect(geometry.y(y)).toBeGreaterThanOrEqual(0);
      expect(geometry.y(y)).toBeLessThanOrEqual(200);
    }
  });
});

describe('dotLabels', () => {
  it('names a sycophant and gives agents at one spot one shared label', () => {
    const round = syntheticRound();
    const trails = pcaLayout(round, 300, 200, round.steps).trails;
    const stacked = [trails[0]!, { ...trails[1]!, cx: trails[0]!.cx, cy: trails[0]!.cy }, trails[2]!];
    const options = { radius: 5, namesAll: false, sycophantLabelsMax: 12 };
    expect(dotLabels(round, stacked, null, options).map((label) => label.text)).toEqual(['a0 a3 sycophant']);
    const all = dotLabels(round, trails, 5, { ...options, namesAll: true });
    expect(all.map((label) => [label.text, label.strong])).toEqual([
      ['a0', false],
      ['a3 sycophant', true],
      ['a5', true],
    ]);
  });
});

describe('diameterSeries', () => {
  it('is what the reassembled round keeps, for the synthetic round and a real run', () => {
    expect(syntheticRound().planeDiameters).toEqual(diameterSeries(syntheticRound()));
    const trace = runScenario(preset('sycophancy').scenario).trace as readonly SimEvent[];
    const rounds = deliberationsUpTo(TraceIndex.of(trace), Number.POSITIVE_INFINITY);
    for (const round of rounds) expect(round.planeDiameters).toEqual(diameterSeries(round));
  });

  it('has steps + 1 entries matching the largest pairwise distance by hand', () => {
    const series = diameterSeries(syntheticRound());
    expect(series).toHaveLength(3);
    expect(series[0]).toBeCloseTo(5); // (4, 0) to (0, 3)
    expect(series[1]).toBeCloseTo(Math.hypot(3, 1.5));
    expect(series[2]).toBeCloseTo(Math.hypot(1, 0.5));
  });

  it('agrees with brute force on collinear and tiny sets', () => {
    expect(diameterOf([])).toBe(0);
    expect(diameterOf([[1, 1]])).toBe(0);
    expect(diameterOf([[0, 0], [1, 1], [2, 2], [3, 3]])).toBeCloseTo(Math.hypot(3, 3));
  });

  it('draws a sparkline with one point per step', () => {
    const sparkline = sparklineLayout(diameterSeries(syntheticRound()), 120, 30);
    expect(sparkline.points).toHaveLength(3);
    expect(sparkline.max).toBeCloseTo(5);
  });
});

describe('hkChartLayout', () => {
  it('draws one polyline per agent with steps + 1 points inside the chart', () => {
    const round = syntheticRound();
    const geometry = hkChartLayout(round, 400, 220);
    expect(geometry.lines).toHaveLength(round.agents.length);
    for (const polyline of geometry.lines) {
      expect(polyline.points).toHaveLength(round.steps + 1);
      for (const [x, y] of polyline.points) {
        expect(x).toBeGreaterThanOrEqual(geometry.margin.left);
        expect(x).toBeLessThanOrEqual(400 - geometry.margin.right);
        expect(y).toBeGreaterThanOrEqual(geometry.margin.top);
        expect(y).toBeLessThanOrEqual(220 - geometry.margin.bottom);
      }
    }
    expect(geometry.y(1)).toBe(geometry.margin.top);
  });

  it('shows the classic contraction of hk-classic: the spread of stances never grows', () => {
    const trace = runScenario(preset('hk-classic').scenario).trace as readonly SimEvent[];
    const round = deliberationsUpTo(TraceIndex.of(trace), Number.POSITIVE_INFINITY)[0]!;
    // The leader deliberates over the evaluations it holds: more than 100 of the 200 agents.
    expect(round.agents.length).toBeGreaterThan(100);
    const geometry = hkChartLayout(round, 480, 300);
    expect(geometry.lines).toHaveLength(round.agents.length);
    expect(geometry.lines.every((polyline) => polyline.points.length === round.steps + 1)).toBe(true);
    const spreads = round.hk1d.map((stances) => Math.max(...stances) - Math.min(...stances));
    spreads.slice(1).forEach((spread, step) => expect(spread).toBeLessThanOrEqual(spreads[step]! + 1e-4));
    // Uniform starts: the first step spans nearly all of [0, 1], the lines drawn faint.
    expect(spreads[0]).toBeGreaterThan(0.9);
    expect(geometry.lineOpacity).toBeLessThan(0.3);
  });

  it('draws lines fainter the more there are, within [0.06, 0.6]', () => {
    expect(hkLineOpacity(7)).toBe(0.6);
    expect(hkLineOpacity(160)).toBeCloseTo(0.237, 3);
    expect(hkLineOpacity(1000)).toBeLessThan(hkLineOpacity(160));
    expect(hkLineOpacity(100_000)).toBe(0.06);
  });
});
