import { performance } from 'node:perf_hooks';
import { verify, type CryptoBackendName } from '../src/core/crypto';
import { ResonanceAgent } from '../src/core/resonance';
import { voteDigest } from '../src/core/resonance/seal';
import { makePersonas, evaluationText, roundTask } from '../src/core/sim/opinions';
import { withDefaults } from '../src/core/sim/scenario';
import { withCryptoTimes, type CryptoTimes } from './cryptoTimer';
import { median, round, type BenchResult } from './harness';

type Phases = Record<'participate' | 'resolve' | 'deliberate' | 'voteSign' | 'voteVerify', number>;

/**
 * One ResonanceBFT round as SPEC §8 defines it, without the network: every agent seals and
 * signs its evaluation, the leader resolves (every signature checked), 3 HK steps, and every
 * agent signs a prepare and a commit vote that are all verified. The phases are timed here;
 * signing and verifying are timed inside the crypto backend (`cryptoTimer.ts`).
 */
function oneRound(n: number, sample: number): Phases {
  const scenario = withDefaults({ v: 1, seed: 7 + sample, protocol: 'resonance', n });
  const ids = Array.from({ length: n }, (_, i) => `a${i}`);
  const agents = ids.map((id) => new ResonanceAgent(id, { seed: scenario.seed, expectedN: n }));
  const personas = makePersonas(scenario);
  const task = roundTask(1);
  const texts = personas.map((persona) => evaluationText(persona, task, 1));
  const phases: Phases = { participate: 0, resolve: 0, deliberate: 0, voteSign: 0, voteVerify: 0 };
  const timed = <T>(phase: keyof Phases, work: () => T): T => {
    const start = performance.now();
    const result = work();
    phases[phase] += performance.now() - start;
    return result;
  };
  const round = agents[0]!.propose(task, { roster: ids });
  timed('participate', () => agents.forEach((agent, i) => agent.participate(round, texts[i]!)));
  const outcome = timed('resolve', () => agents[0]!.resolve(round));
  timed('deliberate', () => agents[0]!.deliberate(round, { steps: 3 }));
  const winner = outcome.winner ?? ids[0]!;
  for (const phase of ['prepare', 'commit']) {
    const votes = timed('voteSign', () => agents.map((agent) => agent.signVote(round.id, 0, phase, winner)));
    const digest = voteDigest(round.id, 0, phase, winner);
    timed('voteVerify', () => votes.forEach((vote) => verify(vote.signature, digest, vote.pubkey)));
  }
  return phases;
}

interface RoundSample {
  phases: Phases;
  times: CryptoTimes;
}

function sampleRound(backend: CryptoBackendName, n: number, sample: number): RoundSample {
  const { result: phases, times } = withCryptoTimes(backend, () => oneRound(n, sample));
  return { phases, times };
}

/** Median of each figure over the samples of one backend and n. */
function roundResult(backend: CryptoBackendName, n: number, runs: RoundSample[], targetMs?: number): BenchResult {
  const med = (pick: (run: RoundSample) => number) => round(median(runs.map(pick)), 1);
  const total = (p: Phases) => p.participate + p.resolve + p.deliberate + p.voteSign + p.voteVerify;
  const totalMs = med((run) => total(run.phases));
  const otherMs = med((run) => total(run.phases) - run.times.signMs - run.times.verifyMs);
  return {
    name: `round: participate+resolve+3 HK+votes, n=${n} (${backend})`,
    medianMs: totalMs,
    samples: runs.length,
    ...(targetMs === undefined ? {} : { targetMs }),
    extra: {
      signingMs: med((run) => run.times.signMs),
      verifyingMs: med((run) => run.times.verifyMs),
      otherMs,
      otherShare: round(otherMs / totalMs, 3),
      hashingMs: med((run) => run.times.hashMs),
      deliberateMs: med((run) => run.phases.deliberate),
      signs: runs[0]!.times.signCount,
      verifies: runs[0]!.times.verifyCount,
    },
  };
}

/**
 * Each n on the fast backend (the SPEC §8 targets apply to it) and then on the @noble
 * reference. Signing and verifying are the time spent inside the backend's sign (with key
 * derivation) and verify calls; everything else is the rest of the round, hashing included.
 */
export async function run(): Promise<BenchResult[]> {
  const targets: Record<number, number> = { 49: 75, 100: 150, 1000: 2000 };
  const results: BenchResult[] = [];
  for (const backend of ['wasm', 'noble'] as const) {
    for (const n of [49, 100, 1000]) {
      const samples = n >= 1000 ? 1 : 5;
      sampleRound(backend, n, -1);
      const runs = Array.from({ length: samples }, (_, sample) => sampleRound(backend, n, sample));
      results.push(roundResult(backend, n, runs, backend === 'wasm' ? targets[n] : undefined));
    }
  }
  return results;
}
