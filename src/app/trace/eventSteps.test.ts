import { describe, expect, it } from 'vitest';
import { preset, type PresetName } from '../../core/sim/presets';
import { runScenario } from '../../core/sim/runScenario';
import type { Scenario, SimEvent, StreamEvent } from '../../worker/api';
import { TraceStream } from '../../worker/traceStream';
import { eventLogRows } from '../panels/eventLog/eventLogRows';
import { eventCategories } from '../panels/eventLog/narrate';
import { ringLayout } from '../panels/network/ringLayout';
import { deliberationsUpTo } from '../panels/opinion/opinionLayout';
import { quorumAt } from '../panels/quorum/quorumState';
import { roundRows } from '../panels/timeline/timelineRows';
import { currentNarration, steppedNarration } from './currentNarration';
import { cursorStatus } from './cursorStatus';
import { nextStop, previousStop, startsStep, stepEvent, stepPlace, tickStops } from './eventSteps';
import { TraceIndex } from './traceIndex';

/** A preset's trace as the page receives it (broadcasts as their copies). */
function pageRun(name: PresetName): { scenario: Scenario; events: StreamEvent[] } {
  const scenario = preset(name).scenario;
  const core = runScenario(scenario).trace as SimEvent[];
  const stream = new TraceStream(false);
  const events: StreamEvent[] = [];
  while (!stream.drained(core)) events.push(...stream.take(core, 10_000));
  return { scenario, events };
}

/** Every stop from the start of the trace to its end, stepping forward. */
function stepsForward(trace: TraceIndex): number[] {
  const stops = [0];
  for (let stop = nextStop(trace, 0); stop !== null; stop = nextStop(trace, stop)) stops.push(stop);
  return stops;
}

const tamper = pageRun('byzantine-tamper');
const tamperTrace = TraceIndex.of(tamper.events);

describe('eventSteps', () => {
  it('steps event by event: each step holds one narrated event and stays inside one tick', () => {
    const { events } = tamper;
    const stops = stepsForward(tamperTrace);
    expect(stops.at(-1)).toBe(events.length);
    for (let i = 1; i < stops.length; i++) {
      const step = events.slice(stops[i - 1], stops[i]);
      expect(step.length).toBeGreaterThan(0);
      expect(new Set(step.map((event) => event.t)).size, `step ${i}`).toBe(1);
      expect(step.filter(startsStep).length, `step ${i}`).toBeLessThanOrEqual(1);
    }
    // Every narrated event gets a step of its own: as many steps as narrated events, plus
    // the ticks that hold traffic only.
    const narrated = events.filter(startsStep).length;
    expect(stops.length - 1).toBeGreaterThanOrEqual(narrated);
    expect(narrated).toBeGreaterThan(new Set(events.map((event) => event.t)).size);
  });

  it('stops inside a tick that holds a resolution, and tells the resolution at its step', () => {
    const resolved = tamper.events.findIndex((event) => event.kind === 'roundResolved');
    const tick = tamper.events[resolved]!.t;
    const stops = tickStops(tamperTrace, tick);
    expect(stops.length).toBeGreaterThan(2);
    expect(stops.at(-1)).toBe(tamperTrace.end(tick));
    const first = stops[0]!;
    expect(stepEvent(tamperTrace, first)).toBe(resolved);
    expect(stepPlace(tamperTrace, first)).toEqual({ step: 1, steps: stops.length });
    expect(stepPlace(tamperTrace, stops[1]!)).toEqual({ step: 2, steps: stops.length });
    expect(steppedNarration(tamperTrace.prefix(first))?.text).toContain('The seals of a1, a2 do not match');
    // The next step tells its own event, not the tick's weightiest.
    const second = steppedNarration(tamperTrace.prefix(stops[1]!))!;
    expect(second.tick).toBe(tick);
    expect(second.text).not.toContain('resolves round 1');
  });

  it('back undoes the steps in the reverse order, down to nothing shown', () => {
    const stops = stepsForward(tamperTrace);
    const backward = [stops.at(-1)!];
    for (let stop = stops.at(-1)!; stop > 0; ) {
      stop = previousStop(tamperTrace, stop);
      backward.push(stop);
    }
    expect(backward).toEqual([...stops].reverse());
    expect(previousStop(tamperTrace, 0)).toBe(0);
    expect(nextStop(tamperTrace, tamperTrace.length)).toBeNull();
  });

  it('from a whole tick, steps into the next tick and back to the tick it came from', () => {
    const tick = tamper.events.find((event) => event.kind === 'roundResolved')!.t;
    const whole = tamperTrace.end(tick - 1);
    const next = nextStop(tamperTrace, whole)!;
    expect(tamper.events[next - 1]!.t).toBe(tick);
    expect(next).toBeLessThan(tamperTrace.end(tick));
    expect(previousStop(tamperTrace, next)).toBe(whole);
  });

  it('has one step for a tick of traffic only, and none for an empty trace', () => {
    const events: StreamEvent[] = [
      { t: 0, kind: 'agentCrashed', agent: 4 },
      { t: 2, kind: 'messageSent', id: 1, from: 0, to: 3, type: 'R', roundNo: 1, view: 0, deliverAt: 4 },
      { t: 2, kind: 'messageSent', id: 2, from: 0, to: 2, type: 'R', roundNo: 1, view: 0, deliverAt: 4 },
    ];
    const trace = TraceIndex.of(events);
    expect(tickStops(trace, 2)).toEqual([3]);
    expect(stepEvent(trace, 3)).toBeNull();
    expect(stepEvent(trace, 1)).toBe(0);
    expect(tickStops(TraceIndex.of(), 0)).toEqual([]);
    expect(nextStop(TraceIndex.of(), 0)).toBeNull();
    expect(stepPlace(TraceIndex.of(), 0)).toBeNull();
  });
});

