/// <reference lib="webworker" />
/**
 * The Web Worker entry: the only place, with src/app/bridge, that imports comlink.
 * Everything here is a thin adapter over src/core, which does the work.
 */
import { expose } from 'comlink';
import { runCouncilScenario } from '../core/sim/runCouncilScenario';
import { isPresetName, preset, presetNames } from '../core/sim/presets';
import type { WorkerApi } from './api';

const api: WorkerApi = {
  presets: () =>
    presetNames.map((name) => {
      const { title, scenario } = preset(name);
      return { name, title, protocol: scenario.protocol };
    }),

  preset(name) {
    if (!isPresetName(name)) throw new Error(`Unknown preset "${String(name)}"`);
    return preset(name).scenario;
  },

  runCouncil: (scenario, epoch) => ({ epoch, value: runCouncilScenario(scenario) }),
};

expose(api);
