import { describe, expect, it } from 'vitest';
import { preset } from '../../core/sim/presets';
import { runScenario } from '../../core/sim/runScenario';
import type { StreamEvent, WorkerApi } from '../../worker/api';
import { createWorkerApi } from '../../worker/workerApi';
import type { RemoteApi, WorkerCaller } from '../bridge/WorkerBridge';
import { LabClient } from './labClient';

/** The page's bridge, minus the worker: the worker's real API, called in-process. */
function fakeBridge(change?: (api: WorkerApi) => WorkerApi): WorkerCaller & { calls: string[] } {
  const real = createWorkerApi();
  const api = change ? change(real) : real;
  const calls: string[] = [];
  const recording = new Proxy(api, {
    get(target, name: string) {
      calls.push(name);
      return target[name as keyof WorkerApi];
    },
  });
  return {
    calls,
    call: async (invoke) => invoke(recording as unknown as RemoteApi),
  };
}

function collect(client: LabClient, scenario = preset('byzantine-tamper').scenario, epoch = 1) {
  const events: StreamEvent[] = [];
  const frontiers: number[] = [];
  let resolvedRounds = 0;
  const run = client.simulate(scenario, epoch, {
    isCurrent: () => true,
    onLoaded: (resolved) => (resolvedRounds = resolved.rounds),
    onEvents(batch, frontier) {
      events.push(...batch);
      frontiers.push(frontier);
    },
  });
  return { run, events, frontiers, rounds: () => resolvedRounds };
}

describe('LabClient', () => {
  it('streams a run batch by batch, hands over the defaulted scenario, and checks its hash against the run', async () => {
    const scenario = preset('byzantine-tamper').scenario;
    const { run, events, frontiers, rounds } = collect(new LabClient(fakeBridge()), scenario);
    const done = await run;
    const direct = runScenario(scenario);
    expect(done?.summary.traceHash).toBe(direct.summary.traceHash);
    expect(done?.resolved.rounds).toBe(5);
    expect(rounds()).toBe(5);
    expect(done?.endTick).toBe(events.at(-1)?.t);
    // The frontier never goes back, and never claims a tick beyond the events handed over.
    expect(frontiers).toEqual([...frontiers].sort((a, b) => a - b));
    expect(frontiers.at(-1)).toBe(done?.endTick);
    expect(events.length).toBeGreaterThan(0);
  });

  it('asks the worker for the next batch before the page reads the one that arrived', async () => {
    const bridge = fakeBridge();
    const asked = () => bridge.calls.filter((name) => name === 'ahead').length;
    const aheadOfPage: number[] = [];
    const scenario = { ...preset('byzantine-tamper').scenario, n: 40, rounds: 2 };
    await new LabClient(bridge).simulate(scenario, 1, {
      isCurrent: () => true,
      onEvents: () => void aheadOfPage.push(asked() - aheadOfPage.length - 1),
    });
    // While the page read each batch but the last, the worker was already simulating the next.
    expect(aheadOfPage.length).toBeGreaterThan(1);
    expect(aheadOfPage.slice(0, -1).every((count) => count === 1)).toBe(true);
    expect(aheadOfPage.at(-1)).toBe(0);
  });

  it('stops and resolves null once the run is replaced', async () => {
    const client = new LabClient(fakeBridge());
    let current = true;
    let batches = 0;
    const done = await client.simulate(preset('hk-classic').scenario, 1, {
      isCurrent: () => current,
      onEvents() {
        batches += 1;
        current = false;
      },
    });
    expect(done).toBeNull();
    expect(batches).toBe(1);
  });

  it('rejects with the validator\'s message when the worker refuses the scenario', async () => {
    const client = new LabClient(fakeBridge());
    const bad = { ...preset('happy-path').scenario, n: 0 };
    await expect(collect(client, bad).run).rejects.toThrow(/n/);
  });

  it('fails the determinism check when the streamed trace and the run disagree', async () => {
    const client = new LabClient(
      fakeBridge((api) => ({
        ...api,
        result(epoch) {
          const result = api.result(epoch);
          return { ...result, summary: { ...result.summary, traceHash: 'sha256:0000' } };
        },
      })),
    );
    await expect(collect(client).run).rejects.toThrow(/Determinism check failed/);
  });

  it('validates, encodes and decodes links, and answers the inspector, through the worker API', async () => {
    const bridge = fakeBridge();
    const client = new LabClient(bridge);
    const scenario = preset('crash-leader').scenario;
    const fragment = await client.encodeLink(scenario);
    expect(fragment).toMatch(/^#s=1\./);
    expect(await client.decodeLink(fragment)).toEqual({ ok: true, value: scenario, preset: 'crash-leader' });
    expect(await client.decodeLink('#s=1.@@@')).toMatchObject({ ok: false });
    expect(await client.validate({ v: 1 })).toMatchObject({ ok: false });
    expect((await client.presets()).map((entry) => entry.name)).toContain('crash-leader');
    await collect(client, scenario, 7).run;
    const card = await client.inspectAgent(7, 3, 1);
    expect(card).toMatchObject({ epoch: 7, tick: 3, agent: 1 });
    const core = await client.coreTrace(7);
    expect(core.ok && core.events.length).toBe(runScenario(scenario).trace.length);
    expect(await client.coreTrace(8)).toMatchObject({ ok: false });
    expect(bridge.calls).toEqual(expect.arrayContaining(['load', 'ahead', 'result', 'inspectAgent', 'coreTrace']));
  });

  it('forks a scenario and carries the pair as a #c= link, through the worker API', async () => {
    const client = new LabClient(fakeBridge());
    const base = preset('happy-path').scenario;
    const fork = await client.fork(base, 12, { kind: 'crash', agent: 0 });
    expect(fork.ok && fork.value.caption).toBe('a0 crashes at tick 12');
    expect(fork.ok && fork.value.fork.actions).toEqual([{ tick: 12, do: 'crash', agent: 0 }]);
    expect(await client.fork(base, 12, { kind: 'crash', agent: 9 })).toEqual({
      ok: false, message: 'change.agent: agent 9 does not exist (n = 7)',
    });
    const comparison = { v: 1 as const, base, at: 12, change: { kind: 'crash' as const, agent: 0 } };
    const link = await client.encodeCompareLink(comparison);
    expect(link).toMatch(/^#c=1\./);
    const opened = await client.decodeCompareLink(link);
    expect(opened.ok && opened.value.comparison).toEqual(comparison);
    expect(await client.decodeCompareLink('#c=1.@@@')).toMatchObject({ ok: false, message: expect.stringMatching(/^link: /) });
  });
});
