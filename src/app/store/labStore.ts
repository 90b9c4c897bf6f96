import { create } from 'zustand';
import type { CouncilRunReport, Scenario, PresetName, PresetSummary } from '../../worker/api';
import { WorkerBridge } from '../bridge/WorkerBridge';

export type RunStatus = 'starting' | 'ready' | 'running' | 'done';

export interface LabState {
  presets: PresetSummary[];
  presetName: PresetName;
  scenario: Scenario | null;
  /** Bumped for every new run; replies from an older epoch are dropped. */
  epoch: number;
  status: RunStatus;
  report: CouncilRunReport | null;
  /** A problem to show the user; the scenario and the last report are kept. */
  error: string | null;
  init(): Promise<void>;
  selectPreset(name: PresetName): Promise<void>;
  play(): Promise<void>;
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

  return {
    presets: [],
    presetName: initialPreset,
    scenario: null,
    epoch: 0,
    status: 'starting',
    report: null,
    error: null,

    async init() {
      try {
        // TODO(issue 6): the page plays Council presets only until the ResonanceBFT panels exist.
        const presets = (await bridge.call((api) => api.presets())).filter((p) => p.protocol === 'council');
        set({ presets });
        await get().selectPreset(get().presetName);
      } catch (error) {
        fail(error);
      }
    },

    async selectPreset(name) {
      try {
        const scenario = await bridge.call((api) => api.preset(name));
        set((state) => ({ presetName: name, scenario, report: null, status: 'ready', epoch: state.epoch + 1 }));
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
        const reply = await bridge.call((api) => api.runCouncil(scenario, epoch));
        if (reply.epoch !== get().epoch) return;
        set({ report: reply.value, status: 'done' });
      } catch (error) {
        if (epoch === get().epoch) fail(error);
      }
    },

    dismissError: () => set({ error: null }),
  };
});
