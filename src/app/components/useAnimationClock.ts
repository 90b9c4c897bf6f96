import { useEffect } from 'react';

/** The most wall time one animation frame may advance a cursor by. */
const frameSecondsMax = 0.1;

/**
 * Moves a cursor with wall time while `playing`, one `advance(seconds)` per animation frame (the
 * simulator's playback and the compare view's pair). A frame that came late (a busy machine, a
 * tab in the background) plays on from where it was instead of leaping ahead: at most a tenth of
 * a second per frame. `advance` must be stable (a module-level function).
 */
export function useAnimationClock(playing: boolean, advance: (seconds: number) => void): void {
  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    let last = performance.now();
    const onFrame = (now: number) => {
      advance(Math.min(Math.max(now - last, 0), frameSecondsMax * 1000) / 1000);
      last = now;
      frame = requestAnimationFrame(onFrame);
    };
    frame = requestAnimationFrame(onFrame);
    return () => cancelAnimationFrame(frame);
  }, [playing, advance]);
}
