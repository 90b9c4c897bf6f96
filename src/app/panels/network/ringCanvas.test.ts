import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../../worker/api';
import { agentAt, labelStep } from './ringCanvas';
import { ringStatic } from './ringLayout';
import { TraceIndex } from '../../trace/traceIndex';

function ring(n: number) {
  const scenario: Scenario = { v: 1, seed: 1, protocol: 'resonance', n };
  return ringStatic({ scenario, trace: TraceIndex.of([]), tick: 0, width: 560, height: 560 });
}

describe('agentAt', () => {
  it('finds every agent of a 1000-agent ring at its own centre', () => {
    const large = ring(1000);
    for (const agent of large.agents) expect(agentAt(large, agent.x, agent.y)).toBe(agent.index);
  });

  it('picks the nearer agent just beside one, and nothing in the middle of the ring', () => {
    const small = ring(250);
    const a10 = small.agents[10]!;
    expect(agentAt(small, a10.x + 1, a10.y + 1)).toBe(10);
    expect(agentAt(small, small.cx, small.cy)).toBeNull();
    expect(agentAt(small, a10.x + a10.outX * 30, a10.y + a10.outY * 30)).toBeNull();
  });
});

describe('labelStep', () => {
  it('labels every 15th agent of 250 and every 50th of 1000', () => {
    expect(labelStep(250)).toBe(15);
    expect(labelStep(1000)).toBe(50);
    expect(labelStep(7)).toBe(5);
  });
});
