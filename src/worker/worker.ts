/// <reference lib="webworker" />
/**
 * The Web Worker entry: the only place, with src/app/bridge, that imports comlink.
 * Everything here is a thin adapter over src/core, which does the work.
 */
import { expose } from 'comlink';
import { runCouncilScenario } from '../core/sim/runCouncilScenario';
import { isPresetName, presetNames, presets } from '../core/sim/presets';
import type { WorkerApi } from './api';

const api: WorkerApi = {
  presets: () =>
    presetNames.map((name) => ({ name, title: presets[name].name, protocol: presets[name].protocol })),

  preset(name) {
    if (!isPresetName(name)) throw new Error(`Unknown preset "${String(name)}"`);
    return structuredClone(presets[name]) as ReturnType<WorkerApi['preset']>;
  },

  runCouncil: (scenario, epoch) => ({ epoch, value: runCouncilScenario(scenario) }),
};

expose(api);
