/**
 * The 2-D dots' move between two deliberation steps on the canvas scatter, as the SVG scatter
 * eases them with CSS (opinion.css: `transition: cx 0.3s ease-in-out, cy 0.3s ease-in-out`).
 * Pure: positions in, positions out; the animation frames are `useDotTransition`'s.
 */
import { easeCubicInOut, interpolateNumberArray } from 'd3';
import type { AgentTrail } from './opinionLayout';

/** How long a dot takes to move to the step shown: the SVG's 0.3 s, in wall milliseconds. */
export const dotTransitionMs = 300;

/** What the canvas draws: every dot's position, and the picture those positions belong to. */
export interface DotFrame {
  /**
   * The round (its agents and its PCA basis) the positions are in: positions of two different
   * bases say nothing about one movement, so no dot travels from one to the other.
   */
  basis: unknown;
  /** `[x0, y0, x1, y1, …]` by row, in layout units. */
  positions: Float64Array;
}

/** The dots of `trails` (their positions at the step shown) as one array, by row. */
export function dotPositions(trails: readonly AgentTrail[]): Float64Array {
  const positions = new Float64Array(trails.length * 2);
  trails.forEach((trail, row) => {
    positions[2 * row] = trail.cx;
    positions[2 * row + 1] = trail.cy;
  });
  return positions;
}

/**
 * The positions to draw at progress `progress` in [0, 1] (wall time over `dotTransitionMs`) of
 * the move from what is drawn to `next`, eased in and out; or null when `next` is drawn at once:
 * the user asked for reduced motion, nothing is drawn yet, the round (so the basis or the agents)
 * changed, or no dot moves. Policy: the SVG re-keys its chart on a new round and so jumps too.
 * The function returns one array, rewritten at every call (a frame allocates nothing), exactly
 * `drawn.positions` at 0 and `next.positions` at 1.
 */
export function dotTransition(
  drawn: DotFrame | null,
  next: DotFrame,
  reducedMotion: boolean,
): ((progress: number) => Float64Array) | null {
  if (reducedMotion || drawn === null || drawn.basis !== next.basis) return null;
  const from = drawn.positions;
  const to = next.positions;
  if (from.length !== to.length || from.every((value, i) => value === to[i])) return null;
  const at = interpolateNumberArray(from, to);
  return (progress) => at(easeCubicInOut(Math.min(Math.max(progress, 0), 1)));
}
