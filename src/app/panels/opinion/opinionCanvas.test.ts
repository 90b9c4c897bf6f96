import { describe, expect, it } from 'vitest';
import { svgAgentsMax } from '../network/ringLayout';
import { dotAt, dotOrder, drawHkLines, drawPcaMarks, usesCanvas, type MarksContext, type OpinionPalette } from './opinionCanvas';
import { hkChartLayout, pcaLayout, type DeliberationRound } from './opinionLayout';

/** One painted stroke or fill: the subpaths' points (arcs by their centres) and the style. */
interface Paint {
  op: 'stroke' | 'fill';
  subpaths: [number, number][][];
  arcs: { x: number; y: number; r: number }[];
  style: string;
  lineWidth: number;
  alpha: number;
  dash: number[];
}

/** A 2-D context that records what is painted, in layout units. */
function recordingContext(): MarksContext & { paints: Paint[] } {
  let subpaths: [number, number][][] = [];
  let arcs: Paint['arcs'] = [];
  let dash: number[] = [];
  const context = {
    paints: [] as Paint[],
    fillStyle: '' as MarksContext['fillStyle'],
    strokeStyle: '' as MarksContext['strokeStyle'],
    lineWidth: 1,
    globalAlpha: 1,
    lineCap: 'butt' as CanvasLineCap,
    lineJoin: 'miter' as CanvasLineJoin,
    beginPath() {
      subpaths = [];
      arcs = [];
    },
    moveTo(x: number, y: number) {
      subpaths.push([[x, y]]);
    },
    lineTo(x: number, y: number) {
      subpaths.at(-1)!.push([x, y]);
    },
    arc(x: number, y: number, r: number) {
      arcs.push({ x, y, r });
    },
    closePath() {},
    clearRect() {},
    setLineDash(segments: number[]) {
      dash = segments;
    },
    stroke() {
      context.paints.push(paint('stroke', String(context.strokeStyle)));
    },
    fill() {
      context.paints.push(paint('fill', String(context.fillStyle)));
    },
  };
  const paint = (op: Paint['op'], style: string): Paint => ({
    op, subpaths, arcs, style, lineWidth: context.lineWidth, alpha: context.globalAlpha, dash,
  });
  return context as MarksContext & { paints: Paint[] };
}

const palette: OpinionPalette = {
  surface: 'surface', text: 'text', textMuted: 'muted', border: 'border', byzantine: 'byzantine', plot: 'plot',
};

/** `agentCount` agents contracting over `steps` steps, each at its own spot; agent 7 a sycophant. */
function largeRound(agentCount: number, steps: number): DeliberationRound {
  const agents = Array.from({ length: agentCount }, (_, row) => row * 2);
  const positions = Array.from({ length: steps + 1 }, (_, step) =>
    agents.map((_, row): [number, number] => {
      const shrink = 1 - step / (steps + 2);
      return [Math.cos(row * 0.7) * (1 + row / agentCount) * shrink, Math.sin(row * 0.7) * (1 + row / agentCount) * shrink];
    }),
  );
  const hk1d = Array.from({ length: steps + 1 }, (_, step) =>
    agents.map((_, row) => 0.5 + ((row / agentCount - 0.5) * (steps + 1 - step)) / (steps + 1)),
  );
  return {
    roundNo: 1, view: 0, t: 9, steps, consensusType: 'genuine', agents,
    sycophancy: agents.map((_, row) => (row % 5) / 10 - 0.2), sycophants: [14],
    positions, hk1d, axisDiameters: null, planeDiameters: positions.map(() => 0),
  };
}

/** The points of an SVG path of straight segments (`M x,y L x,y …`, as d3's line writes it). */
function pathPoints(d: string): [number, number][] {
  return [...d.matchAll(/[ML]([-\d.e]+),([-\d.e]+)/g)].map((m): [number, number] => [Number(m[1]), Number(m[2])]);
}

const colorOf = (row: number) => `colour-${row}`;
const size = { width: 480, height: 300 };

describe('usesCanvas', () => {
  it('draws to a canvas above the ring’s SVG limit, so hk-classic’s 200 agents stay SVG', () => {
    expect(usesCanvas(svgAgentsMax)).toBe(false);
    expect(usesCanvas(200)).toBe(false);
    expect(usesCanvas(svgAgentsMax + 1)).toBe(true);
    expect(usesCanvas(1000)).toBe(true);
  });
});

