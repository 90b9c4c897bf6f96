import type { CryptoBackendName } from '../src/core/crypto';
import { preset } from '../src/core/sim/presets';
import { runScenario } from '../src/core/sim/runScenario';
import type { Scenario } from '../src/core/sim/scenario';
import { withCryptoTimes, type CryptoTimes } from './cryptoTimer';
import { measure, median, round, type BenchResult } from './harness';

/**
 * Whole ResonanceBFT rounds through the engine (every message, every signature checked), on the
 * fast backend and then on the @noble reference, each split into signing, verifying (time inside
 * the crypto backend, medians) and everything else; and the batch throughput of `byzantine-tamper`,
 * single-threaded, on each backend.
 */
/**
 * Through the engine a round may take 1.5× the SPEC §8 library round (75, 150 and 2000 ms at
 * n = 49, 100 and 1000): the network, the replicas and the trace come on top.
 */
const engineTargetsMs: Record<number, number> = { 49: 112, 100: 225, 1000: 3000 };

async function engineRound(backend: CryptoBackendName, n: number): Promise<BenchResult> {
  const targets = engineTargetsMs;
  const scenario: Scenario = { v: 1, seed: 42, protocol: 'resonance', n, rounds: 1 };
  const options =
    n >= 1000 ? { samples: 1, warmup: 0 } : n >= 100 ? { samples: 3, warmup: 1 } : { samples: 7, warmup: 1 };
  const samples: CryptoTimes[] = [];
  let events = 0;
  const work = () => {
    const { result, times } = withCryptoTimes(backend, () => runScenario(scenario));
    samples.push(times);
    events = result.trace.length;
  };
  const result = await measure(`engine: one ResonanceBFT round, n=${n} (${backend})`, work, options);
  // Warmup samples come first; the split is the median over the timed ones.
  const timed = samples.slice(-result.samples);
  const med = (pick: (times: CryptoTimes) => number) => round(median(timed.map(pick)), 1);
  return {
    ...result,
    ...(backend === 'wasm' && targets[n] ? { targetMs: targets[n] } : {}),
    extra: {
      events,
      signingMs: med((times) => times.signMs),
      verifyingMs: med((times) => times.verifyMs),
      otherMs: round(result.medianMs - med((times) => times.signMs + times.verifyMs), 1),
      otherShare: round(1 - med((times) => times.signMs + times.verifyMs) / result.medianMs, 3),
      verifies: timed[0]!.verifyCount,
    },
  };
}

async function tamperBatch(backend: CryptoBackendName): Promise<BenchResult> {
  const tamper = preset('byzantine-tamper').scenario;
  let seed = 0;
  const work = () => withCryptoTimes(backend, () => runScenario({ ...tamper, seed: seed++ }));
  const name = `engine: byzantine-tamper run (7 agents, 5 rounds) (${backend})`;
  const one = await measure(name, work, { samples: 15, warmup: 2 });
  return { ...one, extra: { runsPerSecondOneThread: round(1000 / one.medianMs, 1) } };
}

export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const backend of ['wasm', 'noble'] as const) {
    // n = 1000 (one sample, about 15 s) only on the fast backend, whose target it is.
    const sizes = backend === 'wasm' ? [7, 49, 100, 1000] : [7, 49, 100];
    for (const n of sizes) results.push(await engineRound(backend, n));
    results.push(await tamperBatch(backend));
  }
  return results;
}
