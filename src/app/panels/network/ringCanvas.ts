/**
 * The ring drawn to a canvas (SPEC §7: canvas above ~200 agents). The geometry is the same
 * `ringStatic` / `ringMessages` the SVG draws; this module only paints it, in drawing units
 * (the nominal size of the layout), onto a context already scaled to the canvas's pixels.
 */
import { interpolateRgb } from 'd3';
import { messageStyles } from './messageStyles';
import type { RingAgent, RingMessages, RingStatic } from './ringLayout';

/** The theme's colours, read from the CSS custom properties (UI.md tokens). */
export interface RingPalette {
  surface: string;
  text: string;
  textMuted: string;
  border: string;
  slate: string;
  leader: string;
  byzantine: string;
  equivocator: string;
  pending: string;
  focus: string;
  aborted: string;
  quarantine: string;
  fork0: string;
  fork1: string;
}

export const paletteTokens: Record<keyof RingPalette, string> = {
  surface: '--surface',
  text: '--text',
  textMuted: '--text-muted',
  border: '--border',
  slate: '--slate',
  leader: '--leader',
  byzantine: '--byzantine',
  equivocator: '--equivocator',
  pending: '--pending',
  focus: '--focus',
  aborted: '--aborted',
  quarantine: '--quarantine',
  fork0: '--fork-0',
  fork1: '--fork-1',
};

/** Smallest dot radius on the canvas, in drawing units: a 1000-agent ring has tiny agents. */
export const canvasDotRadiusMin = 2.6;

/**
 * The agent under the point (`x`, `y`) in drawing units, or null. Agents sit evenly on one
 * circle, so the angle gives the candidate in O(1); the tolerance grows for tiny agents so a
 * 1000-agent ring can still be clicked.
 */