describe('drawHkLines', () => {
  it('strokes each agent’s line through the points of its SVG path, in its colour and the layout’s opacity', () => {
    const round = largeRound(250, 3);
    const geometry = hkChartLayout(round, size.width, size.height);
    const context = recordingContext();
    drawHkLines(context, geometry, colorOf, palette, size);
    const [grid, ...lines] = context.paints;
    expect(grid!.style).toBe('border');
    expect(grid!.subpaths).toHaveLength(geometry.yTicks.length);
    expect(lines).toHaveLength(250);
    lines.forEach((paint, row) => {
      const polyline = geometry.lines[row]!;
      expect(paint).toMatchObject({ op: 'stroke', style: colorOf(row), lineWidth: 1.2, alpha: geometry.lineOpacity });
      expect(paint.subpaths).toEqual([polyline.points]);
      const svg = pathPoints(polyline.path);
      expect(svg).toHaveLength(round.steps + 1);
      svg.forEach(([x, y], step) => {
        expect(paint.subpaths[0]![step]![0]).toBeCloseTo(x, 2);
        expect(paint.subpaths[0]![step]![1]).toBeCloseTo(y, 2);
      });
    });
    expect(context.globalAlpha).toBe(1);
  });
});

describe('drawPcaMarks', () => {
  const round = largeRound(300, 2);
  const marks = { colorOf, radius: 3, selectedAgent: 20, isSycophant: (agent: number) => round.sycophants.includes(agent) };

  it('paints the SVG’s trails and dots from the same layout, the selected agent’s last', () => {
    const geometry = pcaLayout(round, size.width, size.height, 2);
    const context = recordingContext();
    drawPcaMarks(context, geometry, marks, palette, size);
    const trails = context.paints.filter((paint) => paint.op === 'stroke' && paint.subpaths.length === 1 && paint.arcs.length === 0);
    expect(trails).toHaveLength(300);
    trails.forEach((paint, row) => {
      const trail = geometry.trails[row]!;
      expect(paint.subpaths[0]).toEqual(trail.points);
      expect(pathPoints(trail.path)).toHaveLength(trail.points.length);
      const selected = trail.agent === 20;
      expect(paint).toMatchObject({ style: selected ? 'text' : colorOf(row), lineWidth: selected ? 2.6 : 1.6 });
    });
    const dots = context.paints.filter((paint) => paint.op === 'fill' && paint.arcs.length === 1 && paint.arcs[0]!.r === 3);
    expect(dots).toHaveLength(300);
    const last = dots.at(-1)!;
    const selectedTrail = geometry.trails.find((trail) => trail.agent === 20)!;
    expect(last.arcs[0]).toEqual({ x: selectedTrail.cx, y: selectedTrail.cy, r: 3 });
    expect(last.style).toBe(colorOf(selectedTrail.row));
    expect(context.paints.at(-1)).toMatchObject({ op: 'stroke', style: 'text', lineWidth: 3 });
    // The start of every trail gets one small ring, once a step past 0 is shown.
    const starts = context.paints.find((paint) => paint.op === 'fill' && paint.arcs.length === 300)!;
    expect(starts.arcs.map((arc) => [arc.x, arc.y])).toEqual(geometry.trails.map((trail) => trail.points[0]));
  });

  it('rings the flagged sycophant with a dashed line and draws no start rings at step 0', () => {
    const geometry = pcaLayout(round, size.width, size.height, 0);
    const context = recordingContext();
    drawPcaMarks(context, geometry, marks, palette, size);
    const rings = context.paints.filter((paint) => paint.style === 'byzantine');
    const sycophant = geometry.trails.find((trail) => trail.agent === 14)!;
    expect(rings).toEqual([expect.objectContaining({ dash: [3, 2], arcs: [{ x: sycophant.cx, y: sycophant.cy, r: 7 }] })]);
    expect(context.paints.some((paint) => paint.arcs.length === 300)).toBe(false);
  });
});

