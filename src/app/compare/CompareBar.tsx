import { useAnimationClock } from '../components/useAnimationClock';
import { compareEndTick, compareTicksPerSecond, useCompare } from '../store/compareStore';

/**
 * The pair's one playback bar: play, pause, a tick back and forward, and a scrubber that moves
 * both runs, with the fork tick (⋔) and the first difference (≠) marked on it.
 */
export function CompareBar() {
  const cursor = useCompare((state) => state.cursor);
  const playing = useCompare((state) => state.playing);
  const end = useCompare(compareEndTick);
  const at = useCompare((state) => state.comparison?.at ?? 0);
  const divergence = useCompare((state) => state.divergence);
  const ready = useCompare((state) => state.status === 'ready');
  const store = useCompare.getState;
  useAnimationClock(playing, advanceCompare);
  const left = (tick: number) => `${(Math.min(tick, end) / Math.max(end, 1)) * 100}%`;
  return (
    <div className="playback" role="group" aria-label="Playback of both runs">
      <button type="button" aria-label="Back one tick" data-testid="compare-back" disabled={!ready}
        onClick={() => store().setCursor(Math.ceil(store().cursor) - 1)}>
        ◀
      </button>
      {playing ? (
        <button type="button" className="primary" data-testid="compare-pause" onClick={() => store().setPlaying(false)}>
          ❚❚ Pause
        </button>
      ) : (
        <button type="button" className="primary" data-testid="compare-play" disabled={!ready} onClick={() => store().setPlaying(true)}>
          ▶ Play
        </button>
      )}
      <button type="button" aria-label="Forward one tick" data-testid="compare-step" disabled={!ready}
        onClick={() => store().setCursor(Math.floor(store().cursor) + 1)}>
        ▶|
      </button>
      {divergence !== null && (
        <button type="button" data-testid="compare-to-divergence" disabled={!ready}
          aria-label={`Go to the first difference, tick ${divergence.tick}`}
          onClick={() => { store().setPlaying(false); store().setCursor(divergence.tick); }}>
          ≠<span className="wide-label"> First difference</span>
        </button>
      )}
      <div className="scrubber">
        <input
          type="range"
          data-testid="compare-scrubber"
          aria-label="Time cursor of both runs (tick)"
          min={0}
          max={Math.max(end, 1)}
          step={0.1}
          value={cursor}
          disabled={!ready}
          onChange={(event) => store().setCursor(Number(event.target.value))}
        />
        <div className="scrubber-markers" aria-hidden="true">
          {/* Where the first difference is the fork tick itself, its mark stands for both. */}
          {end > 0 && divergence?.tick !== at && (
            <span className="marker marker-fork-tick" style={{ left: left(at) }}>⋔</span>
          )}
          {end > 0 && divergence !== null && (
            <span className="marker marker-divergence" data-testid="compare-divergence-mark" data-tick={divergence.tick}
              style={{ left: left(divergence.tick) }}>
              ≠
            </span>
          )}
        </div>
      </div>
      <span className="cursor-tick" data-testid="compare-tick">
        tick {Math.floor(cursor)} / {end}
      </span>
      <span className="compare-speed wide-label">{compareTicksPerSecond} ticks/s</span>
    </div>
  );
}

/** One frame of the pair's playback (stable, for `useAnimationClock`). */
function advanceCompare(seconds: number): void {
  useCompare.getState().advance(seconds);
}
