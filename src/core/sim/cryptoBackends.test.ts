import { afterEach, describe, expect, it } from 'vitest';
import { useCryptoBackend, type CryptoBackendName } from '../crypto';
import { randomScenario } from './hunt/randomScenario';
import { preset, presetNames, type PresetName } from './presets';
import { runScenario } from './runScenario';
import type { Scenario } from './scenario';

/**
 * The trace hash does not depend on the crypto backend (SPEC §8): every preset and a range of
 * the hunt's random scenarios run on @noble and on WebAssembly and must hash alike.
 */

afterEach(() => void useCryptoBackend('wasm'));

function traceHashOn(backend: CryptoBackendName, scenario: Scenario): string {
  useCryptoBackend(backend);
  return runScenario(scenario).summary.traceHash;
}

/**
 * hk-classic (200 agents, one round) takes 8 to 10 s per run on either backend here, its time
 * going to deliberation and trust bookkeeping rather than signatures; it is covered at 60
 * agents with the same opinions and deliberation, which exercises the same code.
 */
function scenarioFor(name: PresetName): Scenario {
  const { scenario } = preset(name);
  return name === 'hk-classic' ? { ...scenario, n: 60 } : scenario;
}

describe('the trace hash on either crypto backend', () => {
  for (const name of presetNames) {
    it(`is the same on @noble and on WebAssembly for the preset ${name}`, () => {
      const scenario = scenarioFor(name);
      expect(traceHashOn('wasm', scenario)).toBe(traceHashOn('noble', scenario));
    });
  }

  const huntSeeds = Array.from({ length: 20 }, (_, index) => index + 1);
  it(`is the same on @noble and on WebAssembly for hunt seeds 1..${huntSeeds.length}`, () => {
    for (const seed of huntSeeds) {
      const { scenario } = randomScenario(seed);
      const replay = `npm run --silent hunt -- --seeds ${seed}..${seed}`;
      expect(traceHashOn('wasm', scenario), `hunt seed ${seed} (${replay})`).toBe(traceHashOn('noble', scenario));
    }
  }, 120_000);
});
