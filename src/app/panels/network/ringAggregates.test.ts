import { describe, expect, it } from 'vitest';
import { preset, type PresetName } from '../../../core/sim/presets';
import { runScenario } from '../../../core/sim/runScenario';
import { withBroadcastsExpanded } from '../../../core/sim/engine/broadcastCopies';
import { TraceStream } from '../../../worker/traceStream';
import type { SimEvent, StreamEvent } from '../../../worker/api';
import { ringMessages, ringStatic } from './ringLayout';
import { TraceIndex } from '../../trace/traceIndex';

/** A small run and the same run as the large-n stream would deliver it (messages aggregated). */
function both(name: PresetName) {
  const scenario = preset(name).scenario;
  const core = runScenario(scenario).trace as SimEvent[];
  const stream = new TraceStream(true);
  const aggregated: StreamEvent[] = [];
  while (!stream.drained(core)) aggregated.push(...stream.take(core, 10_000));
  // The small-n stream: every message one by one, broadcasts as their copies.
  return { scenario, full: withBroadcastsExpanded(core), aggregated };
}

function flightAt(scenario: ReturnType<typeof both>['scenario'], events: readonly StreamEvent[], tick: number) {
  const input = { scenario, trace: TraceIndex.of(events), tick, width: 560, height: 560 };
  return ringMessages(input, ringStatic(input));
}

describe('ringMessages over an aggregated stream', () => {
  it('counts the same messages in flight, by type, as the full trace at every half tick', () => {
    const { scenario, full, aggregated } = both('partition-heal');
    const endTick = full.at(-1)!.t;
    for (let tick = 0; tick <= endTick; tick += 0.5) {
      const whole = flightAt(scenario, full, tick);
      const folded = flightAt(scenario, aggregated, tick);
      expect(folded.activeCount, `tick ${tick}`).toBe(whole.activeCount);
      expect(folded.countsByKey, `tick ${tick}`).toEqual(whole.countsByKey);
    }
  });

  it('draws only sampled and kept messages, and counts the rest as aggregated', () => {
    const { scenario, aggregated } = both('happy-path');
    const busiest = aggregated.reduce((best, event) =>
      event.kind === 'messagesAggregated' && (best.kind !== 'messagesAggregated' || event.count > best.count) ? event : best,
    );
    const flight = flightAt(scenario, aggregated, busiest.t + 0.5);
    expect(flight.messages.length).toBeGreaterThan(0);
    expect(flight.messages.length + flight.aggregatedCount).toBe(flight.activeCount);
  });
});
