import { useMemo } from 'react';
import { useCursorTrace, usePlayback } from '../store/playbackStore';
import { currentNarration, steppedNarration } from '../trace/currentNarration';

/** Presenter mode's narration: the current event in one large sentence under the ring. */
export function PresenterNarration() {
  const trace = useCursorTrace();
  const wholeTick = usePlayback((state) => Math.floor(state.cursor));
  const stepped = usePlayback((state) => state.eventCount !== null);
  // The sentence changes only at whole ticks, or at each step: looked up then, not every frame.
  // After step or back it tells the event stepped to; while playing, the key event of the tick.
  const told = useMemo(
    () => (stepped ? steppedNarration(trace) : currentNarration(trace, wholeTick)),
    [trace, wholeTick, stepped],
  );
  return (
    // Not a live region: it changes every tick while playing; the event log is the text record.
    <p className="presenter-narration" data-testid="presenter-narration">
      {told === null ? (
        'Press space to play the run; each event will be told here.'
      ) : (
        <>
          <span className="presenter-narration-tick">tick {told.tick}</span> {told.text}
        </>
      )}
    </p>
  );
}
