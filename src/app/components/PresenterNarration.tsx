import { useMemo } from 'react';
import { useRun } from '../store/runStore';
import { usePlayback } from '../store/playbackStore';
import { currentNarration } from '../trace/currentNarration';

/** Presenter mode's narration: the current event in one large sentence under the ring. */
export function PresenterNarration() {
  const trace = useRun((state) => state.trace);
  const cursor = usePlayback((state) => state.cursor);
  const wholeTick = Math.floor(cursor);
  // The sentence changes only at whole ticks: looked up once per tick, not once per frame.
  const told = useMemo(() => currentNarration(trace, wholeTick), [trace, wholeTick]);
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
