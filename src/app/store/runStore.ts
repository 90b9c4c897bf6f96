import { create } from 'zustand';
import type {
  CouncilRunReport,
  PresetName,
  PresetSummary,
  ResolvedScenario,
  RunSummaryReply,
  Scenario,
  SimEvent,
  StreamEvent,
} from '../../worker/api';
import { WorkerBridge } from '../bridge/WorkerBridge';
import { TraceIndex } from '../trace/traceIndex';
import { LabClient } from './labClient';
import { lookaheadSeconds, TracePublisher } from './tracePublisher';

/**
 * `stopped`: the user stopped a long simulation; what was simulated stays on the page to play
 * and scrub, and End (or an export) simulates the run again from the start, to its end.
 */
export type RunStatus = 'starting' | 'ready' | 'simulating' | 'stopped' | 'loaded';

/**
 * The run: which scenario is loaded, how far its simulation has got, and what the worker
 * reported. Playback (the cursor) and selection (the inspected agent) are stores of their own;
 * this one owns the worker conversation through `labClient`.
 */
export interface RunState {
  presets: PresetSummary[];
  /** The preset the scenario came from; null for a scenario opened from a link or edited. */
  presetName: PresetName | null;
  scenario: Scenario | null;
  /** The scenario with every default filled in, as the worker runs it; null until loaded there. */
  resolved: ResolvedScenario | null;
  /** Bumped for every new run; replies from an older epoch are dropped. */
  epoch: number;
  status: RunStatus;
  /**
   * The run's one trace index (SPEC §5), extended as the worker's batches arrive: a new value
   * per publication, sharing its storage. Above 200 agents messages come folded into per-tick
   * `messagesAggregated` events (the hash covers them all).
   */
  trace: TraceIndex;
  /**
   * The tick of the last event once the run is simulated; while it is being simulated, the
   * frontier (the scrubber's end grows with the simulation).
   */
  endTick: number;
  /**
   * Every event at or before this tick is in `trace`: the cursor never passes it. Equal to
   * `endTick` once the run is simulated; -1 before the first batch.
   */
  frontier: number;
  /** Council panels' data, for a council scenario. */
  report: CouncilRunReport | null;
  summary: RunSummaryReply['summary'] | null;
  /** A problem to show the user; the scenario and the last results are kept. */
  error: string | null;
  /** A short confirmation (link copied, file saved). */
  notice: string | null;
  init(): Promise<void>;
  /**
   * Opens what the address bar says, as a fresh page would: a `#s=` link, or the first preset
   * when there is no fragment. Called at start and whenever the fragment changes (a pasted
   * link, Back, Forward); a link that cannot be opened is named in a message and the current
   * scenario is kept.
   */
  openAddress(): Promise<void>;
  /** Loads a preset and writes its link in the address bar (a new history entry). */
  selectPreset(name: PresetName): Promise<void>;
  /**
   * Loads a lesson step's scenario (a preset name, or a scenario validated first) without
   * touching the address bar, which shows the lesson's link; the message if it was refused.
   */
  showForLesson(source: PresetName | Record<string, unknown>): Promise<string | null>;
  /** Notes a fragment another store wrote (a lesson link), so Back to the one before reloads it. */
  adoptAddress(fragment: string): void;
  /**
   * Replaces the scenario with an edited or imported one (configuration panel, agent inspector,
   * file import), validated by the worker against the schema first. On success the new
   * scenario starts a new run and, with `simulate`, is simulated and shown at its end; on failure the
   * message is returned and shown, and the current scenario and run are kept.
   */
  applyScenario(candidate: unknown, options?: { simulate?: boolean }): Promise<string | null>;
  /** True once the current run's first ticks are in `trace` (starting its simulation if needed). */
  ensureStarted(): Promise<boolean>;
  /** True once the current run is wholly simulated; false if it failed or was replaced. */
  ensureSimulated(): Promise<boolean>;
  /** Stops the simulation under way, keeping every tick simulated so far on the page. */
  stopSimulation(): void;
  /**
   * Tampers with a Council audit entry, as a teacher does from the audit panel: recorded as a
   * manual `tamper-audit` action one tick after the entry was written, so it replays from the
   * link; the run is simulated again and shown at its end.
   */
  tamperAudit(index: number, entryTick: number): Promise<boolean>;
  /**
   * The current run's whole core trace from the worker (the page's own trace folds messages
   * into aggregates above 200 agents), or why it cannot be had: for export and import checks.
   */
  coreTrace(): Promise<{ ok: true; events: SimEvent[] } | { ok: false; message: string }>;
  share(): Promise<void>;
  tell(notice: string): void;
  warn(error: string): void;
  dismissError(): void;
}

