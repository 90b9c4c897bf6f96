import { performance } from 'node:perf_hooks';
import { verify } from '../src/core/crypto';
import { ResonanceAgent } from '../src/core/resonance';
import { voteDigest } from '../src/core/resonance/seal';
import { makePersonas, evaluationText, roundTask } from '../src/core/sim/opinions';
import { withDefaults } from '../src/core/sim/scenario';
import { median, round, type BenchResult } from './harness';

type Phases = Record<'participate' | 'resolve' | 'deliberate' | 'voteSign' | 'voteVerify', number>;

/**
 * One ResonanceBFT round as SPEC §8 defines it, without the network: every agent seals and
 * signs its evaluation, the leader resolves (every signature checked), 3 HK steps, and every
 * agent signs a prepare and a commit vote that are all verified. Sync @noble backend.
 * The split says where the time goes: signing (participate ≈ seal + sign, vote signing),
 * verifying (resolve ≈ verify + score, vote verification) and the rest (deliberation).
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

export async function run(): Promise<BenchResult[]> {
  const targets: Record<number, number> = { 49: 75, 100: 150, 1000: 2000 };
  const results: BenchResult[] = [];
  for (const n of [49, 100, 1000]) {
    const samples = n >= 1000 ? 1 : 5;
    oneRound(n, -1);
    const runs = Array.from({ length: samples }, (_, sample) => oneRound(n, sample));
    const totals = runs.map((p) => p.participate + p.resolve + p.deliberate + p.voteSign + p.voteVerify);
    const med = (key: keyof Phases) => round(median(runs.map((p) => p[key])), 1);
    const total = median(totals);
    const signing = med('participate') + med('voteSign');
    const verifying = med('resolve') + med('voteVerify');
    results.push({
      name: `round: participate+resolve+3 HK+votes, n=${n} (noble sync)`,
      medianMs: round(total, 1),
      samples,
      targetMs: targets[n]!,
      extra: {
        signingMs: round(signing, 1),
        verifyingMs: round(verifying, 1),
        otherMs: med('deliberate'),
        otherShare: round(med('deliberate') / total, 3),
        participateMs: med('participate'),
        resolveMs: med('resolve'),
        voteVerifyMs: med('voteVerify'),
      },
    });
  }
  return results;
}
