/**
 * The opinion panel's many-agent marks drawn to a canvas (HK lines, PCA trails and dots).
 * Policy: above the ring's SVG limit (`svgAgentsMax`, SPEC §7: canvas above ~200 agents) a
 * round has too many marks for React to reconcile as SVG elements (a 1000-agent round took
 * ~200 ms of one main-thread task); the geometry is the same `hkChartLayout` / `pcaLayout` the
 * SVG draws, painted here with d3-shape's `line.context`, in the layout's units, onto a context
 * already scaled to the canvas's pixels. Axes, labels and the cursor stay SVG, over the canvas.
 */
import { line } from 'd3';
import { svgAgentsMax } from '../network/ringLayout';
import type { AgentTrail, HkGeometry, PcaGeometry } from './opinionLayout';

/**
 * Whether the charts of a run of `agentCount` agents paint their marks on a canvas: as the ring
 * does, from the same count (a 250-agent run deliberates among its quorum of 167, still on canvas).
 */
export function usesCanvas(agentCount: number): boolean {
  return agentCount > svgAgentsMax;
}

/** The theme's colours the marks use, resolved from the page's tokens (opinion.css). */
export interface OpinionPalette {
  /** The page's surface: dot outlines and the start rings' fill. */
  surface: string;
  text: string;
  textMuted: string;
  /** The 1-D chart's grid lines. */
  border: string;
  byzantine: string;
  /** The scatter's plot background. */
  plot: string;
}

/** The CSS value each palette colour resolves (opinion.css draws the SVG with the same). */
export const opinionPaletteValues: Record<keyof OpinionPalette, string> = {
  surface: 'var(--surface)',
  text: 'var(--text)',
  textMuted: 'var(--text-muted)',
  border: 'var(--border)',
  byzantine: 'var(--byzantine)',
  plot: 'color-mix(in srgb, var(--track) 45%, var(--surface))',
};

/** The part of a 2-D context the marks use (so a test can record the drawing). */
export type MarksContext = Pick<
  CanvasRenderingContext2D,
  | 'beginPath' | 'moveTo' | 'lineTo' | 'arc' | 'closePath' | 'fill' | 'stroke' | 'clearRect' | 'setLineDash'
  | 'fillStyle' | 'strokeStyle' | 'lineWidth' | 'globalAlpha' | 'lineCap' | 'lineJoin'
>;

export interface PcaMarks {
  /** The colour of an agent's trail and dot, by its row. */
  colorOf(row: number): string;
  radius: number;
  selectedAgent: number | null;
  isSycophant(agent: number): boolean;
  /**
   * Where each dot is drawn, `[x0, y0, x1, y1, …]` by row, while it moves to the step shown
   * (`useDotTransition`); by default at its trail's end. The trails and start rings are always
   * the step's own.
   */
  dots?: ArrayLike<number>;
}

const sycophantDash = [3, 2];
const solid: number[] = [];

/**
 * The scatter's marks in the SVG's order and styles: the plot background, the start rings (once
 * a step past 0 is shown), the trails, then the dots with their sycophant rings, the selected
 * agent's trail and dot emphasised and its dot drawn last.
 */
export function drawPcaMarks(
  context: MarksContext,
  geometry: PcaGeometry,
  marks: PcaMarks,
  palette: OpinionPalette,
  size: { width: number; height: number },
): void {
  context.clearRect(0, 0, size.width, size.height);
  roundedRect(context, size.width, size.height, 6);
  context.fillStyle = palette.plot;
  context.fill();
  if (geometry.stepShown > 0) drawStarts(context, geometry.trails, palette);
  context.lineCap = 'round';
  context.lineJoin = 'round';
  const pathOf = line<[number, number]>().context(context as CanvasRenderingContext2D);
  for (const trail of geometry.trails) {
    const selected = trail.agent === marks.selectedAgent;
    context.beginPath();
    pathOf(trail.points);
    context.globalAlpha = selected ? 0.9 : 0.55;
    context.strokeStyle = selected ? palette.text : marks.colorOf(trail.row);
    context.lineWidth = selected ? 2.6 : 1.6;
    context.stroke();
  }
  context.globalAlpha = 1;
  // In `dotOrder`, without a new array per frame of a moving picture.
  for (const trail of geometry.trails) {
    if (trail.agent !== marks.selectedAgent) drawDot(context, trail, marks, palette);
  }
  for (const trail of geometry.trails) {
    if (trail.agent === marks.selectedAgent) drawDot(context, trail, marks, palette);
  }
}

