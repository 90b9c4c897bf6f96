import { describe, expect, it } from 'vitest';
import { preset, type PresetName } from '../../../core/sim/presets';
import { runScenario } from '../../../core/sim/runScenario';
import { TraceStream } from '../../../worker/traceStream';
import type { SimEvent, StreamEvent } from '../../../worker/api';
import { buildQuorumIndex, proposalAt, rejectedIdsAt } from './quorumIndex';
import { quorumAt } from './quorumState';
import { TraceIndex } from '../../trace/traceIndex';

function run(name: PresetName) {
  const scenario = preset(name).scenario;
  return { scenario, trace: runScenario(scenario).trace as SimEvent[] };
}

function aggregated(trace: readonly SimEvent[]): StreamEvent[] {
  const stream = new TraceStream(true);
  const out: StreamEvent[] = [];
  while (!stream.drained(trace)) out.push(...stream.take(trace, 10_000));
  return out;
}

describe('quorumIndex', () => {
  it('finds the latest proposal at a tick by binary search, and none before the first', () => {
    const { trace } = run('crash-leader');
    const index = buildQuorumIndex(trace);
    const positions = TraceIndex.of(trace);
    const proposals = trace.filter((event) => event.kind === 'roundProposed');
    expect(index.proposals).toEqual(proposals);
    expect(proposalAt(index, positions.end(proposals[0]!.t - 1))).toBeNull();
    const last = proposals.at(-1)!;
    expect(proposalAt(index, positions.end(last.t))?.proposal).toBe(last);
    // Within a tick: the proposal counts from its own position on, not from its tick's start.
    const lastAt = trace.indexOf(last);
    expect(proposalAt(index, lastAt)?.proposal).not.toBe(last);
    expect(proposalAt(index, lastAt + 1)?.proposal).toBe(last);
  });

  it('keeps only the leader\'s own round events for each proposal', () => {
    const { trace } = run('happy-path');
    const index = buildQuorumIndex(trace);
    index.roundEvents.forEach((events, i) => {
      const { agent: leader } = index.proposals[i]!;
      for (const event of events) {
        expect(event.kind === 'messageSent' ? event.to : event.agent).toBe(leader);
      }
    });
  });

  it('lists the messages the leader rejected up to the tick', () => {
    const { trace } = run('byzantine-tamper');
    const index = buildQuorumIndex(trace);
    const rejected = trace.filter((event) => event.kind === 'messageRejected');
    const end = trace.length;
    const agents = new Set(rejected.map((event) => event.agent));
    for (const agent of agents) {
      const ids = rejected.filter((event) => event.agent === agent).map((event) => event.id);
      expect([...rejectedIdsAt(index, agent, end)]).toEqual(ids);
    }
    expect(rejectedIdsAt(index, 0, 0).size).toBe(0);
  });

  it('gives the quorum panel the same picture from the aggregated stream at every tick', () => {
    for (const name of ['silent-two', 'byzantine-tamper', 'crash-leader'] as const) {
      const { scenario, trace } = run(name);
      const stream = aggregated(trace);
      for (let tick = 0; tick <= trace.at(-1)!.t; tick++) {
        expect(quorumAt(scenario, TraceIndex.of(stream), tick), `${name} at tick ${tick}`).toEqual(quorumAt(scenario, TraceIndex.of(trace), tick));
      }
    }
  });
});
