import { describe, expect, it } from 'vitest';
import { faultProtocols as coreFaultProtocols, scenarioLimits, withDefaults, type Scenario } from '../../../core/sim/scenario';
import { defaultMaxTicks, defaultMaxViewChanges, defaults, faultExplanations, faultProtocols, limits } from './scenarioDefaults';

const minimal: Scenario = { v: 1, seed: 1, protocol: 'resonance', n: 7 };

describe('the defaults the configuration panel shows', () => {
  it('are the ones withDefaults fills in', () => {
    const resolved = withDefaults(minimal);
    expect(resolved.rounds).toBe(defaults.rounds);
    expect(resolved.maxTicks).toBe(defaultMaxTicks(defaults.rounds));
    expect(resolved.network).toEqual({ latency: [...defaults.latency], drop: defaults.drop, partitions: [] });
    expect(resolved.opinions).toEqual({
      support: defaults.support, certainty: [...defaults.certainty], privateWords: defaults.privateWords,
      carryOver: defaults.carryOver, texts: {},
    });
    expect(resolved.resonance).toEqual({
      threshold: defaults.threshold, embed: defaults.embed, viewTimeout: defaults.viewTimeout,
      maxViewChanges: defaultMaxViewChanges(7),
      deliberation: {
        steps: defaults.steps, stepSize: defaults.stepSize, epsilon: defaults.epsilon,
        classicStart: defaults.classicStart,
      },
      unsafe: {},
    });
    expect(resolved.council).toEqual({
      quorumFraction: defaults.quorumFraction, majorityThreshold: defaults.majorityThreshold,
      supermajorityThreshold: defaults.supermajorityThreshold, expiry: defaults.expiry,
      allowVoteChange: defaults.allowVoteChange, weights: Array(7).fill(defaults.weight),
      actions: [...defaults.councilActions],
    });
  });

  it('fill in fault parameters as withDefaults does', () => {
    const faults: Scenario['faults'] = [
      { kind: 'silent', agents: [0] }, { kind: 'tamper', agents: [1] }, { kind: 'garble', agents: [2] },
    ];
    expect(withDefaults({ ...minimal, faults }).faults).toEqual([
      { kind: 'silent', agents: [0], from: defaults.silentFrom, until: null },
      { kind: 'tamper', agents: [1], axis: defaults.tamperAxis, delta: defaults.tamperDelta },
      { kind: 'garble', agents: [2], rate: defaults.garbleRate },
    ]);
  });

  it('use the bounds parseScenario enforces and know every fault kind', () => {
    for (const [key, value] of Object.entries(limits)) {
      expect(scenarioLimits[key as keyof typeof scenarioLimits], key).toBe(value);
    }
    expect(faultProtocols).toEqual(coreFaultProtocols);
    expect(Object.keys(faultExplanations).sort()).toEqual(Object.keys(coreFaultProtocols).sort());
  });
});