describe('panels at a stop inside a tick', () => {
  // What "the state after exactly the events up to the cursor" means: a trace that ends there.
  for (const name of ['byzantine-tamper', 'crash-leader'] as const) {
    it(`draw what a trace ending at that event draws (${name})`, () => {
      const { scenario, events } = pageRun(name);
      const whole = TraceIndex.of(events);
      const filter = { agent: null, categories: new Set(eventCategories), showMessages: true };
      const stops = stepsForward(whole).filter((stop, i) => i % 3 === 1 && stop < events.length);
      for (const stop of stops.slice(0, 60)) {
        const shown = whole.prefix(stop);
        const cut = TraceIndex.of(events.slice(0, stop));
        const tick = events[stop - 1]!.t;
        const label = `${name} after ${stop} events (tick ${tick})`;
        expect(shown.length, label).toBe(stop);
        expect(quorumAt(scenario, shown, tick), label).toEqual(quorumAt(scenario, cut, tick));
        const size = { width: 400, height: 400 };
        expect(ringLayout({ scenario, trace: shown, tick, ...size }), label).toEqual(
          ringLayout({ scenario, trace: cut, tick, ...size }),
        );
        expect(cursorStatus(scenario, shown, tick, false), label).toEqual(cursorStatus(scenario, cut, tick, false));
        expect(eventLogRows(shown, tick, filter), label).toEqual(eventLogRows(cut, tick, filter));
        expect(roundRows(shown, tick, false, 5), label).toEqual(roundRows(cut, tick, false, 5));
        expect(deliberationsUpTo(shown, tick), label).toEqual(deliberationsUpTo(cut, tick));
        expect(currentNarration(shown, tick), label).toEqual(currentNarration(cut, tick));
        expect(shown.countOf('voteCast', tick), label).toBe(cut.countOf('voteCast', tick));
        expect(shown.lastOf('committed', Infinity), label).toEqual(cut.lastOf('committed', Infinity));
        expect(shown.firstOf('committed'), label).toEqual(cut.firstOf('committed'));
      }
    });
  }
});
