import type { UnsafeSwitches } from '../../resonance';
import type { ResolvedScenario } from '../scenario';

/**
 * The unsafe switches that apply at `tick` (SPEC §4 `resonance.unsafe`, each from its
 * `unsafeFrom` tick, else from the start). Without `unsafeFrom` this is the scenario's own
 * object, so a run without start ticks reads exactly what it always read.
 */
export function unsafeAt(resonance: ResolvedScenario['resonance'], tick: number): UnsafeSwitches {
  const { unsafe, unsafeFrom } = resonance;
  let active: UnsafeSwitches | null = null;
  for (const name of Object.keys(unsafeFrom) as (keyof UnsafeSwitches)[]) {
    const from = unsafeFrom[name];
    if (from === undefined || tick >= from) continue;
    active ??= { ...unsafe };
    delete active[name];
  }
  return active ?? unsafe;
}

/** A key naming the switches that apply (for caches of results that depend on them). */
export function unsafeKey(unsafe: UnsafeSwitches): string {
  return Object.keys(unsafe).sort().join(',');
}
