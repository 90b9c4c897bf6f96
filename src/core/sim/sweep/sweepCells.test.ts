import { describe, expect, it } from 'vitest';
import type { Scenario } from '../scenario';
import { cellScenario } from './sweepCells';
import type { SweepDefinition } from './sweepDefinition';

const base: Scenario = { v: 1, seed: 3, protocol: 'resonance', n: 7, faults: [{ kind: 'tamper', agents: [1] }] };

function cell(definition: Omit<SweepDefinition, 'v' | 'seeds'>, xi: number, yi = 0): Scenario {
  const result = cellScenario({ v: 1, seeds: 1, ...definition }, xi, yi);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('cellScenario', () => {
  it('takes the faulty agents from the end of the roster, after n is set', () => {
    const definition = { base, x: { param: 'faulty', values: [0, 2] }, y: { param: 'n', values: [7, 10] } };
    expect(cell(definition, 0, 1).faults).toBeUndefined();
    expect(cell(definition, 1, 1)).toMatchObject({ n: 10, faults: [{ kind: 'tamper', agents: [8, 9] }] });
  });

  it('changes one end of a default pair and keeps the other', () => {
    expect(cell({ base, x: { param: 'network.latency.1', values: [9] } }, 0).network).toEqual({ latency: [1, 9] });
  });

  it('turns an unsafe switch on and off with true and false', () => {
    const definition = { base, x: { param: 'resonance.unsafe.quorum', values: [false, true] } };
    expect(cell(definition, 0).resonance).toEqual({ unsafe: {} });
    expect(cell(definition, 1).resonance).toEqual({ unsafe: { quorum: '2f+1' } });
  });

  it('gives the faulty agents their weight and everyone else theirs', () => {
    const council: Scenario = { v: 1, seed: 1, protocol: 'council', n: 5, faults: [{ kind: 'bloc', agents: [0] }] };
    const definition = { base: council, x: { param: 'faulty', values: [2] }, y: { param: 'faultyWeight', values: [3] } };
    expect(cell(definition, 0).council).toEqual({ weights: [1, 1, 1, 3, 3] });
  });

  it('reports a cell that is not a valid scenario with the field', () => {
    const result = cellScenario({ v: 1, seeds: 1, base, x: { param: 'faulty', values: [8] } }, 0, 0);
    expect(result.ok ? '' : result.error.message).toBe('faults[0].agents[0]: agent -1 does not exist (n = 7)');
  });
});
