import { create } from 'zustand';
import type { CouncilRunReport, LinkResult, PresetName, PresetSummary, RunSummaryReply, Scenario } from '../../worker/api';
import { WorkerBridge } from '../bridge/WorkerBridge';

export type RunStatus = 'starting' | 'ready' | 'running' | 'done';

export interface LabState {
  presets: PresetSummary[];
  /** The preset the scenario came from; null for a scenario opened from a link. */
  presetName: PresetName | null;
  scenario: Scenario | null;
  /** Bumped for every new run; replies from an older epoch are dropped. */
  epoch: number;
  status: RunStatus;
  /** Council panels' data, for a council scenario. */
  report: CouncilRunReport | null;
  summary: RunSummaryReply['summary'] | null;
  /** A problem to show the user; the scenario and the last results are kept. */
  error: string | null;
  /** A short confirmation (link copied). */
  notice: string | null;
  init(): Promise<void>;
  selectPreset(name: PresetName): Promise<void>;
  play(): Promise<void>;
  share(): Promise<void>;
  dismissError(): void;
}

const initialPreset: PresetName = 'council-quarantine';

/**
 * The app's single store: the only module that imports zustand. User actions become worker
 * calls; the store never computes protocol results itself.
 */
export const useLab = create<LabState>()((set, get) => {
  const bridge = new WorkerBridge((message) => set({ error: message, status: 'ready' }));

  const fail = (error: unknown) =>
    set({ error: error instanceof Error ? error.message : String(error), status: 'ready' });

  const load = (scenario: Scenario, presetName: PresetName | null) =>
    set((state) => ({ presetName, scenario, report: null, summary: null, status: 'ready', epoch: state.epoch + 1 }));

  return {
    presets: [],
    presetName: initialPreset,
    scenario: null,
    epoch: 0,
    status: 'starting',
    report: null,
    summary: null,
    error: null,
    notice: null,

    async init() {
      try {
        set({ presets: await bridge.call((api) => api.presets()) });
        const hash = typeof location === 'undefined' ? '' : location.hash;
        if (hash.includes('s=')) {
          const decoded = await bridge.call<LinkResult>((api) => api.decodeLink(hash));
          if (decoded.ok) return load(decoded.value, null);
          set({ error: `This link could not be opened: ${decoded.message}. Showing a preset instead.` });
        }
        await get().selectPreset(get().presetName ?? initialPreset);
      } catch (error) {
        fail(error);
      }
    },

    async selectPreset(name) {
      try {
        load(await bridge.call((api) => api.preset(name)), name);
      } catch (error) {
        fail(error);
      }
    },

    async play() {
      const { scenario } = get();
      if (scenario === null) return;
      const epoch = get().epoch + 1;
      set({ epoch, status: 'running', error: null });
      try {
        const reply = await bridge.call((api) => api.runSummary(scenario, epoch));
        const council = scenario.protocol === 'council' ? await bridge.call((api) => api.runCouncil(scenario, epoch)) : null;
        if (reply.epoch !== get().epoch) return;
        set({ summary: reply.value.summary, report: council?.value ?? null, status: 'done' });
      } catch (error) {
        if (epoch === get().epoch) fail(error);
      }
    },

    async share() {
      const { scenario } = get();
      if (scenario === null) return;
      try {
        const fragment = await bridge.call((api) => api.encodeLink(scenario));
        history.replaceState(null, '', fragment);
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
