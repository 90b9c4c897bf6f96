import type { CouncilScenario } from './councilScenario';

/**
 * Named scenarios (SPEC §4). Names are stable: links and tests use them.
 * TODO(issue 5): the ResonanceBFT presets join these once the engine exists.
 */
export const presets = {
  'council-quarantine': {
    v: 1,
    name: 'Weighted council, one Byzantine voter',
    seed: 42,
    protocol: 'council',
    n: 7,
    rounds: 2,
    faults: [{ kind: 'biased', agents: [6] }],
    opinions: { support: 1 },
    council: { weights: [2, 1, 1, 1, 1, 1, 1], actions: ['quarantine', 'terminate'] },
  },
  'council-bloc': {
    v: 1,
    name: 'A colluding bloc is detected',
    seed: 7,
    protocol: 'council',
    n: 9,
    rounds: 12,
    faults: [{ kind: 'bloc', agents: [6, 7, 8] }],
    opinions: { support: 0.8 },
  },
} as const satisfies Record<string, CouncilScenario>;

export type PresetName = keyof typeof presets;

export const presetNames = Object.keys(presets) as PresetName[];

export function isPresetName(name: string): name is PresetName {
  return Object.hasOwn(presets, name);
}
