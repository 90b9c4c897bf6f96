import { preset } from '../src/core/sim/presets';
import { runScenario } from '../src/core/sim/runScenario';
import type { Scenario } from '../src/core/sim/scenario';
import { measure, round, type BenchResult } from './harness';

/**
 * Whole ResonanceBFT rounds through the engine (every message, every signature checked with
 * the sync @noble backend) and the batch throughput of `byzantine-tamper`, single-threaded.
 */
export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const targets: Record<number, number> = { 49: 75, 100: 150 };
  for (const n of [7, 49, 100]) {
    const scenario: Scenario = { v: 1, seed: 42, protocol: 'resonance', n, rounds: 1 };
    const options = n >= 100 ? { samples: 3, warmup: 1 } : { samples: 7, warmup: 1 };
    const result = await measure(`engine: one ResonanceBFT round, n=${n} (noble sync)`, () => runScenario(scenario), options);
    const events = runScenario(scenario).trace.length;
    results.push({ ...result, ...(targets[n] ? { targetMs: targets[n] } : {}), extra: { events } });
  }
  const tamper = preset('byzantine-tamper').scenario;
  let seed = 0;
  const one = await measure('engine: byzantine-tamper run (7 agents, 5 rounds)', () => runScenario({ ...tamper, seed: seed++ }), {
    samples: 15,
    warmup: 2,
  });
  results.push({ ...one, extra: { runsPerSecondOneThread: round(1000 / one.medianMs, 1) } });
  return results;
}
