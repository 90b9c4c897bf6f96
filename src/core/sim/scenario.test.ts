import { describe, expect, it } from 'vitest';
import { AXES } from '../resonance';
import { parseScenario } from './parseScenario';
import { scenarioAxes, withDefaults, type Scenario } from './scenario';

const minimal: Scenario = { v: 1, seed: 42, protocol: 'resonance', n: 7 };

describe('withDefaults', () => {
  it('fills in every default of SPEC §4', () => {
    expect(withDefaults(minimal)).toEqual({
      v: 1,
      name: '',
      seed: 42,
      protocol: 'resonance',
      n: 7,
      rounds: 5,
      maxTicks: 10_000,
      network: { latency: [1, 3], drop: 0, partitions: [] },
      faults: [],
      opinions: { support: 0.85, certainty: [0.3, 0.9], privateWords: 0, carryOver: 0.3, texts: {} },
      resonance: {
        threshold: 0.6,
        embed: 'bow',
        viewTimeout: 40,
        maxViewChanges: 14,
        deliberation: { steps: 3, stepSize: 0.3, epsilon: 0.15, classicStart: 'stances' },
        unsafe: {},
        accountability: false,
        unsafeFrom: {},
      },
      council: {
        quorumFraction: 0.5,
        majorityThreshold: 0.5,
        supermajorityThreshold: 2 / 3,
        expiry: 0,
        allowVoteChange: false,
        weights: [1, 1, 1, 1, 1, 1, 1],
        actions: ['quarantine', 'terminate', 'escalate', 'release', 'restrict'],
      },
      actions: [],
    });
  });

  it('derives maxTicks from rounds and maxViewChanges from n', () => {
    const resolved = withDefaults({ ...minimal, n: 49, rounds: 3 });
    expect(resolved.maxTicks).toBe(6000);
    expect(resolved.resonance.maxViewChanges).toBe(98);
  });

  it('fills in the defaults inside faults and partitions', () => {
    const resolved = withDefaults({
      ...minimal,
      network: { partitions: [{ groups: [[0, 1]], from: 10 }] },
      faults: [
        { kind: 'silent', agents: [1] },
        { kind: 'tamper', agents: [2] },
        { kind: 'garble', agents: [3] },
        { kind: 'impersonate', agents: [4], victim: 0 },
        { kind: 'forge', agents: [5] },
      ],
    });
    expect(resolved.network.partitions).toEqual([{ groups: [[0, 1]], from: 10, healAt: null }]);
    expect(resolved.faults).toEqual([
      { kind: 'silent', agents: [1], from: 0, until: null },
      { kind: 'tamper', agents: [2], axis: 'semantic', delta: 999 },
      { kind: 'garble', agents: [3], rate: 0.3 },
      { kind: 'impersonate', agents: [4], victim: 0 },
      { kind: 'forge', agents: [5] },
    ]);
  });

  it('keeps every value the scenario sets', () => {
    const scenario: Scenario = {
      v: 1, name: 'n', seed: 1, protocol: 'council', n: 2, rounds: 2, maxTicks: 7,
      network: { latency: [2, 2], drop: 0.5 },
      opinions: { support: 0, certainty: [0, 0], privateWords: 2, carryOver: 1, texts: { '1': 'no' } },
      council: { expiry: 9, allowVoteChange: true, weights: [3, 4], actions: ['escalate'] },
    };
    const resolved = withDefaults(scenario);
    expect(resolved).toMatchObject({ ...scenario, network: { ...scenario.network, partitions: [] } });
  });

  it('shares no arrays or objects with its input', () => {
    const scenario: Scenario = {
      ...minimal,
      network: { latency: [1, 2], partitions: [{ groups: [[0]], from: 0 }] },
      faults: [{ kind: 'biased', agents: [1] }],
      opinions: { texts: { '0': 'yes' } },
      actions: [{ tick: 1, do: 'crash', agent: 0 }],
    };
    const resolved = withDefaults(scenario);
    expect(resolved.network.latency).not.toBe(scenario.network?.latency);
    expect(resolved.network.partitions[0]?.groups[0]).not.toBe(scenario.network?.partitions?.[0]?.groups[0]);
    expect(resolved.faults[0]?.agents).not.toBe(scenario.faults?.[0]?.agents);
    expect(resolved.opinions.texts).not.toBe(scenario.opinions?.texts);
    expect(resolved.actions[0]).not.toBe(scenario.actions?.[0]);
  });

  it('gives a scenario that is itself canonical JSON data (no undefined, no Infinity)', () => {
    const resolved = withDefaults(minimal);
    expect(JSON.parse(JSON.stringify(resolved))).toEqual(resolved);
  });
});

describe('the schema', () => {
  it('names the same five axes as the resonance protocol', () => {
    expect([...scenarioAxes]).toEqual([...AXES]);
  });

  it('accepts its own defaults written out in full', () => {
    const { name: _name, ...resolved } = withDefaults(minimal);
    const { council: _council, ...resonanceOnly } = resolved;
    const asScenario = { ...resonanceOnly, network: { ...resolved.network, partitions: [] } };
    expect(parseScenario(asScenario).ok).toBe(true);
  });
});
