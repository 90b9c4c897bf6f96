import { create } from 'zustand';
import type {
  AgentCardReply,
  CoreTraceReply,
  EncodedBatch,
  CouncilRunReport,
  LinkResult,
  LoadReply,
  OpenedLink,
  PresetName,
  PresetSummary,
  RunSummaryReply,
  Scenario,
  SimEvent,
  StreamEvent,
} from '../../worker/api';
import { WorkerBridge } from '../bridge/WorkerBridge';
import { lookaheadSeconds, TracePublisher } from './tracePublisher';

export type RunStatus = 'starting' | 'ready' | 'simulating' | 'loaded';

export interface LabState {
  presets: PresetSummary[];
  /** The preset the scenario came from; null for a scenario opened from a link. */
  presetName: PresetName | null;
  scenario: Scenario | null;
  /** Bumped for every new run; replies from an older epoch are dropped. */
  epoch: number;
  status: RunStatus;
  /**
   * The whole trace of the current run, simulated ahead of the cursor; above 200 agents its
   * messages come folded into per-tick `messagesAggregated` events (the hash covers them all).
   */
  trace: StreamEvent[];
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
  /** The time cursor (a float tick): every panel draws the run as it stood then. */
  cursor: number;
  playing: boolean;
  /** Playback speed in ticks per second. */
  speed: number;
  selectedAgent: number | null;
  /**
   * The agent inspector's hidden state of the selected agent (persona, sealed record, seal and
   * signature checks), from the worker; tagged with the epoch, tick and agent it answers.
   */
  inspection: AgentCardReply | null;
  /** Council panels' data, for a council scenario. */
  report: CouncilRunReport | null;
  summary: RunSummaryReply['summary'] | null;
  /** A problem to show the user; the scenario and the last results are kept. */
  error: string | null;
  /** A short confirmation (link copied). */
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
   * Replaces the scenario with an edited or imported one (configuration panel, agent inspector,
   * file import), validated by the worker against the schema first. On success the new
   * scenario starts a new run and, with `simulate`, is simulated to its end; on failure the
   * message is returned and shown, and the current scenario and run are kept.
   */
  applyScenario(candidate: unknown, options?: { simulate?: boolean }): Promise<string | null>;
  /**
   * Plays from the cursor (from the start once ended), simulating the run if needed: playback
   * starts with the first simulated ticks and waits at the frontier until more arrive.
   */
  play(): Promise<void>;
  pause(): void;
  togglePlay(): Promise<void>;
  /** Moves the cursor to the next (or previous) tick at which something happened. */
  step(): Promise<void>;
  back(): void;
  runToEnd(): Promise<void>;
  setCursor(tick: number): void;
  setSpeed(ticksPerSecond: number): void;
  /** Advances the cursor by wall time while playing (called once per animation frame). */
  advance(seconds: number): void;
  selectAgent(agent: number | null): void;
  /**
   * Asks the worker for the selected agent's card at the cursor's tick. Called whenever the
   * selection, the cursor's tick or the run changes; throttled to one call in flight and at
   * most one every `inspectIntervalMs`, so playback does not flood the worker; a reply for
   * another run or agent is dropped, and one for an earlier tick is followed by a fresh call.
   */
  inspectSelected(): void;
  /**
   * Tampers with a Council audit entry, as a teacher does from the audit panel: recorded as a
   * manual `tamper-audit` action one tick after the entry was written, so it replays from the
   * link; the run is simulated again and shown at its end.
   */
  tamperAudit(index: number, entryTick: number): Promise<void>;
  /**
   * The current run's whole core trace from the worker (the page's own trace folds messages
   * into aggregates above 200 agents), or why it cannot be had: for export and import checks.
   */
  coreTrace(): Promise<{ ok: true; events: SimEvent[] } | { ok: false; message: string }>;
  share(): Promise<void>;
  dismissError(): void;
}

/** A run being simulated: its epoch, its first batch in the store, and its end. */
interface Simulation {
  epoch: number;
  first: Promise<boolean>;
  done: Promise<boolean>;
}

const decoder = new TextDecoder();

