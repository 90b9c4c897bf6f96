import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FaultBook } from './sim/engine/faultBook';
import { withDefaults, type Scenario } from './sim/scenario';
import { agentId, agentIndex, faultBound, quorumNeeded, silentAt } from './values';

describe('core/values', () => {
  it('says an agent is silent exactly when the engine does, whatever silent faults name it', () => {
    const silent = fc.record({
      kind: fc.constant('silent' as const),
      agents: fc.uniqueArray(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 3 }),
      from: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
      until: fc.option(fc.integer({ min: 21, max: 40 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(silent, { maxLength: 3 }), fc.integer({ min: 0, max: 45 }), (faults, tick) => {
        const scenario: Scenario = { v: 1, seed: 1, protocol: 'resonance', n: 5, faults };
        const book = new FaultBook(withDefaults(scenario), () => 0);
        for (let agent = 0; agent < 5; agent++) {
          expect(silentAt(faults, agent, tick)).toBe(book.isSilentAt(agent, tick));
        }
      }),
    );
  });

  it('has the quorum arithmetic and agent ids the page shows', () => {
    expect([faultBound(4), faultBound(7), faultBound(10), faultBound(1000)]).toEqual([1, 2, 3, 333]);
    expect([quorumNeeded(7), quorumNeeded(12), quorumNeeded(12, '2f+1')]).toEqual([5, 9, 7]);
    expect(agentId(7)).toBe('a7');
    expect([agentIndex('a12'), agentIndex('a012'), agentIndex('b1'), agentIndex('a')]).toEqual([12, null, null, null]);
  });
});
