import { useMemo, useState } from 'react';
import { ForkDialog } from '../compare/ForkDialog';
import { useAnimationClock } from './useAnimationClock';
import { useRun } from '../store/runStore';
import { playbackSpeeds, usePlayback } from '../store/playbackStore';
import { byzantineAgents, decidedValues } from '../trace/decidedValues';
import { stepPlace } from '../trace/eventSteps';
import { performAction } from './performAction';

/**
 * Play, pause, step, back, run to the end, speed, and a scrubber over ticks with a marker at
 * every commit (✓) and view change (↻). Keyboard: space play/pause, → step, ← back.
 */
export function PlaybackBar() {
  const status = useRun((state) => state.status);
  const playing = usePlayback((state) => state.playing);
  const cursor = usePlayback((state) => state.cursor);
  const endTick = useRun((state) => state.endTick);
  const speed = usePlayback((state) => state.speed);
  const trace = useRun((state) => state.trace);
  const scenario = useRun((state) => state.scenario);
  const eventCount = usePlayback((state) => state.eventCount);
  // After step or back: which of its tick's events the cursor stands at.
  const place = useMemo(() => (eventCount === null ? null : stepPlace(trace, eventCount)), [trace, eventCount]);
  const playback = usePlayback.getState;
  useAnimationClock(playing, advancePlayback);

  const markers = useMemo(() => {
    const seen = new Set<string>();
    const list: { tick: number; kind: 'commit' | 'noAgreement' | 'view' | 'fork' | 'tally' }[] = [];
    for (const event of trace.ofKinds(['councilTallied', 'committed', 'decidedNoAgreement', 'viewChanged'] as const)) {
      // The Council's tallies are its decisions: one mark each (issue 12).
      if (event.kind === 'councilTallied') {
        list.push({ tick: event.t, kind: 'tally' });
        continue;
      }
      const decided = event.kind === 'committed' || event.kind === 'decidedNoAgreement';
      const key = decided ? `c${event.roundNo}` : event.kind === 'viewChanged' ? `v${event.roundNo}:${event.view}` : null;
      if (key === null || seen.has(key)) continue;
      seen.add(key);
      const kind = event.kind === 'committed' ? 'commit' : event.kind === 'decidedNoAgreement' ? 'noAgreement' : 'view';
      list.push({ tick: event.t, kind });
    }
    // A fork: every committed value after a round's first gets its own mark.
    for (const values of decidedValues(trace, byzantineAgents(scenario)).values()) {
      for (const value of values.slice(1)) list.push({ tick: value.firstTick, kind: 'fork' });
    }
    return list;
  }, [trace, scenario]);

  // Play, step and End may be pressed while the run is simulated: play starts with the first
  // simulated ticks, and the cursor can go anywhere the simulation has reached.
  const busy = status === 'starting';
  const simulating = status === 'simulating';
  const stopped = status === 'stopped';
  const scrubbable = status === 'loaded' || stopped || (simulating && trace.length > 0);
  return (
    <div className="playback" role="group" aria-label="Playback">
      <button type="button" aria-label="Back one event" data-testid="back" disabled={!scrubbable} onClick={() => void performAction({ id: 'back' })}>
        ◀
      </button>
      {playing ? (
        <button type="button" className="primary" data-testid="pause" onClick={() => void performAction({ id: 'play-pause' })}>
          ❚❚ Pause
        </button>
      ) : (
        <button type="button" className="primary" data-testid="play" disabled={busy} onClick={() => void performAction({ id: 'play-pause' })}>
          ▶ Play
        </button>
      )}
      <button type="button" aria-label="Step to the next event" data-testid="step" disabled={busy} onClick={() => void performAction({ id: 'step' })}>
        ▶|
      </button>
      <button type="button" aria-label="Run to the end" data-testid="run-end" disabled={busy} onClick={() => void performAction({ id: 'run-end' })}>
        ▶▶ End
      </button>
      <label className="speed">
        speed
        <select data-testid="speed" value={speed} onChange={(event) => playback().setSpeed(Number(event.target.value))}>
          {playbackSpeeds.map((value) => (
            <option key={value} value={value}>
              {value} ticks/s
            </option>
          ))}
        </select>
      </label>
      <div className="scrubber">
        <input
          type="range"
          data-testid="scrubber"
          aria-label="Time cursor (tick)"
          min={0}
          max={Math.max(endTick, 1)}
          step={0.1}
          value={cursor}
          disabled={!scrubbable}
          onChange={(event) => playback().setCursor(Number(event.target.value))}
        />
        <div className="scrubber-markers" aria-hidden="true">
          {endTick > 0 &&
            markers.map((marker, index) => (
              <span key={index} className={`marker marker-${marker.kind}`} style={{ left: `${(marker.tick / endTick) * 100}%` }}>
                {{ commit: '✓', noAgreement: '⊘', view: '↻', fork: '⋔', tally: '⚖' }[marker.kind]}
              </span>
            ))}
        </div>
      </div>
      <ForkButton disabled={busy || scenario === null} />
      <span className="cursor-tick">
        tick {Math.floor(cursor)} / {endTick}
        {place !== null && place.steps > 1 && (
          <span data-testid="step-place" title="Step (→) and back (←) move event by event, also inside a tick">
            {' '}· event {place.step} of {place.steps} at this tick
          </span>
        )}
        {simulating && (
          <span className="simulation-progress" data-testid="simulation-progress" title="The worker is still simulating the run; the cursor can go up to here">
            {' '}simulated so far…{' '}
            <button type="button" className="link-button" data-testid="simulation-stop" onClick={() => useRun.getState().stopSimulation()}>
              Stop
            </button>
          </span>
        )}
        {stopped && (
          <span className="simulation-progress" data-testid="simulation-stopped" title="End simulates the whole run again, to its end">
            {' '}simulation stopped · End finishes it
          </span>
        )}
      </span>
    </div>
  );
}

/**
 * "What if…" at the cursor (`fork-open`): pauses and asks for one change from the cursor's
 * tick; the pair then opens side by side (Compare).
 */
function ForkButton({ disabled }: { disabled: boolean }) {
  const [open, setOpen] = useState(false);
  const [tick, setTick] = useState(0);
  const scenario = useRun((state) => state.scenario);
  const openDialog = () => {
    const playback = usePlayback.getState();
    if (playback.playing) void performAction({ id: 'play-pause' });
    setTick(Math.floor(playback.cursor));
    setOpen(true);
  };
  return (
    <>
      <button type="button" data-testid="fork-open" disabled={disabled} onClick={openDialog}
        aria-label="What if… (fork the run here with one change)"
        title="Fork the run here with one change and compare both runs side by side">
        ⋔<span className="wide-label"> What if…</span>
      </button>
      {scenario !== null && <ForkDialog scenario={scenario} tick={tick} open={open} onClose={() => setOpen(false)} />}
    </>
  );
}

/** One frame of playback (stable, for `useAnimationClock`). */
function advancePlayback(seconds: number): void {
  usePlayback.getState().advance(seconds);
}
