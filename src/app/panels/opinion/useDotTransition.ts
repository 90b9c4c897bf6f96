import { timer, type Timer } from 'd3';
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { usePrefersReducedMotion } from '../../components/useMediaQuery';
import { dotTransition, dotTransitionMs, type DotFrame } from './dotTransition';

export interface DotTransition {
  /** The dots to paint now: mid-move while `animating`, else the step's own positions. */
  drawn: RefObject<DotFrame>;
  /** Whether the dots are moving (the canvas box says so in `data-animating`). */
  animating: boolean;
}

/**
 * Moves the canvas scatter's dots to `positions` (of the round `basis`) over `dotTransitionMs`,
 * calling `repaint` once per animation frame while they move and never when they are still, as
 * the SVG's CSS transition moves its dots. A new step mid-move starts from where the dots are
 * drawn, so nothing jumps back; reduced motion, a new round or other agents draw at once.
 * Policy: d3's timer is one animation-frame loop for the page that sleeps when no timer runs;
 * this hook's timer stops when its move ends, when another starts, and on unmount.
 */
export function useDotTransition(basis: unknown, positions: Float64Array, repaint: () => void): DotTransition {
  const reducedMotion = usePrefersReducedMotion();
  const drawn = useRef<DotFrame>({ basis, positions });
  // Whether the dots drawn are mid-move (a move cut short by a new step stays drawn so).
  const midMove = useRef(false);
  const [animating, setAnimating] = useState(false);
  const latestRepaint = useRef(repaint);
  latestRepaint.current = repaint;

  // A layout effect, so the chart's paint (a passive effect) already draws the move's first frame.
  useLayoutEffect(() => {
    const next: DotFrame = { basis, positions };
    const at = dotTransition(drawn.current, next, reducedMotion);
    if (at === null) {
      drawn.current = next;
      // Only a move cut short needs this repaint: a new step repaints the chart anyway.
      if (midMove.current) latestRepaint.current();
      midMove.current = false;
      setAnimating(false);
      return;
    }
    // One array for the whole move, rewritten in place by `at` at every frame.
    drawn.current = { basis, positions: at(0) };
    midMove.current = true;
    const moving: Timer = timer((elapsed) => {
      const progress = elapsed / dotTransitionMs;
      if (progress < 1) at(progress);
      else {
        moving.stop();
        drawn.current = next;
        midMove.current = false;
        setAnimating(false);
      }
      latestRepaint.current();
    });
    setAnimating(true);
    return () => moving.stop();
  }, [basis, positions, reducedMotion]);
  return { drawn, animating };
}
