import { describe, expect, it } from 'vitest';
import { preset } from '../core/sim/presets';
import { runScenario } from '../core/sim/runScenario';
import { CouncilEngine } from '../core/sim/engine/CouncilEngine';
import { ResonanceEngine } from '../core/sim/engine/ResonanceEngine';
import { scenarioOpinions } from '../core/sim/engine/scenarioOpinions';
import { withBroadcastsExpanded } from '../core/sim/engine/broadcastCopies';
import type { SimEvent } from '../core/sim/engine/traceEvents';
import { withDefaults } from '../core/sim/scenario';
import { batchBytesMax, checkpointBudgetBytes, checkpointEveryTicks, checkpointPlan, checkpointsMax, setPath, SimSession } from './SimSession';

describe('SimSession', () => {
  it('refuses an invalid scenario with the validator\'s message and keeps nothing', () => {
    const session = new SimSession();
    const reply = session.load({ v: 1, seed: 1, protocol: 'resonance', n: 0 }, 1);
    expect(reply).toEqual({ epoch: 1, ok: false, message: expect.stringContaining('n:') });
    expect(() => session.advance(1, 10)).toThrow(/No scenario loaded/);
  });

  it('streams a run in batches of at most 10 KB whose concatenation is the whole trace, broadcasts as copies', () => {
    const scenario = preset('crash-leader').scenario;
    const session = new SimSession();
    expect(session.load(scenario, 7)).toMatchObject({ ok: true, epoch: 7, n: 7, rounds: 3 });
    const events = [];
    let last;
    let tick = 0;
    do {
      tick += 5;
      last = session.advance(7, tick);
      expect(last.epoch).toBe(7);
      expect(JSON.stringify(last.events).length).toBeLessThanOrEqual(batchBytesMax);
      events.push(...last.events);
      if (last.events.length > 0) expect(last.events.every((event) => event.t <= last!.tick)).toBe(true);
    } while (!last.done);
    const whole = runScenario(scenario);
    expect(events).toEqual(withBroadcastsExpanded(whole.trace as SimEvent[]));
    expect(last.traceHash).toBe(whole.summary.traceHash);
  });

  it('ends a run that stalls (both first leaders silent) when stepped to finite ticks', () => {
    const scenario = { ...preset('happy-path').scenario, faults: [{ kind: 'silent' as const, agents: [0, 1] }] };
    const session = new SimSession();
    session.load(scenario, 3);
    let last;
    let tick = 0;
    do {
      tick += 100;
      last = session.advance(3, tick);
    } while (!last.done && tick < 100_000);
    expect(last.done).toBe(true);
    expect(last.traceHash).toBe(runScenario(scenario).summary.traceHash);
  });

  it('steps a Council run the same way, to the trace hash of a whole run', () => {
    const scenario = preset('council-bloc').scenario;
    const session = new SimSession();
    session.load(scenario, 1);
    let batch;
    const events = [];
    do {
      batch = session.advance(1, Infinity);
      events.push(...batch.events);
    } while (!batch.done);
    const whole = runScenario(scenario);
    expect(events).toEqual(whole.trace);
    expect(batch.traceHash).toBe(whole.summary.traceHash);
  });

  it('seeks back from checkpoints to the exact state at a tick, and runs on to the same trace', () => {
    const scenario = preset('partition-heal').scenario;
    const session = new SimSession();
    session.load(scenario, 3);
    let batch;
    do batch = session.advance(3, Infinity);
    while (!batch.done);
    const whole = runScenario(scenario);

    const fresh = new ResonanceEngine(withDefaults(scenario), scenarioOpinions(withDefaults(scenario)));
    fresh.runUntil(215);
    const reply = session.seek(3, 215);
    expect(reply.state).toEqual(fresh.inspect());
    expect(reply.eventCount).toBe((whole.trace as SimEvent[]).filter((event) => event.t <= 215).length);
    expect(checkpointEveryTicks).toBeLessThan(215);

    do batch = session.advance(3, Infinity);
    while (!batch.done);
    expect(batch.traceHash).toBe(whole.summary.traceHash);
  });

  it('seeks a Council run from its checkpoints, ledger and tampered audit chain included', () => {
    const scenario = {
      ...preset('council-bloc').scenario, rounds: 40,
      actions: [{ tick: 150, do: 'tamper-audit' as const, index: 4 }],
    };
    const session = new SimSession();
    session.load(scenario, 5);
    let batch;
    do batch = session.advance(5, Infinity);
    while (!batch.done);
    const whole = runScenario(scenario);
    expect(whole.summary.ticks).toBeGreaterThan(2 * checkpointEveryTicks + 30);

    const fresh = new CouncilEngine(withDefaults(scenario));
    fresh.runUntil(2 * checkpointEveryTicks + 30);
    expect(session.seek(5, 2 * checkpointEveryTicks + 30).state).toEqual(fresh.inspect());
    do batch = session.advance(5, Infinity);
    while (!batch.done);
    expect(batch.traceHash).toBe(whole.summary.traceHash);
  });

  it('keeps at most checkpointsMax checkpoints on a long run, and still seeks exactly', () => {
    // Slow messages and a long view timeout: 24 rounds take about 3,000 ticks, 30 intervals.
    const scenario = {
      v: 1 as const, seed: 5, protocol: 'resonance' as const, n: 4, rounds: 24,
      network: { latency: [20, 30] as [number, number] }, resonance: { viewTimeout: 400 },
    };
    const session = new SimSession();
    session.load(scenario, 4);
    let batch;
    do batch = session.advance(4, Infinity);
    while (!batch.done);
    const whole = runScenario(scenario);
    const ticks = (whole.trace as SimEvent[]).at(-1)!.t;
    expect(ticks).toBeGreaterThan(checkpointEveryTicks * (checkpointsMax + 2));
    expect(session.checkpointCount).toBeLessThanOrEqual(checkpointsMax);
    const fresh = new ResonanceEngine(withDefaults(scenario), scenarioOpinions(withDefaults(scenario)));
    fresh.runUntil(ticks - 150);
    expect(session.seek(4, ticks - 150).state).toEqual(fresh.inspect());
  }, 60_000);

  it('reports the finished run from the engine it streamed, the same as a headless run', () => {
    for (const name of ['byzantine-tamper', 'council-quarantine'] as const) {
      const scenario = preset(name).scenario;
      const session = new SimSession();
      session.load(scenario, 9);
      session.advance(9, 20);
      const result = session.result(9);
      const whole = runScenario(scenario);
      expect(result.summary).toEqual(whole.summary);
      expect(result.eventCount).toBe(whole.trace.length);
      expect(result.report === null).toBe(name !== 'council-quarantine');
    }
  });

  it('runs a batch of seeds and a sweep, and stops when cancelled', async () => {
    const session = new SimSession();
    const scenario = { ...preset('happy-path').scenario, rounds: 1 };
    const progress: number[] = [];
    const runs = await session.batch(scenario, [1, 2, 3], 1, (done) => progress.push(done));
    expect(runs.map((run) => run.seed)).toEqual([1, 2, 3]);
    expect(new Set(runs.map((run) => run.traceHash)).size).toBe(3);
    expect(progress).toEqual([1, 2, 3]);

    const points = await session.sweep(scenario, 'resonance.threshold', [0.5, 1], [1, 2], 2);
    expect(points.map((point) => point.value)).toEqual([0.5, 1]);
    expect(points[0]!.commitRate).toBe(1);
    expect(points[1]!.commitRate).toBeLessThan(1);

    const cancelled = session.batch(scenario, [1, 2, 3, 4, 5, 6], 3, (done) => done === 2 && session.cancel(3));
    expect((await cancelled).length).toBe(2);
  });

  it('sets nested sweep paths without touching the original and refuses prototype keys', () => {
    const scenario = preset('happy-path').scenario;
    expect(setPath(scenario, 'network.drop', 0.1)).toMatchObject({ network: { drop: 0.1 } });
    expect(scenario.network).toBeUndefined();
    expect(() => setPath(scenario, '__proto__.x', 1)).toThrow(/not a scenario field path/);
  });
});