/** The selected agent last, on top of any agent at the same spot (as the SVG orders them). */
export function dotOrder(trails: readonly AgentTrail[], selectedAgent: number | null): AgentTrail[] {
  const selected = trails.filter((trail) => trail.agent === selectedAgent);
  return [...trails.filter((trail) => trail.agent !== selectedAgent), ...selected];
}

function drawStarts(context: MarksContext, trails: readonly AgentTrail[], palette: OpinionPalette): void {
  context.beginPath();
  for (const trail of trails) {
    const [x, y] = trail.points[0]!;
    context.moveTo(x + 2.5, y);
    context.arc(x, y, 2.5, 0, 2 * Math.PI);
  }
  context.fillStyle = palette.surface;
  context.fill();
  context.strokeStyle = palette.textMuted;
  context.lineWidth = 1.2;
  context.stroke();
}

function drawDot(context: MarksContext, trail: AgentTrail, marks: PcaMarks, palette: OpinionPalette): void {
  const x = marks.dots?.[2 * trail.row] ?? trail.cx;
  const y = marks.dots?.[2 * trail.row + 1] ?? trail.cy;
  // The sycophant's ring goes where its dot is drawn (it moves with the dot).
  if (marks.isSycophant(trail.agent)) {
    context.beginPath();
    context.arc(x, y, marks.radius + 4, 0, 2 * Math.PI);
    context.setLineDash(sycophantDash);
    context.strokeStyle = palette.byzantine;
    context.lineWidth = 1.8;
    context.stroke();
    context.setLineDash(solid);
  }
  const selected = trail.agent === marks.selectedAgent;
  context.beginPath();
  context.arc(x, y, marks.radius, 0, 2 * Math.PI);
  context.fillStyle = marks.colorOf(trail.row);
  context.fill();
  context.strokeStyle = selected ? palette.text : palette.surface;
  context.lineWidth = selected ? 3 : 1.2;
  context.stroke();
}

function roundedRect(context: MarksContext, width: number, height: number, r: number): void {
  context.beginPath();
  context.moveTo(r, 0);
  context.lineTo(width - r, 0);
  context.arc(width - r, r, r, -Math.PI / 2, 0);
  context.lineTo(width, height - r);
  context.arc(width - r, height - r, r, 0, Math.PI / 2);
  context.lineTo(r, height);
  context.arc(r, height - r, r, Math.PI / 2, Math.PI);
  context.lineTo(0, r);
  context.arc(r, r, r, Math.PI, (3 * Math.PI) / 2);
  context.closePath();
}

/**
 * The 1-D chart's grid lines and one line per agent, as the SVG draws them (width 1.2, the
 * layout's opacity). The selected line and the step cursor are the SVG overlay's.
 */
export function drawHkLines(
  context: MarksContext,
  geometry: HkGeometry,
  colorOf: (row: number) => string,
  palette: OpinionPalette,
  size: { width: number; height: number },
): void {
  context.clearRect(0, 0, size.width, size.height);
  const { margin, y } = geometry;
  context.beginPath();
  for (const tick of geometry.yTicks) {
    context.moveTo(margin.left, y(tick));
    context.lineTo(size.width - margin.right, y(tick));
  }
  context.globalAlpha = 1;
  context.strokeStyle = palette.border;
  context.lineWidth = 1;
  context.stroke();
  const pathOf = line<[number, number]>().context(context as CanvasRenderingContext2D);
  context.globalAlpha = geometry.lineOpacity;
  context.lineWidth = 1.2;
  context.lineCap = 'butt';
  context.lineJoin = 'miter';
  let colour = '';
  for (const polyline of geometry.lines) {
    context.beginPath();
    pathOf(polyline.points);
    // Set only when it changes: the canvas parses every colour it is given.
    const next = colorOf(polyline.row);
    if (next !== colour) context.strokeStyle = colour = next;
    context.stroke();
  }
  context.globalAlpha = 1;
}

/**
 * The agent whose dot is under (`x`, `y`) in layout units, or null: as on the SVG, the dot drawn
 * last (on top: the selected agent's) among those the point is inside; else, so tiny dots stay
 * clickable, the nearest dot centre within the radius plus `slack`.
 */
export function dotAt(
  trails: readonly AgentTrail[],
  x: number,
  y: number,
  radius: number,
  selectedAgent: number | null,
  slack = 2,
): number | null {
  let top: number | null = null;
  let nearest: number | null = null;
  let nearestDistance = radius + slack;
  for (const trail of dotOrder(trails, selectedAgent)) {
    const distance = Math.hypot(trail.cx - x, trail.cy - y);
    if (distance <= radius) top = trail.agent;
    if (distance < nearestDistance) {
      nearest = trail.agent;
      nearestDistance = distance;
    }
  }
  return top ?? nearest;
}