/** A run being simulated: its epoch, its first batch in the store, and its end. */
interface Simulation {
  epoch: number;
  first: Promise<boolean>;
  done: Promise<boolean>;
}

/** What a first visit shows: the first preset of the picker. */
export const initialPreset: PresetName = 'happy-path';

/** A scenario name with a suffix, kept within the schema's 80 characters. */
function withSuffix(name: string, suffix: string): string {
  const full = name.endsWith(`(${suffix})`) ? name : `${name} (${suffix})`;
  return full.length <= 80 ? full : full.slice(0, 80);
}

/**
 * How the run store asks about playback without importing it: the playback store registers
 * these when it is created (it depends on the run store, not the other way round).
 */
export const playbackLink = {
  /** True when playback will reach `frontier` within `lookaheadSeconds`. */
  needsMore: (_frontier: number, _lookaheadSeconds: number): boolean => false,
  /** Puts the cursor back at tick 0, paused: a new run starts. */
  reset: (): void => {},
  /** Puts the cursor at the end of the simulated run, paused. */
  toEnd: (): void => {},
};

/** Where the bridge reports a dead worker: the run store, once created. */
let reportFailure: (message: string) => void = () => {};

/** The page's one simulation worker, and the client every store talks to it through. */
export const labClient = new LabClient(new WorkerBridge((message) => reportFailure(message)));

