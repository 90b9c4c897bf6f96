import { describe, expect, it } from 'vitest';
import { runScenario } from '../runScenario';
import type { Scenario } from '../scenario';
import type { SimEvent } from './traceEvents';

describe('a view whose records do not reach the threshold', () => {
  // With a0 and a1 crashed, the five live agents' round-1 texts leave only 4 above the
  // threshold: the leader holds n−f records but cannot commit, and waits for more.
  const scenario: Scenario = {
    v: 1, seed: 42, protocol: 'resonance', n: 7, rounds: 1,
    faults: [{ kind: 'silent', agents: [0, 1] }],
  };
  const trace = runScenario(scenario).trace as SimEvent[];

  it('reports the aborted resolution when the leader times out, with how many reached the threshold', () => {
    const aborted = trace.filter((e) => e.kind === 'roundResolved' && e.status === 'aborted');
    expect(aborted.length).toBeGreaterThan(0);
    for (const event of aborted) {
      if (event.kind !== 'roundResolved') continue;
      expect(event.quorumSize).toBeLessThan(event.quorumNeeded);
      expect(event.reason).toMatch(/^no_quorum/);
      const timedOut = trace.some((e) => e.kind === 'timedOut' && e.agent === event.agent && e.t === event.t);
      expect(timedOut, `a${event.agent} reported at its own timeout`).toBe(true);
    }
  });

  it('never reports a view that committed as aborted', () => {
    const happy: Scenario = { v: 1, seed: 42, protocol: 'resonance', n: 7, rounds: 2 };
    const events = runScenario(happy).trace as SimEvent[];
    expect(events.some((e) => e.kind === 'roundResolved' && e.status === 'aborted')).toBe(false);
  });
});
