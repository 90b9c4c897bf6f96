import { describe, expect, it } from 'vitest';
import { preset } from '../presets';
import { runScenario } from '../runScenario';
import type { Scenario } from '../scenario';
import { withBroadcastsExpanded } from './broadcastCopies';
import type { SimEvent } from './traceEvents';

const hashOf = (scenario: Scenario) => runScenario(scenario).summary.traceHash;

/**
 * One line per event, for golden files a reviewer can read and diff. Broadcasts are written
 * as their per-message copies: the goldens predate `messageBroadcast`, so they also prove that
 * recording a broadcast as one event changed nothing about which messages went where.
 */
function goldenLines(trace: readonly unknown[]): string {
  return withBroadcastsExpanded(trace as SimEvent[]).map((event) => JSON.stringify(event)).join('\n') + '\n';
}

describe('ResonanceEngine', () => {
  it('gives the same trace hash for the same scenario', () => {
    const scenario = preset('byzantine-tamper').scenario;
    expect(hashOf(scenario)).toBe(hashOf(scenario));
  });

  it('gives a different trace hash for a different seed', () => {
    const scenario = preset('happy-path').scenario;
    expect(hashOf({ ...scenario, seed: scenario.seed + 1 })).not.toBe(hashOf(scenario));
  });

  it('matches the golden trace of happy-path', async () => {
    const { trace } = runScenario({ ...preset('happy-path').scenario, rounds: 1 });
    await expect(goldenLines(trace)).toMatchFileSnapshot('__golden__/happy-path.r1.trace');
  });

  it('matches the golden trace of crash-leader', async () => {
    const { trace } = runScenario({ ...preset('crash-leader').scenario, rounds: 1 });
    await expect(goldenLines(trace)).toMatchFileSnapshot('__golden__/crash-leader.r1.trace');
  });

  it('records every message with its send and delivery ticks', () => {
    const { trace } = runScenario({ ...preset('silent-two').scenario, rounds: 1 });
    const sent = withBroadcastsExpanded(trace as SimEvent[]).filter((event) => event.kind === 'messageSent');
    expect(sent.length).toBeGreaterThan(0);
    for (const event of sent) {
      if (event.kind !== 'messageSent') continue;
      if (event.deliverAt !== null) expect(event.deliverAt).toBeGreaterThan(event.t);
      else expect(event.lost).toBeDefined();
    }
  });

  it('drops every message across an active partition and none after it heals', () => {
    const { trace } = runScenario({ ...preset('partition-heal').scenario, rounds: 1 });
    const sides = (agent: number) => (agent <= 3 ? 0 : 1);
    for (const event of withBroadcastsExpanded(trace as SimEvent[])) {
      if (event.kind !== 'messageSent' || sides(event.from) === sides(event.to)) continue;
      expect(event.lost === 'partition').toBe(event.t < 200);
    }
  });

  it('garbles a garbler\'s messages and the receivers reject them', () => {
    const scenario: Scenario = { ...preset('happy-path').scenario, rounds: 2, faults: [{ kind: 'garble', agents: [3], rate: 1 }] };
    const { trace, summary } = runScenario(scenario);
    const garbled = withBroadcastsExpanded(trace as SimEvent[]).filter((event) => event.kind === 'messageSent' && event.garbled);
    expect(garbled.length).toBeGreaterThan(0);
    expect(garbled.every((event) => event.kind === 'messageSent' && event.from === 3)).toBe(true);
    expect(summary.rounds.every((round) => round.status === 'committed')).toBe(true);
  });

  it('rejects an impersonator\'s records and still commits', () => {
    const scenario: Scenario = { ...preset('happy-path').scenario, rounds: 2, faults: [{ kind: 'impersonate', agents: [2], victim: 4 }] };
    const { trace, summary } = runScenario(scenario);
    const rejected = (trace as SimEvent[]).filter((event) => event.kind === 'messageRejected' && /does not match/.test(event.reason));
    expect(rejected.length).toBeGreaterThan(0);
    expect(summary.invariants.every((inv) => inv.ok)).toBe(true);
  });

  it('survives a forging leader: honest replicas refuse its values and change view', () => {
    const scenario: Scenario = { ...preset('happy-path').scenario, rounds: 2, faults: [{ kind: 'forge', agents: [0] }] };
    const { summary } = runScenario(scenario);
    expect(summary.viewChanges).toBeGreaterThan(0);
    expect(summary.rounds.every((round) => round.status === 'committed' && round.winner !== 'a0')).toBe(true);
    expect(summary.invariants.every((inv) => inv.ok)).toBe(true);
  });

  it('replays manual actions: a crashed leader forces a view change', () => {
    const scenario: Scenario = { ...preset('happy-path').scenario, rounds: 2, actions: [{ tick: 0, do: 'crash', agent: 0 }] };
    expect(runScenario(scenario).summary.viewChanges).toBeGreaterThan(0);
  });
});
