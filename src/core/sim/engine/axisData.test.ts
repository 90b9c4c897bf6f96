import { describe, expect, it } from 'vitest';
import { AXES, TrustStore, type AxisScores, type Outcome } from '../../resonance';
import { preset } from '../presets';
import { withDefaults } from '../scenario';
import { scenarioOpinions } from './scenarioOpinions';
import {
  axisDataAgentsMax, axisDiameters, axisTrustRows, emitScored, scoredRowsMax,
} from './axisData';
import { ResonanceEngine } from './ResonanceEngine';
import type { SimEvent } from './traceEvents';

type Scored = Extract<SimEvent, { kind: 'roundScored' }>;

function engineOf(name: 'byzantine-tamper' | 'crash-leader'): ResonanceEngine {
  const scenario = withDefaults(preset(name).scenario);
  return new ResonanceEngine(scenario, scenarioOpinions(scenario));
}

/** A stand-in engine that only records what `emitScored` emits. */
function recorder() {
  const events: SimEvent[] = [];
  const engine = {
    tick: 9,
    scoredRounds: new Set<string>(),
    index: (id: string) => Number(id.slice(1)),
    emit: (event: SimEvent) => events.push(event),
  } as unknown as ResonanceEngine;
  return { engine, events };
}

function outcomeScoring(agentCount: number): Outcome {
  const perAxis: Record<string, AxisScores> = {};
  for (let i = 0; i < agentCount; i++) {
    perAxis[`a${i}`] = {
      semantic: 0.5, affective: 0.6, relational: 1, epistemic: 0.7, behavioral: 0.8,
      pentadic: 0.71234,
    };
  }
  return { perAxis, threshold: 0.6 } as Outcome;
}

describe('roundScored', () => {
  it('carries the per-axis scores of the leader\'s own resolution, once per round and view', () => {
    // The replicas resolve through the pure `resolveRound` (no agent method to spy on), so the
    // rows are checked against the resolution they follow: the quorum is exactly the untampered
    // agents whose pentadic score reaches the threshold.
    const events = engineOf('byzantine-tamper').run().events;
    const scored = events.filter((event): event is Scored => event.kind === 'roundScored');
    expect(scored.length).toBeGreaterThanOrEqual(5);
    const keys = scored.map((event) => `${event.roundNo}:${event.view}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const event of scored) {
      const before = events[events.indexOf(event) - 1]!;
      if (before.kind !== 'roundResolved') throw new Error('roundScored must follow roundResolved');
      expect(before.agent).toBe(event.agent);
      expect(event.rows.map((row) => row.length)).toEqual(event.rows.map(() => 7));
      const reached = event.rows
        .filter((row) => row[6]! >= event.threshold && !before.tamperedAgents.includes(row[0]!))
        .map((row) => row[0]);
      expect(reached).toEqual([...before.quorumAgents].sort((a, b) => a - b));
    }
  });

  it('scores the tampered records of byzantine-tamper too, so the report can flag them', () => {
    const events = engineOf('byzantine-tamper').run().events;
    const scored = events.filter((event): event is Scored => event.kind === 'roundScored');
    for (const event of scored) {
      const resolved = events[events.indexOf(event) - 1]!;
      expect(resolved.kind === 'roundResolved' && resolved.tamperedAgents).toEqual([1, 2]);
      expect(event.rows.map((row) => row[0])).toEqual([0, 1, 2, 3, 4, 5, 6]);
    }
  });

  it(`chunks 250 agents into two events of at most ${scoredRowsMax} rows`, () => {
    const { engine, events } = recorder();
    emitScored(engine, 3, 2, 1, outcomeScoring(250));
    const scored = events as Scored[];
    const chunks = scored.map((event) => [event.from, event.rows.length]);
    expect(chunks).toEqual([[0, 200], [200, 50]]);
    expect(scored[1]!.rows[0]![0]).toBe(200);
    expect(scored[0]!.rows[0]).toEqual([0, 0.5, 0.6, 1, 0.7, 0.8, 0.7123]);
  });

  it('emits nothing for an outcome without scores, nor twice for one round and view', () => {
    const { engine, events } = recorder();
    emitScored(engine, 0, 1, 0, outcomeScoring(0));
    emitScored(engine, 0, 1, 0, outcomeScoring(4));
    emitScored(engine, 0, 1, 0, outcomeScoring(4));
    expect(events).toHaveLength(1);
  });
});

describe('axisTrustRows', () => {
  const roster = (count: number) => Array.from({ length: count }, (_, i) => `a${i}`);

  it('gives one row per axis with a column per peer, falling back to scalar trust', () => {
    const store = new TrustStore();
    store.setTrust('a0', 'a1', 0.8);
    store.updateAxisTrust('a0', 'a2', 'epistemic', 0.25);
    const rows = axisTrustRows(store, 'a0', roster(3))!;
    expect(rows).toHaveLength(AXES.length);
    expect(rows[0]).toEqual([1, 0.8, 1]);
    expect(rows[AXES.indexOf('epistemic')]).toEqual([1, 0.8, 1.25]);
  });

  it(`is absent above ${axisDataAgentsMax} agents`, () => {
    const store = new TrustStore();
    expect(axisTrustRows(store, 'a0', roster(axisDataAgentsMax))).toHaveLength(5);
    expect(axisTrustRows(store, 'a0', roster(axisDataAgentsMax + 1))).toBeUndefined();
  });

  it('is in every trustUpdated of a 7-agent run', () => {
    const events = engineOf('crash-leader').run().events;
    const updates = events.filter((event) => event.kind === 'trustUpdated');
    expect(updates.length).toBeGreaterThan(0);
    for (const event of updates) {
      expect(event.axisTrust?.map((row) => row.length)).toEqual([7, 7, 7, 7, 7]);
    }
  });
});

describe('axisDiameters', () => {
  // Three agents, a one-wide semantic slice: [sem, aff×2, rel×3, epi×2, beh×2].
  const step0 = [
    [0, 0, 0, 1, 0, 0, 0, 0, 0, 0],
    [3, 0, 4, 0, 1, 0, 0, 0, 0, 0],
    [1, 0, 0, 0, 0, 1, 0.5, 0, 0, 0],
  ];
  const step1 = step0.map((row) => row.map((x) => x / 2));

  it('measures the widest pair on each axis slice, at every step', () => {
    expect(axisDiameters([step0, step1])).toEqual([
      [3, 4, Math.SQRT2, 0.5, 0].map((x) => Number(x.toFixed(4))),
      [1.5, 2, Math.SQRT2 / 2, 0.25, 0].map((x) => Number(x.toFixed(4))),
    ]);
  });

  it('is absent with no agents or above the bound', () => {
    expect(axisDiameters([])).toBeUndefined();
    const agentCount = axisDataAgentsMax + 1;
    const row = () => new Array<number>(agentCount + 7).fill(0);
    const wide = Array.from({ length: agentCount }, row);
    expect(axisDiameters([wide])).toBeUndefined();
  });

  it('is in the deliberated summary, one row per step', () => {
    const events = engineOf('crash-leader').run().events;
    const deliberated = events.filter((event) => event.kind === 'deliberated');
    expect(deliberated.length).toBeGreaterThan(0);
    for (const event of deliberated) expect(event.axisDiameters).toHaveLength(event.steps + 1);
  });
});
