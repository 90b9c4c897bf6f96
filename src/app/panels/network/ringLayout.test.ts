import { easeCubicInOut } from 'd3';
import { describe, expect, it } from 'vitest';
import { preset } from '../../../core/sim/presets';
import { runScenario } from '../../../core/sim/runScenario';
import type { Scenario, SimEvent } from '../../../worker/api';
import { circularRuns, partitionGroups } from './ringRegions';
import { lostVisibleTicks, ringLayout, type RingInput } from './ringLayout';
import { TraceIndex } from '../../trace/traceIndex';

const size = { width: 560, height: 560 };

function scenarioOf(n: number, extra: Partial<Scenario> = {}): Scenario {
  return { v: 1, seed: 1, protocol: 'resonance', n, ...extra };
}

function at(scenario: Scenario, events: readonly SimEvent[], tick: number, extra: Partial<RingInput> = {}) {
  return ringLayout({ scenario, trace: TraceIndex.of(events), tick, ...size, ...extra });
}

function message(id: number, t: number, from: number, to: number, deliverAt: number | null, extra: Partial<SimEvent> = {}): SimEvent {
  return { t, kind: 'messageSent', id, from, to, type: 'E', roundNo: 1, view: 0, deliverAt, ...extra } as SimEvent;
}

describe('ringLayout', () => {
  it('places agents on a circle, agent 0 at the top, then clockwise', () => {
    const ring = at(scenarioOf(8), [], 0);
    for (const agent of ring.agents) {
      expect(Math.hypot(agent.x - ring.cx, agent.y - ring.cy)).toBeCloseTo(ring.radius, 6);
    }
    const [a0, , a2, , a4] = ring.agents;
    expect(a0!.x).toBeCloseTo(ring.cx, 6);
    expect(a0!.y).toBeLessThan(ring.cy);
    expect(a2!.x).toBeGreaterThan(ring.cx);
    expect(a2!.y).toBeCloseTo(ring.cy, 6);
    expect(a4!.y).toBeGreaterThan(ring.cy);
    expect(ring.radius).toBeGreaterThan(200);
    expect(ring.radius).toBeLessThan(280);
  });

  it('moves the leader from a0 to a1 when the replicas move to view 1', () => {
    const scenario = scenarioOf(4, { faults: [{ kind: 'silent', agents: [0] }] });
    const events: SimEvent[] = [
      { t: 40, kind: 'viewChanged', agent: 2, roundNo: 1, view: 1, reason: 'timeout' },
      { t: 40, kind: 'viewChanged', agent: 3, roundNo: 1, view: 1, reason: 'timeout' },
      { t: 41, kind: 'roundProposed', agent: 1, roundNo: 1, view: 1, roundId: 'r1', topic: '' },
    ];
    expect(at(scenario, events, 39.9).leader).toBe(0);
    expect(at(scenario, events, 39.9).agents[0]!.isLeader).toBe(true);
    const after = at(scenario, events, 40.2);
    expect(after.leader).toBe(1);
    expect(after.view).toBe(1);
    expect(after.agents.filter((agent) => agent.isLeader).map((agent) => agent.id)).toEqual(['a1']);
  });

  it('changes the leader in a real crash-leader run', () => {
    const { scenario } = preset('crash-leader');
    const trace = runScenario(scenario).trace as readonly SimEvent[];
    const change = trace.find((event) => event.kind === 'viewChanged')!;
    expect(at(scenario, trace, 0).leader).toBe(0);
    expect(at(scenario, trace, 0).agents[0]!.down).toBe('silent');
    expect(at(scenario, trace, change.t).leader).not.toBe(0);
    const end = trace[trace.length - 1]!.t;
    expect(at(scenario, trace, end).agents[1]!.committedCount).toBe(3);
  });

  it('marks a silent agent down only in [from, until)', () => {
    const scenario = scenarioOf(5, { faults: [{ kind: 'silent', agents: [3], from: 10, until: 20 }] });
    expect(at(scenario, [], 9.99).agents[3]!.down).toBeNull();
    expect(at(scenario, [], 10).agents[3]!.down).toBe('silent');
    expect(at(scenario, [], 19.5).agents[3]!.down).toBe('silent');
    expect(at(scenario, [], 20).agents[3]!.down).toBeNull();
    expect(at(scenario, [], 15).agents[2]!.down).toBeNull();
  });

  it('marks a crashed agent down until it restarts', () => {
    const events: SimEvent[] = [
      { t: 5, kind: 'agentCrashed', agent: 2 },
      { t: 9, kind: 'agentRestarted', agent: 2 },
    ];
    expect(at(scenarioOf(4), events, 4).agents[2]!.down).toBeNull();
    expect(at(scenarioOf(4), events, 5).agents[2]!.down).toBe('crashed');
    expect(at(scenarioOf(4), events, 9).agents[2]!.down).toBeNull();
  });

  it('names Byzantine fault kinds other than silent, and flags equivocators', () => {
    const scenario = scenarioOf(5, {
      faults: [
        { kind: 'tamper', agents: [1] },
        { kind: 'equivocate', agents: [2] },
        { kind: 'silent', agents: [3] },
      ],
    });
    const ring = at(scenario, [], 0);
    expect(ring.agents[1]!.byzantineKinds).toEqual(['tamper']);
    expect(ring.agents[2]!.isEquivocator).toBe(true);
    expect(ring.agents[3]!.byzantineKinds).toEqual([]);
    expect(ring.agents[1]!.description).toContain('Byzantine: tamper');
  });

  it('draws a fault with a start tick (a "what if" fork) from that tick on', () => {
    const scenario = scenarioOf(5, { faults: [{ kind: 'biased', agents: [2], from: 30 }] });
    expect(at(scenario, [], 29).agents[2]!.byzantineKinds).toEqual([]);
    expect(at(scenario, [], 30).agents[2]!.byzantineKinds).toEqual(['biased']);
  });

  it('shows a lock from the locked event until the agent commits that round', () => {
    const events: SimEvent[] = [
      { t: 3, kind: 'locked', agent: 1, roundNo: 1, view: 0, winner: 0, decision: 'commit' },
      { t: 6, kind: 'committed', agent: 1, roundNo: 1, view: 0, roundId: 'r1', winner: 0, quorumAgents: [], commitVoters: [], via: 'votes' },
    ];
    expect(at(scenarioOf(4), events, 2).agents[1]!.isLocked).toBe(false);
    expect(at(scenarioOf(4), events, 3.5).agents[1]!.isLocked).toBe(true);
    const committed = at(scenarioOf(4), events, 6).agents[1]!;
    expect(committed.isLocked).toBe(false);
    expect(committed.committedCount).toBe(1);
  });

  it('draws a message only within [t, deliverAt), at the eased share of its chord', () => {
    const events = [message(1, 5, 0, 2, 9)];
    const scenario = scenarioOf(4);
    expect(at(scenario, events, 4.9).messages).toHaveLength(0);
    expect(at(scenario, events, 5).messages[0]!.fraction).toBe(0);
    const mid = at(scenario, events, 7);
    expect(mid.messages[0]!.fraction).toBeCloseTo(0.5, 9);
    // a0 (top) to a2 (bottom): the midpoint of the chord is the centre.
    expect(mid.messages[0]!.x).toBeCloseTo(mid.cx, 6);
    expect(mid.messages[0]!.y).toBeCloseTo(mid.cy, 6);
    expect(at(scenario, events, 6).messages[0]!.fraction).toBeCloseTo(easeCubicInOut(0.25), 9);
    expect(at(scenario, events, 8.99).messages).toHaveLength(1);
    expect(at(scenario, events, 9).messages).toHaveLength(0);
  });

  it('labels votes by phase and flags garbled messages', () => {
    const events = [
      message(1, 0, 0, 1, 3, { type: 'V', phase: 'prepare' }),
      message(2, 0, 0, 2, 3, { type: 'V', phase: 'commit', garbled: true }),
    ];
    const ring = at(scenarioOf(4), events, 1);
    expect(ring.messages.map((m) => m.key)).toEqual(['prepare', 'commit']);
    expect(ring.messages.map((m) => m.garbled)).toEqual([false, true]);
    expect(ring.countsByKey).toEqual({ prepare: 1, commit: 1 });
  });

  it('shows a lost message near its sender for a moment, fading, then drops it', () => {
    const events = [message(1, 5, 0, 2, null, { lost: 'partition' })];
    const scenario = scenarioOf(4);
    const fresh = at(scenario, events, 5).messages[0]!;
    expect(fresh.lost).toBe('partition');
    expect(fresh.fraction).toBeLessThan(0.3);
    const older = at(scenario, events, 6).messages[0]!;
    expect(older.opacity).toBeLessThan(fresh.opacity);
    expect(at(scenario, events, 5 + lostVisibleTicks).messages).toHaveLength(0);
  });

  it('keeps dots at their ends when motion is reduced', () => {
    const events = [message(1, 0, 0, 2, 4)];
    const ring = at(scenarioOf(4), events, 1, { travel: false });
    expect(ring.messages[0]!.fraction).toBe(0);
    expect(at(scenarioOf(4), events, 3, { travel: false }).messages[0]!.fraction).toBe(1);
  });

  it('draws partition regions only while the partition is active', () => {
    const scenario = scenarioOf(5, { network: { partitions: [{ groups: [[0, 1]], from: 10, healAt: 20 }] } });
    expect(at(scenario, [], 9).regions).toHaveLength(0);
    const split = at(scenario, [], 10);
    expect(split.regions.map((region) => region.agents)).toEqual([[0, 1], [2, 3, 4]]);
    expect(split.regions.every((region) => region.paths.length === 1 && region.paths[0]!.startsWith('M'))).toBe(true);
    expect(split.agents.map((agent) => agent.side)).toEqual([0, 0, 1, 1, 1]);
    expect(at(scenario, [], 20).regions).toHaveLength(0);
    expect(at(scenario, [], 20).agents[0]!.side).toBeNull();
  });

  it('splits an interleaved group into runs around the ring', () => {
    expect(circularRuns([0, 2, 3], 5)).toEqual([[0, 1], [2, 2]]);
    expect(circularRuns([4, 0, 1], 5)).toEqual([[4, 3]]);
    expect(circularRuns([0, 1, 2], 3)).toEqual([[0, 3]]);
    expect(partitionGroups({ groups: [[0, 1, 2, 3], [4, 5, 6]], from: 0 }, 7)).toHaveLength(2);
  });

  it('caps the drawn messages and counts the rest as aggregated', () => {
    const events: SimEvent[] = [];
    for (let id = 0; id < 1000; id++) events.push(message(id, 0, id % 10, (id + 3) % 10, 4));
    const ring = at(scenarioOf(10), events, 1, { messagesMax: 100 });
    expect(ring.activeCount).toBe(1000);
    expect(ring.messages.length).toBeLessThanOrEqual(100);
    expect(ring.messages.length).toBeGreaterThan(50);
    expect(ring.aggregatedCount).toBe(1000 - ring.messages.length);
  });

  it('sees new events when the trace grows in place or as a longer copy', () => {
    const scenario = scenarioOf(4);
    const events: SimEvent[] = [message(1, 0, 0, 1, 2)];
    expect(at(scenario, events, 1).messages).toHaveLength(1);
    events.push(message(2, 1, 1, 2, 3));
    expect(at(scenario, events, 1.5).messages).toHaveLength(2);
    const longer = [...events, message(3, 1, 2, 3, 3)];
    expect(at(scenario, longer, 1.5).messages).toHaveLength(3);
    expect(at(scenario, [message(9, 1, 0, 3, 2)], 1.5).messages.map((m) => m.id)).toEqual([9]);
  });

  it('draws a real partition-heal run at every tick without leaving the ring', () => {
    const { scenario } = preset('partition-heal');
    const trace = runScenario(scenario).trace as readonly SimEvent[];
    const end = trace[trace.length - 1]!.t;
    for (let tick = 0; tick <= end; tick += 0.5) {
      const ring = at(scenario, trace, tick);
      expect(ring.regions.length).toBe(tick < 200 ? 2 : 0);
      for (const m of ring.messages) {
        expect(Math.hypot(m.x - ring.cx, m.y - ring.cy)).toBeLessThanOrEqual(ring.radius + 1e-6);
      }
    }
  });
});
