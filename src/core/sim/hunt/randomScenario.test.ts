import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { faultBound } from '../../resonance';
import { parseScenario } from '../parseScenario';
import { randomScenario, randomSpace, resonanceFaultKinds, withAccountability } from './randomScenario';
import { unsafeSwitchCompanions, unsafeSwitchNames, withUnsafeSwitch } from './unsafeSwitch';

/**
 * fast-check prints the seed and the shrunk hunt seed of any failure; replay one with
 * `npm run --silent hunt -- --seeds N..N`.
 */
const huntSeed = fc.integer({ min: 0, max: 2 ** 32 - 1 });

describe('randomScenario', () => {
  it('draws the same scenario for the same seed', () => {
    fc.assert(
      fc.property(huntSeed, (seed) => {
        expect(randomScenario(seed)).toEqual(randomScenario(seed));
      }),
      { numRuns: 300 },
    );
  });

  it('always draws a scenario that parseScenario accepts, within the SPEC §9 bounds', () => {
    fc.assert(
      fc.property(huntSeed, (seed) => {
        const { scenario, drops, healing } = randomScenario(seed);
        expect(parseScenario(scenario)).toEqual({ ok: true, value: scenario });
        expect(scenario.protocol).toBe('resonance');
        expect(scenario.seed).toBe(seed);
        expect(scenario.n).toBeGreaterThanOrEqual(randomSpace.agentCountMin);
        expect(scenario.n).toBeLessThanOrEqual(randomSpace.agentCountMax);
        const faulty = (scenario.faults ?? []).flatMap((fault) => fault.agents);
        expect(new Set(faulty).size).toBe(faulty.length);
        expect(faulty.length).toBeLessThanOrEqual(faultBound(scenario.n));
        const drop = scenario.network?.drop ?? 0;
        expect(drop).toBeLessThanOrEqual(randomSpace.dropMax);
        expect(drops).toBe(drop > 0);
        const partitions = scenario.network?.partitions ?? [];
        expect(partitions.every((p) => p.healAt !== undefined && p.healAt > p.from)).toBe(true);
        expect(healing).toBe(partitions.length > 0);
        expect(scenario.network?.latency?.[1]).toBeLessThanOrEqual(randomSpace.latencyTicksMax);
        expect(scenario.rounds).toBeLessThanOrEqual(randomSpace.roundsMax);
      }),
      { numRuns: 500 },
    );
  });

  it('covers every ResonanceBFT fault kind, drops, healing partitions and stance', () => {
    const seen = new Set<string>();
    let dropping = 0;
    let healing = 0;
    let stance = 0;
    const seeds = 400;
    for (let seed = 1; seed <= seeds; seed++) {
      const hunt = randomScenario(seed);
      for (const fault of hunt.scenario.faults ?? []) seen.add(fault.kind);
      const silent = hunt.scenario.faults?.find((fault) => fault.kind === 'silent');
      if (silent && 'until' in silent) seen.add('silent-until');
      if (hunt.drops) dropping += 1;
      if (hunt.healing) healing += 1;
      if (hunt.scenario.resonance?.embed === 'stance') stance += 1;
    }
    expect([...seen].sort()).toEqual([...resonanceFaultKinds, 'silent-until'].sort());
    expect(dropping / seeds).toBeGreaterThan(0.4);
    expect(dropping / seeds).toBeLessThan(0.6);
    expect(healing).toBeGreaterThan(seeds / 5);
    expect(stance).toBeGreaterThan(seeds / 5);
  });

  it('turns one unsafe switch on (with the companion it needs) and keeps the rest of the scenario', () => {
    const hunt = randomScenario(7);
    for (const name of unsafeSwitchNames) {
      const unsafe = withUnsafeSwitch(hunt, name);
      const companions = Object.keys(unsafeSwitchCompanions[name] ?? {});
      expect(Object.keys(unsafe.scenario.resonance?.unsafe ?? {}).sort()).toEqual([name, ...companions].sort());
      expect({ ...unsafe.scenario, resonance: hunt.scenario.resonance }).toEqual(hunt.scenario);
    }
  });
});

describe('withAccountability', () => {
  it('keeps the drawn scenario, turns accountability on, and keeps the faulty at most f', () => {
    let accusers = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const drawn = randomScenario(seed);
      const { scenario } = withAccountability(drawn);
      expect(scenario.resonance?.accountability).toBe(true);
      expect(scenario.n).toBe(drawn.scenario.n);
      expect(scenario.network).toEqual(drawn.scenario.network);
      const faulty = new Set((scenario.faults ?? []).flatMap((fault) => fault.agents));
      expect(faulty.size).toBeLessThanOrEqual(faultBound(scenario.n));
      for (const fault of scenario.faults ?? []) {
        if (fault.kind !== 'accuse') continue;
        accusers += 1;
        expect(fault.victim).not.toBe(fault.agents[0]);
      }
      expect(withAccountability(drawn)).toEqual(withAccountability(drawn));
    }
    expect(accusers).toBeGreaterThan(10);
  });
});
