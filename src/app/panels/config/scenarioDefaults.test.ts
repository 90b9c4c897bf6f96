import { describe, expect, it } from 'vitest';
import { defaultConsensusConfig } from '../../../core/council/consensusConfig';
import { faultProtocols as coreFaultProtocols, scenarioLimits, withDefaults, type Scenario } from '../../../core/sim/scenario';
import { faultBound as coreFaultBound, quorumNeeded as coreQuorumNeeded } from '../../../core/resonance/quorum';
import { deliberationStepsMax } from '../../../core/resonance/deliberate';
import { faultBound, quorumNeeded } from '../../../core/values';
import { defaultMaxTicks, defaultMaxViewChanges, defaults, faultExplanations, faultProtocols, limits } from './scenarioDefaults';

const minimal: Scenario = { v: 1, seed: 1, protocol: 'resonance', n: 7 };

describe('the values the configuration panel reads from core/values', () => {
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
      unsafe: {}, accountability: defaults.accountability, unsafeFrom: {},
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

  it("agree with the Council's own defaults and the protocol's quorum arithmetic", () => {
    expect(defaults.quorumFraction).toBe(defaultConsensusConfig.quorumFraction);
    expect(defaults.majorityThreshold).toBe(defaultConsensusConfig.majorityThreshold);
    expect(defaults.supermajorityThreshold).toBe(defaultConsensusConfig.supermajorityThreshold);
    expect(defaults.expiry).toBe(defaultConsensusConfig.defaultExpiry);
    expect(defaults.allowVoteChange).toBe(defaultConsensusConfig.allowVoteChange);
    expect(limits.deliberationStepsMax).toBe(deliberationStepsMax);
    for (let n = 0; n <= 100; n++) {
      expect(faultBound(n)).toBe(coreFaultBound(n));
      expect(quorumNeeded(n)).toBe(coreQuorumNeeded(n));
      expect(quorumNeeded(n, '2f+1')).toBe(coreQuorumNeeded(n, { quorum: '2f+1' }));
    }
  });
});
