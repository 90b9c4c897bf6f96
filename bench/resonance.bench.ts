import { measure, type BenchResult } from './harness';
import { checkRecords, demoRound, ResolveMemo, resolveRound } from '../src/core/resonance';
import { Rng } from '../src/core/rng';
import { trimmedMean } from '../src/core/vec';

export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const n of [7, 49, 100, 1000]) {
    const { agents, round } = demoRound(n);
    const config = agents[0]!.resolveConfig();
    const options = n >= 1000 ? { samples: 3, warmup: 1 } : { samples: 9, warmup: 2 };
    const cold = () => resolveRound(structuredClone(round), config, { memo: new ResolveMemo() });
    results.push(await measure(`resonance resolve n=${n} (cold, signatures verified)`, cold, options));
    const check = () => checkRecords(round, new ResolveMemo(), true);
    results.push(await measure(`resonance tamper check n=${n}`, check, options));
    const shared = new ResolveMemo({ immutableRecords: true });
    resolveRound(round, config, { memo: shared });
    const replica = () => resolveRound(round, config, { memo: shared });
    results.push(await measure(`resonance re-resolve n=${n} (shared memo)`, replica, options));
  }
  const rng = Rng.stream(1, 'bench');
  const vectors = Array.from({ length: 10_000 }, () => Array.from({ length: 76 }, () => rng.range(-1, 1)));
  results.push(await measure('trimmedMean n=10000 dim=76', () => trimmedMean(vectors, 3333), { samples: 5 }));
  return results;
}
