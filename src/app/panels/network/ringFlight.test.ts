import { describe, expect, it } from 'vitest';
import { preset, type PresetName } from '../../../core/sim/presets';
import { runScenario } from '../../../core/sim/runScenario';
import { withBroadcastsExpanded } from '../../../core/sim/engine/broadcastCopies';
import type { SimEvent } from '../../../worker/api';
import { TraceIndex } from '../../trace/traceIndex';
import { flightTick, placeDot, placeFlight, placeMessage, ringFlight, ringMessages } from './ringFlight';
import { ringStatic } from './ringLayout';

function run(name: PresetName) {
  const scenario = preset(name).scenario;
  const events = withBroadcastsExpanded(runScenario(scenario).trace as SimEvent[]);
  const trace = TraceIndex.of(events);
  const ring = ringStatic({ scenario, trace, tick: 0, width: 560, height: 560 });
  return { scenario, events, trace, ring };
}

describe('ringFlight', () => {
  // The panel computes the drawn set once per half tick and moves the dots every frame: that is
  // exact only if nothing joins or leaves the set inside a half tick.
  for (const name of ['partition-heal', 'crash-leader'] as const) {
    it(`draws the same messages, with the same counts, anywhere inside a half tick (${name})`, () => {
      const { scenario, events, trace, ring } = run(name);
      const input = { scenario, trace, width: 560, height: 560 };
      const endTick = Math.min(events.at(-1)!.t, 160);
      for (let tick = 0; tick <= endTick; tick += 0.125) {
        const exact = ringMessages({ ...input, tick }, ring);
        const perHalfTick = placeFlight(ringFlight({ ...input, tick: flightTick(tick) }, ring), tick, ring, true);
        expect(perHalfTick, `tick ${tick}`).toEqual(exact);
      }
    });
  }

  it('places a dot into the caller\'s object, as placeMessage does', () => {
    const { scenario, trace, ring } = run('partition-heal');
    const flight = ringFlight({ scenario, trace, tick: 41.5, width: 560, height: 560 }, ring);
    expect(flight.drawn.length).toBeGreaterThan(0);
    const out = { x: 0, y: 0, fraction: 0, opacity: 1 };
    for (const message of flight.drawn) {
      for (const travel of [true, false]) {
        const placed = placeMessage(message, 41.8, ring, travel);
        expect(placeDot(message, 41.8, ring, travel, out)).toBe(out);
        expect(out).toEqual({ x: placed.x, y: placed.y, fraction: placed.fraction, opacity: placed.opacity });
      }
    }
  });

  it('takes the half tick a frame falls in', () => {
    expect([0, 0.49, 0.5, 0.99, 1, 41.7].map(flightTick)).toEqual([0, 0, 0.5, 0.5, 1, 41.5]);
  });
});
