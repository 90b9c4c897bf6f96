import { create } from 'zustand';
import type {
  Comparison, CouncilRunReport, ForkChange, OpenedComparison, ResolvedScenario, RunSummaryReply, Scenario, StreamEvent,
} from '../../worker/api';
import { WorkerBridge } from '../bridge/WorkerBridge';
import { TraceIndex } from '../trace/traceIndex';
import { traceDivergence, type TraceDivergence } from '../trace/traceDivergence';
import { LabClient } from './labClient';
import { labClient, useRun } from './runStore';

/** One of the two runs of a comparison, simulated to its end. */
export interface CompareRun {
  scenario: Scenario;
  resolved: ResolvedScenario;
  trace: TraceIndex;
  summary: RunSummaryReply['summary'];
  report: CouncilRunReport | null;
  endTick: number;
  /** Its own `#s=` link; null when the scenario is too large for one. */
  link: string | null;
}

export type CompareStatus = 'idle' | 'simulating' | 'ready' | 'failed';

/**
 * Compare (SPEC §7, `compare-view`): a run and its "what if" fork side by side on one time
 * cursor. Its own store beside the lab's, its own worker (so the simulator's run is kept), and
 * the address `#c=1.…` while it is open.
 */
export interface CompareState {
  open: boolean;
  status: CompareStatus;
  comparison: Comparison | null;
  /** The change in words: "a0 crashes at tick 40". */
  caption: string;
  base: CompareRun | null;
  fork: CompareRun | null;
  /** Where the two traces first differ, once both are simulated; null when they never do. */
  divergence: TraceDivergence | null;
  /** The shared time cursor, in ticks (fractional while playing). */
  cursor: number;
  playing: boolean;
  /** The pair's `#c=` link; null when the pair is too large for one. */
  pairLink: string | null;
  error: string | null;
  /**
   * Forks `base` at `at` with `change` and opens the pair (a new history entry): the message
   * when the change cannot apply (nothing else changes), else null while both runs simulate.
   */
  startFork(base: Scenario, at: number, change: ForkChange): Promise<string | null>;
  /** Opens a `#c=` link as a fresh page would; a link that cannot be opened is explained. */
  openLink(fragment: string): Promise<void>;
  /**
   * Hides the pair and stops its simulation (a run still being simulated answers into nothing);
   * the address bar is left as it is.
   */
  hide(): void;
  /** Back to the simulator, whose scenario's link returns to the address bar. */
  close(): Promise<void>;
  setCursor(tick: number): void;
  setPlaying(playing: boolean): void;
  /** Moves the cursor on by `seconds` of playback; stops at the end. */
  advance(seconds: number): void;
}

/** Playback speed of the compare view. */
export const compareTicksPerSecond = 16;

/** The later end of the two runs: the shared scrubber's range. */
export function compareEndTick(state: Pick<CompareState, 'base' | 'fork'>): number {
  return Math.max(state.base?.endTick ?? 0, state.fork?.endTick ?? 0);
}

/** The compare worker, started on first use and kept. */
let compareClient: LabClient | null = null;

export const useCompare = create<CompareState>()((set, get) => {
  const client = () =>
    (compareClient ??= new LabClient(new WorkerBridge((message) => set({ error: message, status: 'failed' }))));
  /** The fragment this store wrote or opened, so its own address change is not opened again. */
  let addressFragment = '';
  /** Bumped for every comparison opened (and on close): older simulations stop. */
  let generation = 0;

  const simulateRun = async (scenario: Scenario, epoch: number, isCurrent: () => boolean): Promise<CompareRun | null> => {
    const events: StreamEvent[] = [];
    const run = await client().simulate(scenario, epoch, {
      isCurrent,
      onEvents: (batch) => {
        for (const event of batch) events.push(event);
      },
    });
    if (run === null) return null;
    let link: string | null = null;
    try {
      link = await labClient.encodeLink(scenario);
    } catch {
      // Over the link size limit: the run has no link of its own.
    }
    const { resolved, summary, report, endTick } = run;
    return { scenario, resolved, trace: TraceIndex.of(events), summary, report, endTick, link };
  };

  const writeAddress = (fragment: string) => {
    if (typeof history === 'undefined' || fragment === location.hash) return;
    history.pushState(null, '', `${location.pathname}${location.search}${fragment}`);
  };

  const show = async (opened: OpenedComparison, fragment: string | null) => {
    const ours = ++generation;
    const isCurrent = () => generation === ours;
    const { comparison, caption, fork } = opened;
    set({
      open: true, status: 'simulating', comparison, caption, base: null, fork: null, divergence: null,
      cursor: comparison.at, playing: false, pairLink: fragment, error: null,
    });
    try {
      let pairLink = fragment;
      if (pairLink === null) {
        try {
          pairLink = await labClient.encodeCompareLink(comparison);
        } catch {
          pairLink = null;
        }
      }
      if (!isCurrent()) return;
      if (pairLink !== null) {
        addressFragment = pairLink;
        writeAddress(pairLink);
      }
      set({ pairLink });
      const baseRun = await simulateRun(comparison.base, ours * 2, isCurrent);
      if (baseRun === null || !isCurrent()) return;
      set({ base: baseRun });
      const forkRun = await simulateRun(fork, ours * 2 + 1, isCurrent);
      if (forkRun === null || !isCurrent()) return;
      set({ fork: forkRun, divergence: traceDivergence(baseRun.trace, forkRun.trace), status: 'ready' });
    } catch (error) {
      if (isCurrent()) set({ status: 'failed', error: error instanceof Error ? error.message : String(error) });
    }
  };

  return {
    open: false,
    status: 'idle',
    comparison: null,
    caption: '',
    base: null,
    fork: null,
    divergence: null,
    cursor: 0,
    playing: false,
    pairLink: null,
    error: null,

    async startFork(base, at, change) {
      const reply = await labClient.fork(base, at, change);
      if (!reply.ok) return reply.message;
      void show(reply.value, null);
      return null;
    },

    async openLink(fragment) {
      if (fragment === addressFragment && get().open) return;
      addressFragment = fragment;
      const reply = await labClient.decodeCompareLink(fragment);
      if (!reply.ok) {
        // The simulator keeps its scenario and says why the link could not be opened.
        get().hide();
        useRun.getState().warn(`This comparison link could not be opened: ${reply.message}.`);
        return;
      }
      await show(reply.value, fragment);
    },

    hide() {
      generation++;
      set({ open: false, playing: false, status: 'idle' });
    },

    async close() {
      get().hide();
      addressFragment = '';
      const scenario = useRun.getState().scenario;
      if (scenario === null) return;
      try {
        writeAddress(await labClient.encodeLink(scenario));
      } catch {
        // Too large for a link: the address keeps no fragment.
        writeAddress('#');
      }
    },

    setCursor: (tick) => set({ cursor: Math.min(Math.max(tick, 0), compareEndTick(get())) }),

    setPlaying: (playing) => {
      const state = get();
      const end = compareEndTick(state);
      // Play at the end starts again from the fork tick.
      if (playing && state.cursor >= end) set({ cursor: state.comparison?.at ?? 0 });
      set({ playing: playing && end > 0 });
    },

    advance(seconds) {
      const state = get();
      const end = compareEndTick(state);
      const cursor = Math.min(state.cursor + seconds * compareTicksPerSecond, end);
      set({ cursor, playing: state.playing && cursor < end });
    },
  };
});