describe('dotAt', () => {
  const round = largeRound(250, 2);
  const geometry = pcaLayout(round, size.width, size.height, 2);

  it('finds the agent at its dot’s centre, unless a dot drawn later covers it, and nothing far from every dot', () => {
    let alone = 0;
    for (const trail of geometry.trails) {
      const covering = geometry.trails.filter((other) => Math.hypot(other.cx - trail.cx, other.cy - trail.cy) <= 3);
      expect(dotAt(geometry.trails, trail.cx, trail.cy, 3, null)).toBe(covering.at(-1)!.agent);
      if (covering.at(-1) === trail) alone += 1;
    }
    expect(alone).toBeGreaterThan(5);
    expect(dotAt(geometry.trails, -50, -50, 3, null)).toBeNull();
  });

  it('gives a shared spot to the agent drawn on top: the selected one, else the last', () => {
    const first = geometry.trails[0]!;
    const twins = [first, { ...geometry.trails[1]!, cx: first.cx, cy: first.cy }];
    expect(dotAt(twins, first.cx, first.cy, 3, null)).toBe(twins[1]!.agent);
    expect(dotAt(twins, first.cx, first.cy, 3, first.agent)).toBe(first.agent);
    expect(dotOrder(twins, first.agent).at(-1)).toBe(first);
  });

  it('picks the dot on top wherever the point is inside it, even nearer another dot’s centre', () => {
    const first = geometry.trails[0]!;
    const neighbour = { ...geometry.trails[1]!, cx: first.cx + 2, cy: first.cy };
    const pair = [first, neighbour];
    // 1.5 from the first's centre, 0.5 from the neighbour's: both dots cover the point.
    expect(dotAt(pair, first.cx + 1.5, first.cy, 3, first.agent)).toBe(first.agent);
    expect(dotAt(pair, first.cx + 1.5, first.cy, 3, null)).toBe(neighbour.agent);
    // Outside every dot, the nearest centre within the slack.
    expect(dotAt(pair, first.cx - 4, first.cy, 3, null)).toBe(first.agent);
    expect(dotAt(pair, first.cx - 6, first.cy, 3, null)).toBeNull();
  });
});

describe('drawPcaMarks while the dots move', () => {
  const round = largeRound(300, 2);
  const geometry = pcaLayout(round, size.width, size.height, 2);
  const previous = pcaLayout(round, size.width, size.height, 1);
  // Each dot drawn halfway between its step-1 and step-2 spots.
  const dots = Float64Array.from(
    geometry.trails.flatMap((trail, row) => [(trail.cx + previous.trails[row]!.cx) / 2, (trail.cy + previous.trails[row]!.cy) / 2]),
  );
  const marks = { colorOf, radius: 3, selectedAgent: 20, isSycophant: (agent: number) => round.sycophants.includes(agent), dots };

  it('paints each dot and its sycophant ring where it is drawn, the trails and start rings at the step', () => {
    const context = recordingContext();
    drawPcaMarks(context, geometry, marks, palette, size);
    const dotFills = context.paints.filter((paint) => paint.op === 'fill' && paint.arcs.length === 1 && paint.arcs[0]!.r === 3);
    expect(dotFills).toHaveLength(300);
    const drawnAt = (row: number) => ({ x: dots[2 * row], y: dots[2 * row + 1], r: 3 });
    const selectedRow = geometry.trails.findIndex((trail) => trail.agent === 20);
    const order = [...geometry.trails.keys()].filter((row) => row !== selectedRow).concat(selectedRow);
    expect(dotFills.map((paint) => paint.arcs[0])).toEqual(order.map(drawnAt));
    expect(dotFills.some((paint, k) => paint.arcs[0]!.x === geometry.trails[order[k]!]!.cx)).toBe(false);
    const sycophantRow = geometry.trails.findIndex((trail) => trail.agent === 14);
    const ring = context.paints.find((paint) => paint.style === 'byzantine')!;
    expect(ring.arcs).toEqual([{ ...drawnAt(sycophantRow), r: 7 }]);
    const trails = context.paints.filter((paint) => paint.op === 'stroke' && paint.subpaths.length === 1 && paint.arcs.length === 0);
    expect(trails.map((paint) => paint.subpaths[0])).toEqual(geometry.trails.map((trail) => trail.points));
    const starts = context.paints.find((paint) => paint.op === 'fill' && paint.arcs.length === 300)!;
    expect(starts.arcs.map((arc) => [arc.x, arc.y])).toEqual(geometry.trails.map((trail) => trail.points[0]));
  });
});