export function agentAt(ring: RingStatic, x: number, y: number): number | null {
  const n = ring.agents.length;
  if (n === 0) return null;
  const dx = x - ring.cx;
  const dy = y - ring.cy;
  const angle = (Math.atan2(dx, -dy) + 2 * Math.PI) % (2 * Math.PI);
  const nearest = Math.round((angle / (2 * Math.PI)) * n) % n;
  const spacing = (2 * Math.PI * ring.radius) / n;
  const tolerance = Math.max(ring.agentRadius + 2, Math.min(6, spacing * 0.5 + 3));
  let best: number | null = null;
  let bestDistance = tolerance;
  for (const candidate of [nearest, (nearest + 1) % n, (nearest + n - 1) % n]) {
    const agent = ring.agents[candidate]!;
    const distance = Math.hypot(agent.x - x, agent.y - y);
    if (distance <= bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Every `labelStep` agents get a label on a large ring, a0 always: enough to find one's way. */
export function labelStep(agentCount: number): number {
  return Math.max(1, Math.ceil(agentCount / 20 / 5) * 5);
}

type AgentStyle = 'plain' | 'byzantine' | 'equivocator' | 'down';

function agentStyle(agent: RingAgent): AgentStyle {
  if (agent.down) return 'down';
  if (agent.isEquivocator) return 'equivocator';
  return agent.byzantineKinds.length > 0 ? 'byzantine' : 'plain';
}

function strokeOf(style: AgentStyle, palette: RingPalette): string {
  const strokes: Record<AgentStyle, string> = {
    plain: palette.slate,
    byzantine: palette.byzantine,
    equivocator: palette.equivocator,
    down: palette.pending,
  };
  return strokes[style];
}

/**
 * The facts the canvas marks around agents, as the SVG does (RingAgents): quarantined by a
 * Council vote, the side of a fork each committed (0 or 1: sides past the second are drawn as
 * the second, as on the SVG), and the agents a lesson step points at. Indices in ring order.
 */
export interface RingMarks {
  quarantined: number[];
  forked: { index: number; side: 0 | 1; name: string }[];
  focus: number[];
}

/** The marks of `ring`; `focusAgents` outside the ring are ignored. */
export function ringMarks(ring: RingStatic, focusAgents: readonly number[] = []): RingMarks {
  const marks: RingMarks = { quarantined: [], forked: [], focus: [] };
  for (const agent of ring.agents) {
    if (agent.quarantine) marks.quarantined.push(agent.index);
    if (agent.fork) marks.forked.push({ index: agent.index, side: agent.fork.side === 0 ? 0 : 1, name: agent.fork.name });
  }
  const n = ring.agents.length;
  marks.focus = [...new Set(focusAgents)].filter((index) => Number.isInteger(index) && index >= 0 && index < n).sort((a, b) => a - b);
  return marks;
}

/**
 * Everything `drawRingStatic` paints from the layout and the marks, as one string: the static
 * layer is repainted only when it changes (at n = 1000 a repaint takes tens of milliseconds, and
 * most ticks change nothing it draws: roles show in each agent's description, not on the canvas).
 */
export function ringStaticKey(ring: RingStatic, marks: RingMarks): string {
  const styles = ring.agents.map((agent) => agentStyle(agent)[0]).join('');
  const regions = ring.regions.map((region) => `${region.label}:${region.fill}:${region.paths.join(' ')}`).join('|');
  const forked = marks.forked.map((mark) => `${mark.index}${mark.side}`).join(' ');
  return (
    `${ring.width}×${ring.height}:${ring.radius}:${ring.agentRadius}:${ring.leader}:${styles}:${regions}` +
    `:q${marks.quarantined.join(' ')}:f${forked}:l${marks.focus.join(' ')}`
  );
}

/**
 * The static layer: partition bands, the track, the marks around agents (lesson focus, fork
 * sides, quarantine), the agents, the leader, a few labels, the selection.
 */
export function drawRingStatic(
  context: CanvasRenderingContext2D,
  ring: RingStatic,
  palette: RingPalette,
  selectedAgent: number | null,
  marks: RingMarks,
): void {
  context.clearRect(0, 0, ring.width, ring.height);
  drawRegions(context, ring);
  context.beginPath();
  context.arc(ring.cx, ring.cy, ring.radius, 0, 2 * Math.PI);
  context.strokeStyle = palette.border;
  context.lineWidth = 1.5;
  context.stroke();
  const r = Math.max(ring.agentRadius, 1.5);
  drawMarks(context, ring, palette, marks, r);
  for (const style of ['plain', 'byzantine', 'equivocator', 'down'] as const) {
    const agents = ring.agents.filter((agent) => agentStyle(agent) === style);
    if (agents.length === 0) continue;
    context.beginPath();
    for (const agent of agents) {
      context.moveTo(agent.x + r, agent.y);
      context.arc(agent.x, agent.y, r, 0, 2 * Math.PI);
    }
    context.fillStyle = style === 'down' ? palette.surface : mix(strokeOf(style, palette), palette.surface);
    context.fill();
    context.setLineDash(style === 'down' ? [2, 1.5] : []);
    context.strokeStyle = strokeOf(style, palette);
    context.lineWidth = style === 'plain' ? 0.8 : 1.4;
    context.stroke();
    context.setLineDash([]);
  }
  const leader = ring.leader === null ? undefined : ring.agents[ring.leader];
  if (leader) ringAround(context, leader, r + 2.5, palette.leader, 2.5, []);
  drawLabels(context, ring, palette);
  const selected = selectedAgent === null ? undefined : ring.agents[selectedAgent];
  if (selected) ringAround(context, selected, r + 6, palette.focus, 2, [4, 2.5]);
}

/**
 * The marks the SVG draws around an agent (RingAgents, network.css, lessons.css), one path per
 * kind: the lesson's dashed outline at r + 10 with a ◆ inside the ring, each fork side's ring at
 * r + 1.5 (side B dashed), the quarantine's dotted ring at r + 5. Drawn under the agents, as in
 * the SVG; strokes a little thinner than the SVG's, as the canvas's other rings are.
 */
function drawMarks(context: CanvasRenderingContext2D, ring: RingStatic, palette: RingPalette, marks: RingMarks, r: number): void {
  const agentsOf = (indices: number[]) => indices.map((index) => ring.agents[index]!);
  ringsAround(context, agentsOf(marks.focus), r + 10, palette.focus, 2, [5, 4]);
  for (const side of [0, 1] as const) {
    const agents = agentsOf(marks.forked.filter((mark) => mark.side === side).map((mark) => mark.index));
    ringsAround(context, agents, r + 1.5, side === 0 ? palette.fork0 : palette.fork1, 1.6, side === 0 ? [] : [3, 2]);
  }
  ringsAround(context, agentsOf(marks.quarantined), r + 5, palette.quarantine, 2, [2, 3]);
  if (marks.focus.length === 0) return;
  context.font = '700 12px system-ui, sans-serif';
  context.fillStyle = palette.focus;
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  for (const agent of agentsOf(marks.focus)) {
    context.fillText('◆', agent.x - agent.outX * (r + 10), agent.y - agent.outY * (r + 10));
  }
}

/** One circle of `radius` around each of `agents`, stroked as one path. */
function ringsAround(
  context: CanvasRenderingContext2D,
  agents: readonly Pick<RingAgent, 'x' | 'y'>[],
  radius: number,
  colour: string,
  width: number,
  dash: number[],
): void {
  if (agents.length === 0) return;
  context.beginPath();
  for (const agent of agents) {
    context.moveTo(agent.x + radius, agent.y);
    context.arc(agent.x, agent.y, radius, 0, 2 * Math.PI);
  }
  context.setLineDash(dash);
  context.strokeStyle = colour;
  context.lineWidth = width;
  context.stroke();
  context.setLineDash([]);
}

function drawRegions(context: CanvasRenderingContext2D, ring: RingStatic): void {
  context.save();
  context.translate(ring.cx, ring.cy);
  for (const region of ring.regions) {
    context.fillStyle = region.fill;
    context.strokeStyle = region.fill;
    for (const d of region.paths) {
      const path = new Path2D(d);
      context.globalAlpha = 0.14;
      context.fill(path);
      context.globalAlpha = 0.45;
      context.stroke(path);
    }
    context.globalAlpha = 1;
    context.font = '600 12px system-ui, sans-serif';
    context.textAlign = region.labelAnchor === 'middle' ? 'center' : region.labelAnchor === 'start' ? 'left' : 'right';
    context.fillText(region.label, region.labelX, region.labelY);
  }
  context.restore();
}

function drawLabels(context: CanvasRenderingContext2D, ring: RingStatic, palette: RingPalette): void {
  const step = labelStep(ring.agents.length);
  context.font = '500 10px system-ui, sans-serif';
  context.fillStyle = palette.textMuted;
  context.textBaseline = 'middle';
  for (const agent of ring.agents) {
    if (agent.index % step !== 0) continue;
    const offset = ring.agentRadius + 7;
    context.textAlign = Math.abs(agent.outX) < 0.3 ? 'center' : agent.outX > 0 ? 'left' : 'right';
    context.fillText(agent.id, agent.x + agent.outX * offset, agent.y + agent.outY * offset);
  }
}

/** A circle around an agent: the leader's gold ring, the selection's dashed one, the hover. */
export function ringAround(
  context: CanvasRenderingContext2D,
  agent: Pick<RingAgent, 'x' | 'y'>,
  radius: number,
  colour: string,
  width: number,
  dash: number[],
): void {
  ringsAround(context, [agent], radius, colour, width, dash);
}

/** The animated overlay: one dot per drawn message, coloured by type, lost ones crossed. */
export function drawRingMessages(
  context: CanvasRenderingContext2D,
  ring: RingStatic,
  flight: RingMessages,
  palette: RingPalette,
): void {
  context.clearRect(0, 0, ring.width, ring.height);
  const r = Math.max(flight.dotRadius, canvasDotRadiusMin);
  for (const message of flight.messages) {
    const style = messageStyles[message.key];
    context.globalAlpha = message.opacity;
    context.beginPath();
    context.arc(message.x, message.y, r, 0, 2 * Math.PI);
    context.fillStyle = style.fill;
    context.fill();
    context.setLineDash(message.garbled ? [1.5, 1] : []);
    context.strokeStyle = message.garbled ? palette.text : palette.surface;
    context.lineWidth = 0.8;
    context.stroke();
    if (message.lost) drawCross(context, message.x + r * 1.6, message.y - r * 1.2, r * 0.7, palette.aborted);
  }
  context.setLineDash([]);
  context.globalAlpha = 1;
}

function drawCross(context: CanvasRenderingContext2D, x: number, y: number, size: number, colour: string): void {
  context.beginPath();
  context.moveTo(x - size, y - size);
  context.lineTo(x + size, y + size);
  context.moveTo(x + size, y - size);
  context.lineTo(x - size, y + size);
  context.strokeStyle = colour;
  context.lineWidth = 1.2;
  context.stroke();
}

/** A light tint of `colour` over the surface, as the SVG's `color-mix(… 20%, surface)`. */
function mix(colour: string, surface: string): string {
  return interpolateRgb(surface, colour)(0.2);
}
