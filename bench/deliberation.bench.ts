/**
 * Hegselmann–Krause deliberation (SPEC §8): one HK step, and a whole 3-step deliberation.
 *
 * Opinions: S = 64 bag-of-words terms (8 terms per agent, drawn with a bias toward a shared
 * 16-term topic core, so neighbourhoods are mixed, neither empty nor everyone), and unit
 * 2-coordinate affective, epistemic and behavioral axes. A combined vector has S + 6 + n
 * coordinates; the relational slice (n of them) is carried in its rank-k basis (k = 1
 * trust-free: every row uniform; k = 2 with the deliberator's own trust row), which is the
 * SPEC's near-uniform-rows lever. The "identity basis" rows run the same step over the full
 * S + 6 + n coordinates, for comparison.
 */
import { measure, type BenchResult } from './harness';
import {
  checkRecords,
  deliberateVerdicts,
  demoRound,
  ResolveMemo,
  TrustStore,
} from '../src/core/resonance';
import { buildHkContext } from '../src/core/resonance/hkContext';
import { buildHkSpace, relationalRankMax, type HkAgentInput } from '../src/core/resonance/hkSpace';
import { HkStepper } from '../src/core/resonance/hkStep';
import { Rng } from '../src/core/rng';
import { normalise } from '../src/core/vec';

const semanticWidth = 64;

function opinions(n: number, seed: number): HkAgentInput[] {
  const rng = Rng.stream(seed, 'bench:opinions');
  const unit = (): number[] => normalise([rng.range(-1, 1), rng.range(-1, 1)]);
  return Array.from({ length: n }, () => {
    const semantic = new Array<number>(semanticWidth).fill(0);
    for (let t = 0; t < 8; t++) semantic[rng.chance(0.6) ? rng.int(0, 15) : rng.int(16, 63)]! += 1;
    return {
      semantic: normalise(semantic),
      affective: unit(),
      epistemic: unit(),
      behavioral: normalise([1, rng.range(0.5, 1)]),
    };
  });
}

/** A store whose owner a0 holds a trust row and co-commits with part of the group. */
function trustingStore(n: number): TrustStore {
  const store = new TrustStore();
  const ids = Array.from({ length: n }, (_, i) => `a${i}`);
  for (let round = 0; round < 4; round++) store.recordCoCommit(ids.slice(0, Math.ceil(n / 3)));
  ids.forEach((id, i) => store.setTrust('a0', id, 0.5 + (i % 7) / 5));
  return store;
}

function ids(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `a${i}`);
}

async function oneStep(
  label: string,
  n: number,
  epsilon: number,
  options: { store?: TrustStore; identity?: boolean; targetMs?: number; samples?: number },
): Promise<BenchResult> {
  const agents = opinions(n, 7);
  const names = ids(n);
  if (options.store) {
    const store = options.store;
    const row = names.map((peer) => store.trust('a0', peer));
    agents[0]!.relational = normalise(row);
  }
  if (options.identity) {
    // More distinct rows than the rank cap: the basis falls back to the identity (plain HK).
    for (let i = 0; i <= relationalRankMax; i++) {
      agents[i % n]!.relational = normalise(names.map((_, j) => 1 + ((i * 31 + j) % 5) / 10));
    }
  }
  const space = buildHkSpace(agents, semanticWidth);
  const context = buildHkContext({
    agents: names,
    stepSize: 0.3,
    epsilon,
    ...(options.store ? { store: options.store } : {}),
  });
  const stepper = new HkStepper(space, context);
  const samples = options.samples ?? (n >= 1000 ? 5 : 15);
  const result = await measure(label, () => stepper.step(space.positions, []), {
    samples,
    warmup: samples === 1 ? 0 : 2,
  });
  const k = space.layout.relationalRank;
  result.extra = {
    coords: semanticWidth + 6 + n,
    reducedCoords: space.layout.dim,
    relationalRank: k,
  };
  if (options.targetMs !== undefined) result.targetMs = options.targetMs;
  return result;
}

export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const targets: Record<number, number> = { 100: 5, 1000: 300 };
  for (const n of [100, 1000, 5000]) {
    const samples = n === 5000 ? 1 : undefined;
    const common = {
      ...(targets[n] ? { targetMs: targets[n] } : {}),
      ...(samples ? { samples } : {}),
    };
    results.push(await oneStep(`HK step n=${n} trust-free ε=0.15`, n, 0, common));
    results.push(await oneStep(`HK step n=${n} trust-free full connectivity (ε<0)`, n, -1, common));
    results.push(
      await oneStep(`HK step n=${n} trust-weighted ε=0.15 (co-commit radii)`, n, 0.15, {
        ...common,
        store: trustingStore(n),
      }),
    );
  }
  const identity = { identity: true };
  results.push(await oneStep('HK step n=100 identity basis (plain S+6+n)', 100, 0, identity));
  const once = { identity: true, samples: 1 };
  results.push(await oneStep('HK step n=1000 identity basis (plain S+6+n)', 1000, 0, once));
  for (const n of [100, 1000]) {
    const { round } = demoRound(n);
    const memo = new ResolveMemo({ immutableRecords: true });
    const verdicts = checkRecords(round, memo, true).filter((v) => !v.tampered);
    const context = { threshold: 0.6, embed: 'bow' as const };
    const work = (): unknown => deliberateVerdicts(verdicts, { keepPositions: false }, context);
    const samples = { samples: n >= 1000 ? 3 : 9 };
    results.push(await measure(`deliberate 3 steps n=${n} trust-free (demo round)`, work, samples));
    const withPositions = (): unknown => deliberateVerdicts(verdicts, {}, context);
    const few = { samples: 3, warmup: 1 };
    results.push(await measure(`deliberate 3 steps n=${n} + positions kept`, withPositions, few));
  }
  return results;
}
