import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../core/sim/parseScenario';
import type { Scenario } from '../../../worker/api';
import { agentNames, appliedName, prepareForApply } from './applyDraft';

const seven: Scenario = { v: 1, name: 'Seven honest agents', seed: 42, protocol: 'resonance', n: 7 };

describe('prepareForApply', () => {
  it('leaves out the agents beyond a lowered n, says so, and yields a valid scenario', () => {
    const draft: Scenario = {
      ...seven,
      n: 5,
      faults: [{ kind: 'silent', agents: [1, 6] }, { kind: 'biased', agents: [5, 6] }],
      network: { partitions: [{ groups: [[0, 1], [5, 6]], from: 0 }] },
    };
    const { scenario, removals } = prepareForApply(draft, seven);
    expect(scenario.faults).toEqual([{ kind: 'silent', agents: [1] }]);
    expect(scenario.network?.partitions).toEqual([{ groups: [[0, 1]], from: 0 }]);
    expect(removals).toEqual([
      'Removes a6 from fault 1 (silent): beyond n = 5.',
      'Removes fault 2 (biased): all its agents are beyond n = 5.',
      'Removes a5, a6 from partition 1: beyond n = 5.',
    ]);
    expect(parseScenario(scenario).ok).toBe(true);
  });

  it('keeps the draft whole, so raising n again restores what was left out', () => {
    const draft: Scenario = { ...seven, n: 5, faults: [{ kind: 'silent', agents: [6] }] };
    prepareForApply(draft, seven);
    expect(prepareForApply({ ...draft, n: 7 }, seven).scenario.faults).toEqual([{ kind: 'silent', agents: [6] }]);
  });

  it('drops a partition that no longer separates anyone, and an impersonation of a lost victim', () => {
    const draft: Scenario = {
      ...seven,
      n: 4,
      faults: [{ kind: 'impersonate', agents: [0], victim: 5 }],
      network: { partitions: [{ groups: [[4, 5, 6]], from: 0 }] },
    };
    const { scenario, removals } = prepareForApply(draft, seven);
    expect(scenario).not.toHaveProperty('faults');
    expect(scenario).not.toHaveProperty('network');
    expect(removals).toHaveLength(2);
    expect(parseScenario(scenario).ok).toBe(true);
  });

  it('leaves out the other protocol\'s section and faults after a protocol switch', () => {
    const draft: Scenario = {
      ...seven,
      protocol: 'council',
      resonance: { threshold: 0.7 },
      faults: [{ kind: 'tamper', agents: [1] }, { kind: 'silent', agents: [2] }],
    };
    const { scenario, removals } = prepareForApply(draft, seven);
    expect(scenario).not.toHaveProperty('resonance');
    expect(scenario.faults).toEqual([{ kind: 'silent', agents: [2] }]);
    expect(removals).toHaveLength(2);
    expect(parseScenario(scenario).ok).toBe(true);
  });

  it('fits council weights to n: trimmed when n falls, weight 1 for new agents', () => {
    const council: Scenario = { ...seven, protocol: 'council', council: { weights: [2, 1, 1, 1, 1, 1, 3] } };
    expect(prepareForApply({ ...council, n: 3 }, council).scenario.council?.weights).toEqual([2, 1, 1]);
    expect(prepareForApply({ ...council, n: 8 }, council).scenario.council?.weights).toEqual([2, 1, 1, 1, 1, 1, 3, 1]);
  });

  it('changes nothing when everything fits', () => {
    const draft: Scenario = { ...seven, faults: [{ kind: 'silent', agents: [0, 1] }] };
    const { scenario, removals } = prepareForApply(draft, seven);
    expect(removals).toEqual([]);
    expect(scenario.faults).toEqual(draft.faults);
  });
});

describe('appliedName', () => {
  it('marks an unrenamed scenario as edited, once', () => {
    expect(appliedName(seven, seven)).toBe('Seven honest agents (edited)');
    const again = { ...seven, name: 'Seven honest agents (edited)' };
    expect(appliedName(again, again)).toBe('Seven honest agents (edited)');
  });

  it('keeps a name the user typed, and names an unnamed scenario', () => {
    expect(appliedName({ ...seven, name: 'Two crash' }, seven)).toBe('Two crash');
    const { name: _name, ...unnamed } = seven;
    expect(appliedName(unnamed, unnamed)).toBe('Custom scenario (edited)');
  });
});

describe('agentNames', () => {
  it('lists a few agents and counts the rest', () => {
    expect(agentNames([0, 3])).toBe('a0, a3');
    expect(agentNames([0, 1, 2, 3, 4, 5, 6, 7])).toBe('a0, a1, a2, a3, a4, a5, … (8 agents)');
  });
});
