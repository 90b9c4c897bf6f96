import { create } from 'zustand';
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
  /** Moves the cursor to the next tick at which something happened. */
  step(): Promise<void>;
  /** Moves the cursor back to the previous tick at which something happened. */
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
  playbackLink.reset = () => set({ cursor: 0, playing: false });
  playbackLink.toEnd = () => set({ cursor: run().endTick, playing: false });

  return {
    cursor: 0,
    playing: false,
    speed: 8,

    async play() {
      if (!(await run().ensureStarted())) return;
      const { endTick, status } = run();
      const { cursor } = get();
      const atEnd = (status === 'loaded' || status === 'stopped') && cursor >= endTick;
      set({ playing: true, cursor: atEnd ? 0 : cursor });
    },

    pause: () => set({ playing: false }),

    async togglePlay() {
      if (get().playing) get().pause();
      else await get().play();
    },

    async step() {
      if (!(await run().ensureStarted())) return;
      const nextTick = () => {
        const { trace, frontier } = run();
        const next = trace.after(Math.floor(get().cursor));
        return next !== null && next.t <= frontier ? next.t : null;
      };
      // The next event may not be simulated yet: then the step waits for the run.
      let tick = nextTick();
      if (tick === null && run().status === 'simulating' && !(await run().ensureSimulated())) return;
      tick ??= nextTick();
      set({ playing: false, cursor: tick ?? run().endTick });
    },

    back() {
      const { trace } = run();
      // The last event before the cursor: events sit at whole ticks.
      const before = trace.end(Math.ceil(get().cursor) - 1);
      set({ playing: false, cursor: before === 0 ? 0 : trace.events[before - 1]!.t });
    },

    async runToEnd() {
      if (!(await run().ensureSimulated())) return;
      set({ playing: false, cursor: run().endTick });
    },

    seek(tick) {
      get().pause();
      get().setCursor(tick);
    },

    setCursor: (tick) => set({ cursor: Math.min(Math.max(tick, 0), Math.max(run().frontier, 0)) }),

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
 * up to the cursor re-renders once per tick with this, not once per animation frame; the ring
 * and the quorum panel animate messages in flight and read the exact cursor.
 */
export function useWholeTick(): number {
  return usePlayback((state) => Math.floor(state.cursor));
}

/** True once the run is wholly simulated and the cursor is at its end. */
export function useEnded(): boolean {
  const cursor = usePlayback((state) => state.cursor);
  return useRun((state) => state.status === 'loaded' && cursor >= state.endTick);
}
