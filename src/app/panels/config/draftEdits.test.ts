import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../core/sim/parseScenario';
import { preset, presetNames } from '../../../core/sim/presets';
import { withDefaults } from '../../../core/sim/scenario';
import type { Scenario } from '../../../worker/api';
import {
  addFault, canonicalJson, faultKindsFor, faultyAgents, isEdited, newFault, normalizeDraft,
  quorumNumbers, removeFault, replaceFault, setPath, toggleAgent, withFaultParam,
} from './draftEdits';
import { faultKinds } from './scenarioDefaults';

const happy: Scenario = { v: 1, name: 'Seven honest agents', seed: 42, protocol: 'resonance', n: 7, rounds: 5 };

describe('setPath', () => {
  it('sets a nested field in a copy, leaving the draft it came from untouched', () => {
    const next = setPath(happy, ['network', 'drop'], 0.2, 0);
    expect(next.network).toEqual({ drop: 0.2 });
    expect(happy.network).toBeUndefined();
  });

  it('removes a field set back to its default, and the section it leaves empty', () => {
    const edited = setPath(happy, ['network', 'latency'], [2, 5], [1, 3]);
    expect(setPath(edited, ['network', 'latency'], [1, 3], [1, 3])).not.toHaveProperty('network');
    const both = setPath(setPath(edited, ['network', 'drop'], 0.1, 0), ['network', 'latency'], [1, 3], [1, 3]);
    expect(both.network).toEqual({ drop: 0.1 });
  });

  it('keeps a value the schema rejects, for the validator to name', () => {
    const next = setPath(happy, ['network', 'latency'], [5, 2], [1, 3]);
    const checked = parseScenario(next);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.error.message).toContain('network.latency');
  });
});

describe('isEdited', () => {
  it('is false for the scenario itself and true after a change', () => {
    expect(isEdited(happy, happy)).toBe(false);
    expect(isEdited(setPath(happy, ['seed'], 7), happy)).toBe(true);
  });

  it('is false again once a changed field is set back, even to an implicit default', () => {
    const changed = setPath(happy, ['rounds'], 6, 5);
    expect(isEdited(setPath(changed, ['rounds'], 5, 5), happy)).toBe(false);
  });

  it.each(presetNames)('%s normalizes to a scenario with the same meaning', (name) => {
    const { scenario } = preset(name);
    const normalized = normalizeDraft(scenario);
    expect(withDefaults(normalized)).toEqual(withDefaults(scenario));
    expect(parseScenario(normalized).ok).toBe(true);
  });
});

describe('canonicalJson', () => {
  it('does not depend on the order of keys', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe(canonicalJson({ a: { c: 3, d: 2 }, b: 1 }));
  });
});

describe('quorumNumbers', () => {
  it('gives f = 2, n−f = 5 and 2f+1 = 5 for seven agents', () => {
    expect(quorumNumbers(7)).toEqual({ f: 2, quorum: 5, certificate: 5 });
  });

  it('gives f = 3, n−f = 7 and 2f+1 = 7 for ten agents, and f = 0 for one', () => {
    expect(quorumNumbers(10)).toEqual({ f: 3, quorum: 7, certificate: 7 });
    expect(quorumNumbers(1)).toEqual({ f: 0, quorum: 1, certificate: 1 });
  });
});

describe('faults', () => {
  it('adds a fault with no agents, then toggles agents in ascending order', () => {
    let draft = addFault(happy, 'silent');
    expect(draft.faults).toEqual([{ kind: 'silent', agents: [] }]);
    const agents = toggleAgent(toggleAgent([], 6), 5);
    draft = replaceFault(draft, 0, { ...draft.faults![0]!, agents });
    expect(draft.faults![0]!.agents).toEqual([5, 6]);
    expect(toggleAgent([5, 6], 5)).toEqual([6]);
    expect(parseScenario(draft).ok).toBe(true);
  });

  it('removes the faults list with its last fault', () => {
    expect(removeFault(addFault(happy, 'biased'), 0)).not.toHaveProperty('faults');
  });

  it('counts each faulty agent once and ignores agents beyond n', () => {
    const draft: Scenario = {
      ...happy,
      faults: [{ kind: 'silent', agents: [1, 2] }, { kind: 'biased', agents: [2, 3, 9] }],
    };
    expect(faultyAgents(draft)).toEqual([1, 2, 3]);
  });

  it('gives every kind a valid new fault once it has an agent', () => {
    for (const kind of faultKinds) {
      const protocol = kind === 'bloc' ? 'council' : 'resonance';
      const fault = { ...newFault(kind), agents: [1] };
      // An accuser acts only through accountability's Council vote, which it needs on.
      const resonance = kind === 'accuse' ? { resonance: { accountability: true } } : {};
      expect(parseScenario({ ...happy, protocol, faults: [fault], ...resonance }).ok, kind).toBe(true);
    }
  });

  it('offers bloc only to the council and tamper only to ResonanceBFT', () => {
    expect(faultKindsFor('council')).toContain('bloc');
    expect(faultKindsFor('council')).not.toContain('tamper');
    expect(faultKindsFor('resonance')).not.toContain('bloc');
  });

  it('sets a parameter and removes it again at its default', () => {
    const fault = withFaultParam({ kind: 'garble', agents: [1] }, 'rate', 0.5, 0.3);
    expect(fault).toEqual({ kind: 'garble', agents: [1], rate: 0.5 });
    expect(withFaultParam(fault, 'rate', 0.3, 0.3)).toEqual({ kind: 'garble', agents: [1] });
  });
});