export const useRun = create<RunState>()((set, get) => {
  const client = labClient;
  reportFailure = (message) => set({ error: message, status: 'ready' });

  const fail = (error: unknown) =>
    set({ error: error instanceof Error ? error.message : String(error), status: 'ready' });

  /**
   * Policy: scenario changes (a preset, a link, an edit) run one after another, and a playback
   * action waits for the changes asked before it: "End" clicked right after picking a preset
   * goes to the end of that preset's run, however slow the worker is to answer.
   */
  let loading: Promise<unknown> = Promise.resolve();
  const inOrder = <T>(change: () => Promise<T>): Promise<T> => {
    const next = loading.then(change, change);
    loading = next.catch(() => undefined);
    return next;
  };
  /** The simulation in flight and the epoch it is for; shared by every action that needs it. */
  let simulation: Simulation | null = null;
  /** The epoch whose simulation the user stopped. */
  let stoppedEpoch = -1;

  const emptyRun = () => ({ trace: TraceIndex.of(), endTick: 0, frontier: -1, report: null, summary: null });

  const load = (scenario: Scenario, presetName: PresetName | null) => {
    set((state) => ({ presetName, scenario, resolved: null, status: 'ready', epoch: state.epoch + 1, ...emptyRun() }));
    playbackLink.reset();
  };

  /**
   * Simulates the whole run ahead in the worker, keeping each batch as it arrives so the page
   * can play while the worker simulates (SPEC §5); `onFirst` once the first batch is in the
   * store. Resolves false if the run was superseded.
   */
  const simulate = async (onFirst: () => void): Promise<boolean> => {
    const { scenario } = get();
    if (scenario === null) return false;
    const epoch = get().epoch + 1;
    set({ epoch, status: 'simulating', error: null, ...emptyRun() });
    playbackLink.reset();
    // Events arrive in batches and join the index when the publisher says the panels are due.
    let trace = TraceIndex.of();
    let pending: StreamEvent[] = [];
    let received = 0;
    let frontierSeen = -1;
    const publisher = new TracePublisher((frontier) => {
      trace = trace.extend(pending);
      pending = [];
      set({ trace, frontier, endTick: Math.max(frontier, 0) });
    });
    const run = await client.simulate(scenario, epoch, {
      isCurrent: () => get().epoch === epoch && stoppedEpoch !== epoch,
      onLoaded: (resolved) => set({ resolved }),
      onEvents(events, frontier) {
        received += events.length;
        frontierSeen = frontier;
        for (const event of events) pending.push(event);
        if (publisher.due(received, frontier, playbackLink.needsMore(frontier, lookaheadSeconds))) onFirst();
      },
    });
    if (run === null) {
      // Stopped by the user: what was simulated stays, up to the last frontier handed over.
      if (get().epoch === epoch && stoppedEpoch === epoch) {
        trace = trace.extend(pending);
        const frontier = Math.max(frontierSeen, 0);
        set({ trace, frontier: frontierSeen, endTick: frontier, status: 'stopped' });
      }
      return false;
    }
    trace = trace.extend(pending);
    const { summary, report, endTick } = run;
    set({ trace, endTick, frontier: endTick, summary, report, status: 'loaded' });
    onFirst();
    return true;
  };

  /** The fragment the address bar shows for the current scenario (written or opened). */
  let addressFragment = typeof location === 'undefined' ? '' : location.hash;

  /**
   * Writes the current scenario's link in the address bar, so a reload or a copied address
   * gives this scenario and never a stale one; `push` makes a history entry (Back returns to
   * the scenario before). A scenario too large for a link leaves the address without one.
   */
  const writeAddress = async (mode: 'push' | 'replace') => {
    const { scenario } = get();
    if (scenario === null || typeof history === 'undefined') return;
    let fragment = '';
    try {
      fragment = await client.encodeLink(scenario);
    } catch {
      // Over the link size limit: no fragment; the share button says why when asked.
    }
    if (get().scenario !== scenario || fragment === addressFragment) return;
    addressFragment = fragment;
    const url = `${location.pathname}${location.search}${fragment}`;
    if (mode === 'push') history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  };

  /** Loads the scenario a fragment names; false (with a message, nothing lost) if it cannot. */
  const openFragment = async (fragment: string): Promise<boolean> => {
    addressFragment = fragment;
    // A sweep link (`#x=`) is the Explore page's (exploreStore), a compare link (`#c=`) the
    // compare view's (compareStore), a lesson link (`#l=`) the lesson store's, which loads the
    // step's scenario; the simulator keeps its own scenario, or starts on the first preset.
    const sweep = fragment.startsWith('#x=') || fragment.startsWith('#l=') || fragment.startsWith('#c=');
    if (sweep && get().scenario !== null) return true;
    if (fragment === '' || fragment === '#' || sweep) {
      load(await client.preset(initialPreset), initialPreset);
      return true;
    }
    if (!fragment.includes('s=')) {
      set({ error: `This link could not be opened: ${fragment.slice(0, 40)} is not a scenario link (#s=…).` });
      return false;
    }
    const decoded = await client.decodeLink(fragment);
    if (!decoded.ok) {
      set({ error: `This link could not be opened: ${decoded.message}.` });
      return false;
    }
    load(decoded.value, decoded.preset);
    set({ error: null });
    return true;
  };

  /** Validates a candidate scenario in the worker and loads it; the message if it was refused. */
  const validateAndLoad = async (candidate: unknown): Promise<string | null> => {
    try {
      const checked = await client.validate(candidate);
      if (!checked.ok) {
        const message = `The scenario was not changed: ${checked.message}`;
        set({ error: message });
        return message;
      }
      load(checked.value, null);
      set({ error: null });
      await writeAddress('push');
      return null;
    } catch (error) {
      fail(error);
      return error instanceof Error ? error.message : String(error);
    }
  };

  /**
   * Starts simulating the current scenario's run unless it is simulated or under way; the
   * simulation in flight, or null when there is nothing to simulate.
   */
  const startSimulation = async (whole = false): Promise<Simulation | null> => {
    await loading;
    const { status, epoch, scenario } = get();
    if (scenario === null || status === 'starting') return null;
    if (status === 'loaded') return { epoch, first: Promise.resolve(true), done: Promise.resolve(true) };
    // A stopped run plays what it has; only a call that needs the whole run simulates it again.
    if (status === 'stopped' && !whole) return { epoch, first: Promise.resolve(true), done: Promise.resolve(false) };
    if (status === 'simulating' && simulation?.epoch === epoch) return simulation;
    let markFirst = () => {};
    const first = new Promise<boolean>((resolve) => (markFirst = () => resolve(true)));
    // simulate() bumps the epoch before its first await, so get().epoch is the new run's.
    const done = simulate(markFirst).catch((error: unknown) => {
      fail(error);
      return false;
    });
    const ours: Simulation = { epoch: get().epoch, first: Promise.race([first, done]), done };
    simulation = ours;
    return ours;
  };

  const isCurrent = (ours: Simulation) => get().epoch === ours.epoch;

  return {
    presets: [],
    presetName: initialPreset,
    scenario: null,
    resolved: null,
    epoch: 0,
    status: 'starting',
    ...emptyRun(),
    error: null,
    notice: null,

    init: () =>
      inOrder(async () => {
        try {
          set({ presets: await client.presets() });
          const opened = await openFragment(typeof location === 'undefined' ? '' : location.hash);
          if (opened) return;
          set({ error: `${get().error ?? 'This link could not be opened.'} Showing a preset instead.` });
          load(await client.preset(initialPreset), initialPreset);
        } catch (error) {
          fail(error);
        }
      }),

    openAddress: () =>
      inOrder(async () => {
        const fragment = location.hash;
        if (fragment === addressFragment) return;
        try {
          // A link that cannot be opened keeps the current scenario, and its link comes back.
          if (!(await openFragment(fragment))) await writeAddress('replace');
        } catch (error) {
          fail(error);
        }
      }),

    selectPreset: (name) =>
      inOrder(async () => {
        try {
          load(await client.preset(name), name);
          await writeAddress('push');
        } catch (error) {
          fail(error);
        }
      }),

    showForLesson: (source) =>
      inOrder(async () => {
        try {
          if (typeof source === 'string') {
            load(await client.preset(source), source);
            return null;
          }
          const checked = await client.validate(source);
          if (!checked.ok) return checked.message;
          load(checked.value, null);
          return null;
        } catch (error) {
          return error instanceof Error ? error.message : String(error);
        }
      }),

    adoptAddress(fragment) {
      addressFragment = fragment;
    },

    async applyScenario(candidate, options) {
      const message = await inOrder(() => validateAndLoad(candidate));
      if (message === null && options?.simulate && (await get().ensureSimulated())) playbackLink.toEnd();
      return message;
    },

    async ensureStarted() {
      const ours = await startSimulation();
      if (ours === null) return false;
      const ok = await ours.first;
      return ok && isCurrent(ours) && get().frontier >= 0;
    },

    async ensureSimulated() {
      const ours = await startSimulation(true);
      if (ours === null) return false;
      const ok = await ours.done;
      return ok && isCurrent(ours) && get().status === 'loaded';
    },

    stopSimulation() {
      const { status, epoch } = get();
      if (status === 'simulating') stoppedEpoch = epoch;
    },

    async tamperAudit(index, entryTick) {
      const { scenario } = get();
      if (scenario === null || scenario.protocol !== 'council') return false;
      const action = { tick: entryTick + 1, do: 'tamper-audit' as const, index };
      const actions = [...(scenario.actions ?? []), action];
      load({ ...scenario, actions, name: withSuffix(scenario.name ?? 'Council', 'tampered') }, null);
      await writeAddress('push');
      const simulated = await get().ensureSimulated();
      if (simulated) playbackLink.toEnd();
      return simulated;
    },

    async coreTrace() {
      const { epoch, status } = get();
      if (status !== 'loaded') return { ok: false, message: 'the run has not been simulated yet' };
      const reply = await client.coreTrace(epoch);
      return reply.ok && get().epoch !== epoch ? { ok: false, message: 'the run changed meanwhile' } : reply;
    },

    async share() {
      const { scenario } = get();
      if (scenario === null) return;
      try {
        const fragment = await client.encodeLink(scenario);
        if (fragment !== addressFragment) history.replaceState(null, '', fragment);
        addressFragment = fragment;
        let notice = 'Link ready in the address bar.';
        try {
          await navigator.clipboard.writeText(location.href);
          notice = 'Link copied: it reproduces this run exactly.';
        } catch {
          // Clipboard access can be refused (permissions, insecure origin); the address bar has it.
        }
        set({ notice });
      } catch (error) {
        fail(error);
      }
    },

    tell: (notice) => set({ notice, error: null }),
    warn: (error) => set({ error, notice: null }),
    dismissError: () => set({ error: null }),
  };
});