/** The events of a batch, from the UTF-8 JSON buffer the worker transferred. */
function decodeEvents(json: Uint8Array): StreamEvent[] {
  return JSON.parse(decoder.decode(json)) as StreamEvent[];
}

/** What a first visit shows: the first preset of the picker. */
const initialPreset: PresetName = 'happy-path';

/** The shortest wall time between two inspector calls while the cursor moves (≤ 4 a second). */
export const inspectIntervalMs = 250;

/** A scenario name with a suffix, kept within the schema's 80 characters. */
function withSuffix(name: string, suffix: string): string {
  const full = name.endsWith(`(${suffix})`) ? name : `${name} (${suffix})`;
  return full.length <= 80 ? full : full.slice(0, 80);
}

/**
 * The app's single store: the only module that imports zustand. User actions become worker
 * calls; the store never computes protocol results itself.
 */
export const useLab = create<LabState>()((set, get) => {
  const bridge = new WorkerBridge((message) => set({ error: message, status: 'ready' }));

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

  const load = (scenario: Scenario, presetName: PresetName | null) =>
    set((state) => ({
      presetName, scenario, report: null, summary: null, status: 'ready', epoch: state.epoch + 1,
      trace: [], endTick: 0, frontier: -1, cursor: 0, playing: false, selectedAgent: null,
    }));

  /**
   * Simulates the whole run ahead in the worker, keeping each batch as it arrives so the page
   * can play while the worker simulates (SPEC §5); `onFirst` once the first batch is in the
   * store. Resolves false if the run was superseded.
   */
  /** True when playback will reach the published frontier within `lookaheadSeconds`. */
  const needsMore = () => {
    const { playing, cursor, speed, frontier } = get();
    return playing && cursor + speed * lookaheadSeconds >= frontier;
  };

  const simulate = async (onFirst: () => void): Promise<boolean> => {
    const { scenario } = get();
    if (scenario === null) return false;
    const epoch = get().epoch + 1;
    set({ epoch, status: 'simulating', error: null, trace: [], endTick: 0, frontier: -1, cursor: 0, playing: false });
    const loaded = await bridge.call<LoadReply>((api) => api.load(scenario, epoch));
    if (!loaded.ok) throw new Error(loaded.message);
    const trace: StreamEvent[] = [];
    const publisher = new TracePublisher((frontier) =>
      set({ trace: trace.slice(), frontier, endTick: Math.max(frontier, 0) }));
    let batch: EncodedBatch;
    do {
      batch = await bridge.call<EncodedBatch>((api) => api.ahead(epoch));
      if (batch.epoch !== get().epoch) return false;
      for (const event of decodeEvents(batch.eventsJson)) trace.push(event);
      if (!batch.done && publisher.due(trace.length, batch.frontier, needsMore())) onFirst();
    } while (!batch.done);
    const hash = batch.traceHash;
    const result = await bridge.call((api) => api.result(epoch));
    if (result.epoch !== get().epoch) return false;
    // The stream hashed every core event it read, aggregated or not, and the run reports that
    // hash once the stream has read it all: what must agree is how many events each counted.
    if (result.summary.traceHash !== hash || result.eventCount !== batch.coreEventCount) {
      throw new Error(
        `Determinism check failed: the streamed trace (${batch.coreEventCount} events) hashes to ` +
          `${hash}, the run (${result.eventCount} events) to ${result.summary.traceHash}.`,
      );
    }
    const endTick = trace.length > 0 ? trace[trace.length - 1]!.t : 0;
    set({ trace, endTick, frontier: endTick, summary: result.summary, report: result.report, status: 'loaded' });
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
      fragment = await bridge.call((api) => api.encodeLink(scenario));
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
    // A sweep link (`#x=`) is the Explore page's (exploreStore); the simulator keeps its own
    // scenario, or starts on the first preset.
    const sweep = fragment.startsWith('#x=');
    if (sweep && get().scenario !== null) return true;
    if (fragment === '' || fragment === '#' || sweep) {
      load(await bridge.call((api) => api.preset(initialPreset)), initialPreset);
      return true;
    }
    if (!fragment.includes('s=')) {
      set({ error: `This link could not be opened: ${fragment.slice(0, 40)} is not a scenario link (#s=…).` });
      return false;
    }
    const decoded = await bridge.call<OpenedLink>((api) => api.decodeLink(fragment));
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
      const checked = await bridge.call<LinkResult>((api) => api.validate(candidate));
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
  const startSimulation = async (): Promise<Simulation | null> => {
    await loading;
    const { status, epoch, scenario } = get();
    if (scenario === null || status === 'starting') return null;
    if (status === 'loaded') return { epoch, first: Promise.resolve(true), done: Promise.resolve(true) };
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

  /** True once the current scenario's run is wholly simulated; false if it failed or was replaced. */
  const ensureSimulated = async (): Promise<boolean> => {
    const ours = await startSimulation();
    if (ours === null) return false;
    const ok = await ours.done;
    return ok && isCurrent(ours) && get().status === 'loaded';
  };

  /** True once the current run's first ticks are in the store (or the run is simulated). */
  const ensureStarted = async (): Promise<boolean> => {
    const ours = await startSimulation();
    if (ours === null) return false;
    const ok = await ours.first;
    return ok && isCurrent(ours) && get().frontier >= 0;
  };

  /** What the inspector should show now, or null when there is nothing to ask for. */
  const wantedCard = () => {
    const { selectedAgent, status, epoch, cursor, frontier } = get();
    if (selectedAgent === null || (status !== 'loaded' && status !== 'simulating')) return null;
    const tick = Math.floor(cursor);
    return tick <= frontier ? { epoch, tick, agent: selectedAgent } : null;
  };
  const answers = (reply: AgentCardReply | null, wanted: ReturnType<typeof wantedCard>) =>
    reply !== null && wanted !== null &&
    reply.epoch === wanted.epoch && reply.tick === wanted.tick && reply.agent === wanted.agent;

  const inspector = {
    busy: false,
    again: false,
    lastCallMs: -Infinity,
    timer: null as ReturnType<typeof setTimeout> | null,
    request(): void {
      const wanted = wantedCard();
      if (wanted === null || answers(get().inspection, wanted)) return;
      if (this.busy) {
        this.again = true;
        return;
      }
      const waitMs = this.lastCallMs + inspectIntervalMs - performance.now();
      if (waitMs > 0) {
        this.timer ??= setTimeout(() => {
          this.timer = null;
          this.request();
        }, waitMs);
        return;
      }
      this.busy = true;
      this.lastCallMs = performance.now();
      bridge
        .call((api) => api.inspectAgent(wanted.epoch, wanted.tick, wanted.agent))
        .then((reply) => {
          // Policy: a reply for another run or agent is dropped; one for an earlier tick of
          // this agent is kept (the panel marks its tick) until the next arrives, or while
          // playing every reply would be stale by the time it came back and none would show.
          const now = wantedCard();
          if (now !== null && reply.epoch === now.epoch && reply.agent === now.agent) set({ inspection: reply });
        })
        .catch((error: unknown) => {
          // A run replaced meanwhile is not a problem: its card is simply no longer wanted.
          if (wantedCard()?.epoch === wanted.epoch) set({ error: error instanceof Error ? error.message : String(error) });
        })
        .finally(() => {
          this.busy = false;
          if (this.again) {
            this.again = false;
            this.request();
          }
        });
    },
  };

  return {
    presets: [],
    presetName: initialPreset,
    scenario: null,
    epoch: 0,
    status: 'starting',
    trace: [],
    endTick: 0,
    frontier: -1,
    cursor: 0,
    playing: false,
    speed: 8,
    selectedAgent: null,
    inspection: null,
    report: null,
    summary: null,
    error: null,
    notice: null,

    init: () =>
      inOrder(async () => {
        try {
          set({ presets: await bridge.call((api) => api.presets()) });
          const opened = await openFragment(typeof location === 'undefined' ? '' : location.hash);
          if (opened) return;
          set({ error: `${get().error ?? 'This link could not be opened.'} Showing a preset instead.` });
          load(await bridge.call((api) => api.preset(initialPreset)), initialPreset);
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
          load(await bridge.call((api) => api.preset(name)), name);
          await writeAddress('push');
        } catch (error) {
          fail(error);
        }
      }),

    async applyScenario(candidate, options) {
      const message = await inOrder(() => validateAndLoad(candidate));
      if (message === null && options?.simulate) await get().runToEnd();
      return message;
    },

    async play() {
      if (!(await ensureStarted())) return;
      const { cursor, endTick, status } = get();
      set({ playing: true, cursor: status === 'loaded' && cursor >= endTick ? 0 : cursor });
    },

    pause: () => set({ playing: false }),

    async togglePlay() {
      if (get().playing) get().pause();
      else await get().play();
    },

    async step() {
      if (!(await ensureStarted())) return;
      const nextTick = () => {
        const { trace, cursor, frontier } = get();
        const next = trace.find((event) => event.t > cursor);
        return next !== undefined && next.t <= frontier ? next.t : null;
      };
      // The next event may not be simulated yet: then the step waits for the run.
      let tick = nextTick();
      if (tick === null && get().status === 'simulating' && !(await ensureSimulated())) return;
      tick ??= nextTick();
      set({ playing: false, cursor: tick ?? get().endTick });
    },

    back() {
      const { trace, cursor } = get();
      let previous = 0;
      for (const event of trace) {
        if (event.t >= cursor) break;
        previous = event.t;
      }
      set({ playing: false, cursor: previous });
    },

    async runToEnd() {
      if (!(await ensureSimulated())) return;
      set({ playing: false, cursor: get().endTick });
    },

    setCursor: (tick) => set((state) => ({ cursor: Math.min(Math.max(tick, 0), Math.max(state.frontier, 0)) })),

    setSpeed: (speed) => set({ speed }),

    advance(seconds) {
      const { playing, cursor, speed, endTick, frontier, status } = get();
      if (!playing) return;
      const next = Math.max(cursor + seconds * speed, 0);
      if (status === 'loaded' && next >= endTick) set({ cursor: endTick, playing: false });
      else if (status === 'simulating') set({ cursor: Math.min(next, Math.max(frontier, 0)) });
      else if (status === 'loaded') set({ cursor: next });
      // A run that failed or was replaced stops playing.
      else set({ playing: false });
    },

    selectAgent: (selectedAgent) => set({ selectedAgent }),

    inspectSelected: () => inspector.request(),

    async tamperAudit(index, entryTick) {
      const { scenario } = get();
      if (scenario === null || scenario.protocol !== 'council') return;
      const action = { tick: entryTick + 1, do: 'tamper-audit' as const, index };
      const actions = [...(scenario.actions ?? []), action];
      load({ ...scenario, actions, name: withSuffix(scenario.name ?? 'Council', 'tampered') }, null);
      await writeAddress('push');
      await get().runToEnd();
    },

    async coreTrace() {
      const { epoch, status } = get();
      if (status !== 'loaded') return { ok: false, message: 'the run has not been simulated yet' };
      try {
        const reply = await bridge.call<CoreTraceReply>((api) => api.coreTrace(epoch));
        if (reply.epoch !== get().epoch) return { ok: false, message: 'the run changed meanwhile' };
        return reply.ok ? { ok: true, events: reply.events } : { ok: false, message: reply.message };
      } catch (error) {
        return { ok: false, message: error instanceof Error ? error.message : String(error) };
      }
    },

    async share() {
      const { scenario } = get();
      if (scenario === null) return;
      try {
        const fragment = await bridge.call((api) => api.encodeLink(scenario));
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

    dismissError: () => set({ error: null }),
  };
});

// Policy: the store, not a panel, decides when the worker is asked for the inspector's card,
// so a hidden or unmounted inspector costs nothing and every panel sees the same card.
useLab.subscribe((state, previous) => {
  if (
    state.selectedAgent !== previous.selectedAgent ||
    state.epoch !== previous.epoch ||
    state.status !== previous.status ||
    Math.floor(state.cursor) !== Math.floor(previous.cursor)
  ) {
    state.inspectSelected();
  }
});
