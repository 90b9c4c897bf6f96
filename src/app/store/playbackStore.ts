import { useMemo } from 'react';
import { create } from 'zustand';
import { nextStop, previousStop, stepEvent } from '../trace/eventSteps';
import type { TraceIndex } from '../trace/traceIndex';
import { playbackLink, useRun } from './runStore';

/**
 * Playback: the time cursor every panel draws at, whether it moves, and how fast. It never
 * re-simulates: it moves over the run store's trace, and waits at its frontier while the
 * worker is still simulating (SPEC §5).
 */
/** The speeds the playback bar offers, in ticks per second. */
export const playbackSpeeds: readonly number[] = [2, 4, 8, 16, 32, 64];

export interface PlaybackState {
  /** The time cursor (a float tick): every panel draws the run as it stood then. */
  cursor: number;
  /**
   * Where step and back left the cursor inside its tick: the panels show exactly the trace's
   * first `eventCount` events (the cursor is then the last one's tick). Null while playing and
   * after a seek: every event at or before the cursor.
   */
  eventCount: number | null;
  playing: boolean;
  /** Playback speed in ticks per second. */
  speed: number;
  /**
   * Plays from the cursor (from the start once ended), simulating the run if needed: playback
   * starts with the first simulated ticks and waits at the frontier until more arrive.
   */
  play(): Promise<void>;
  pause(): void;
  togglePlay(): Promise<void>;
  /**
   * Moves the cursor to the next event (`trace/eventSteps`: one narrated event and the traffic
   * it sends), inside the cursor's tick or at the next tick at which something happened.
   */
  step(): Promise<void>;
  /** Undoes the last step: back to the previous event, in the same tick or an earlier one. */
  back(): void;
  /** Simulates the run to its end and moves the cursor there. */
  runToEnd(): Promise<void>;
  /** Pauses and moves the cursor (within what is simulated). */
  seek(tick: number): void;
  setCursor(tick: number): void;
  setSpeed(ticksPerSecond: number): void;
  /** Advances the cursor by wall time while playing (called once per animation frame). */
  advance(seconds: number): void;
}

export const usePlayback = create<PlaybackState>()((set, get) => {
  const run = useRun.getState;
  playbackLink.needsMore = (frontier, lookaheadSeconds) => {
    const { playing, cursor, speed } = get();
    return playing && cursor + speed * lookaheadSeconds >= frontier;
  };
  playbackLink.reset = () => set({ cursor: 0, eventCount: null, playing: false });
  playbackLink.toEnd = () => set({ cursor: run().endTick, eventCount: null, playing: false });
  /** How many of the trace's events the panels show now. */
  const shown = () => {
    const { cursor, eventCount } = get();
    return eventCount ?? run().trace.end(Math.floor(cursor));
  };

  return {
    cursor: 0,
    eventCount: null,
    playing: false,
    speed: 8,

    async play() {
      if (!(await run().ensureStarted())) return;
      const { endTick, status } = run();
      const { cursor } = get();
      const atEnd = (status === 'loaded' || status === 'stopped') && cursor >= endTick;
      set({ playing: true, cursor: atEnd ? 0 : cursor, eventCount: null });
    },

    pause: () => set({ playing: false }),

    async togglePlay() {
      if (get().playing) get().pause();
      else await get().play();
    },

    async step() {
      if (!(await run().ensureStarted())) return;
      const next = () => {
        const { trace, frontier } = run();
        const stop = nextStop(trace, shown());
        // Only a tick simulated to its end is stepped into: its later events are all there.
        return stop !== null && trace.events[stop - 1]!.t <= frontier ? stop : null;
      };
      // The next event may not be simulated yet: then the step waits for the run.
      let stop = next();
      if (stop === null && run().status === 'simulating' && !(await run().ensureSimulated())) return;
      stop ??= next();
      if (stop === null) set({ playing: false, cursor: run().endTick, eventCount: null });
      else set({ playing: false, cursor: run().trace.events[stop - 1]!.t, eventCount: stop });
    },

    back() {
      const { trace } = run();
      const stop = previousStop(trace, shown());
      set({ playing: false, cursor: stop === 0 ? 0 : trace.events[stop - 1]!.t, eventCount: stop });
    },

    async runToEnd() {
      if (!(await run().ensureSimulated())) return;
      set({ playing: false, cursor: run().endTick, eventCount: null });
    },

    seek(tick) {
      get().pause();
      get().setCursor(tick);
    },

    setCursor: (tick) => set({ cursor: Math.min(Math.max(tick, 0), Math.max(run().frontier, 0)), eventCount: null }),

    setSpeed: (speed) => set({ speed }),

    advance(seconds) {
      const { playing, cursor, speed } = get();
      if (!playing) return;
      const { endTick, frontier, status } = run();
      const next = Math.max(cursor + seconds * speed, 0);
      if (status === 'loaded' && next >= endTick) set({ cursor: endTick, playing: false });
      else if (status === 'simulating') set({ cursor: Math.min(next, Math.max(frontier, 0)) });
      // A stopped simulation plays up to where it got, and stops there.
      else if (status === 'stopped') set({ cursor: Math.min(next, Math.max(frontier, 0)), playing: next < frontier });
      else if (status === 'loaded') set({ cursor: next });
      // A run that failed or was replaced stops playing.
      else set({ playing: false });
    },
  };
});

/**
 * The cursor's whole tick. Every event happens at a whole tick, so a panel that shows the trace
 * up to the cursor re-renders once per tick with this, not once per animation frame; only the
 * ring, whose message dots travel, reads the exact cursor.
 */
export function useWholeTick(): number {
  return usePlayback((state) => Math.floor(state.cursor));
}

/**
 * The run's trace as the cursor shows it: every event up to the cursor's whole tick, or after
 * step and back exactly the events up to the cursor (`TraceIndex.prefix`). Panels draw from
 * this, so each shows the state after the same events.
 *
 * Policy: the index is the same object while the events shown are the same: a batch that
 * arrives past the cursor, or a frame inside the tick, does not change it, so panels memoised
 * on it redraw only when an event passes under the cursor.
 */
export function useCursorTrace(): TraceIndex {
  const trace = useRun((state) => state.trace);
  const shown = usePlayback((state) => state.eventCount ?? trace.end(Math.floor(state.cursor)));
  return trace.prefix(shown);
}

/**
 * The trace position of the event step or back stopped at (the step's narrated event), or
 * null while playing, after a seek, or at a step of traffic only.
 */
export function useStepEvent(): number | null {
  const trace = useRun((state) => state.trace);
  const eventCount = usePlayback((state) => state.eventCount);
  return useMemo(() => (eventCount === null ? null : stepEvent(trace, eventCount)), [trace, eventCount]);
}

/**
 * True once the run is wholly simulated and the cursor is at its end (past its last event).
 * Subscribes to that answer, not to the cursor: a panel that asks re-renders when it flips, not
 * on every animation frame.
 */
export function useEnded(): boolean {
  const endTick = useRun((state) => (state.status === 'loaded' ? state.endTick : Infinity));
  const eventTotal = useRun((state) => state.trace.length);
  return usePlayback(
    (state) => state.cursor >= endTick && (state.eventCount === null || state.eventCount >= eventTotal),
  );
}