describe('SimSession.coreTrace', () => {
  it('gives the whole core trace of the run, as runScenario has it, even when the stream aggregates', () => {
    const scenario = { v: 1, seed: 3, protocol: 'resonance', n: 205, rounds: 1, maxTicks: 30 } as const;
    const session = new SimSession();
    expect(session.load(scenario, 1).ok).toBe(true);
    let streamed = 0;
    let batch;
    do {
      batch = session.advance(1, Infinity);
      streamed += batch.events.length;
    } while (!batch.done);
    const reply = session.coreTrace(1);
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    const expected = runScenario(scenario).trace;
    expect(reply.events).toEqual(expected);
    // The stream folds the messages the core trace records one by one or as broadcasts.
    expect(streamed).toBeLessThan(withBroadcastsExpanded(expected as SimEvent[]).length);
  });

  it('refuses a run of another epoch', () => {
    const session = new SimSession();
    session.load(preset('happy-path').scenario, 2);
    expect(() => session.coreTrace(1)).toThrow();
  });
});

describe('SimSession.ahead', () => {
  it('answers with the first ticks long before the run ends, and never claims a tick it has not handed out', () => {
    const scenario = preset('partition-heal').scenario;
    const whole = runScenario(scenario);
    const expected = withBroadcastsExpanded(whole.trace as SimEvent[]);
    const session = new SimSession();
    session.load(scenario, 4);
    const events: SimEvent[] = [];
    const frontiers: number[] = [];
    let batch;
    do {
      // A wall budget of 0 ms: each call simulates one tick, as a busy worker would.
      batch = session.ahead(4, 2_000, 0);
      events.push(...(batch.events as SimEvent[]));
      frontiers.push(batch.frontier);
      // Every event at or before the frontier is already in the page's hands.
      const frontier = batch.frontier;
      if (!batch.done) expect(expected.slice(events.length).every((event) => event.t > frontier)).toBe(true);
    } while (!batch.done);
    expect(frontiers.length).toBeGreaterThan(10);
    expect(frontiers).toEqual([...frontiers].sort((a, b) => a - b));
    expect(frontiers.at(-1)).toBe(events.at(-1)!.t);
    expect(events).toEqual(expected);
    expect(batch.traceHash).toBe(whole.summary.traceHash);
  });

  it('answers its first call with the first tick that has events, however much time it is given', () => {
    const scenario = preset('partition-heal').scenario;
    const expected = withBroadcastsExpanded(runScenario(scenario).trace as SimEvent[]);
    const session = new SimSession();
    session.load(scenario, 5);
    const first = session.ahead(5, 1e9, 60_000);
    const firstTick = expected[0]!.t;
    expect(first.events).toEqual(expected.filter((event) => event.t === firstTick));
    expect(first.frontier).toBe(firstTick);
    // Then it simulates ahead as usual: more than one tick per call.
    const second = session.ahead(5, 1e9, 60_000);
    expect(new Set(second.events.map((event) => event.t)).size).toBeGreaterThan(1);
  });
});

describe('checkpointPlan', () => {
  it('keeps every checkpoint for small runs and few, far apart, for 1000 agents', () => {
    expect(checkpointPlan('resonance', 7)).toEqual({ max: checkpointsMax, intervalTicks: checkpointEveryTicks });
    expect(checkpointPlan('council', 1000)).toEqual({ max: checkpointsMax, intervalTicks: checkpointEveryTicks });
    expect(checkpointPlan('resonance', 1000)).toEqual({ max: 2, intervalTicks: 12 * checkpointEveryTicks });
    const half = checkpointPlan('resonance', 500);
    expect(half.max).toBeGreaterThan(2);
    expect(half.max).toBeLessThan(checkpointsMax);
  });

  it('holds the estimated snapshots of a run within the budget', () => {
    for (const n of [50, 200, 300, 500, 700]) {
      const { max } = checkpointPlan('resonance', n);
      if (max > 2) expect(max * 270 * n * n).toBeLessThanOrEqual(checkpointBudgetBytes);
    }
  });
});
