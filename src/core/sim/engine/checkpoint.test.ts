import { describe, expect, it } from 'vitest';
import { preset, type PresetName } from '../presets';
import { withDefaults, type Scenario } from '../scenario';
import { CouncilEngine } from './CouncilEngine';
import { ResonanceEngine } from './ResonanceEngine';
import { scenarioOpinions } from './scenarioOpinions';
import { traceHash } from './traceHash';

function engineFor(scenario: Scenario): ResonanceEngine | CouncilEngine {
  const resolved = withDefaults(scenario);
  return resolved.protocol === 'council'
    ? new CouncilEngine(resolved)
    : new ResonanceEngine(resolved, scenarioOpinions(resolved));
}

const cases: [PresetName, number][] = [
  ['byzantine-tamper', 17],
  ['crash-leader', 45],
  ['partition-heal', 120],
  ['equivocation', 12],
  ['sycophancy', 15],
  ['council-bloc', 2500],
];

describe('engine checkpoints', () => {
  it.each(cases)('%s: a checkpoint at tick %i runs on to the same trace as the original', (name, tick) => {
    const scenario = { ...preset(name).scenario, actions: [{ tick: 5, do: 'drop-next' as const, agent: 1 }] };
    const original = engineFor(scenario);
    original.runUntil(tick);
    const checkpoint = original.checkpoint();
    original.runUntil(Infinity);
    const expected = traceHash(original.events);

    const resumed = checkpoint.checkpoint();
    resumed.runUntil(Infinity);
    expect(resumed.events).toEqual(original.events);
    expect(traceHash(resumed.events)).toBe(expected);

    // The checkpoint itself was not disturbed by either run.
    checkpoint.runUntil(Infinity);
    expect(traceHash(checkpoint.events)).toBe(expected);
  });

  it('restores a Council ledger whose audit chain a user tampered with', () => {
    const scenario: Scenario = { ...preset('council-quarantine').scenario, actions: [{ tick: 1000, do: 'tamper-audit', index: 3 }] };
    const original = engineFor(scenario);
    original.runUntil(500);
    const checkpoint = original.checkpoint();
    original.runUntil(Infinity);
    checkpoint.runUntil(Infinity);
    expect(checkpoint.events).toEqual(original.events);
  });
});
