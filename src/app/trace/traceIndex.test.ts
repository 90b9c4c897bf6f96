import { describe, expect, it } from 'vitest';
import { preset } from '../../core/sim/presets';
import { runScenario } from '../../core/sim/runScenario';
import type { SimEvent, StreamEvent } from '../../worker/api';
import { TraceIndex, type TraceSection } from './traceIndex';

const trace = runScenario(preset('crash-leader').scenario).trace as SimEvent[];

/** A section that records every event it reads, to compare built-at-once with built-per-batch. */
const recorder: TraceSection<StreamEvent[]> = {
  name: 'recorder',
  create: () => [],
  read: (seen, event) => void seen.push(event),
};

function inBatches(events: readonly StreamEvent[], size: number, touchSectionAt = 1): TraceIndex {
  let index = TraceIndex.of();
  for (let from = 0, batch = 0; from < events.length; from += size, batch++) {
    index = index.extend(events.slice(from, from + size));
    if (batch === touchSectionAt) index.section(recorder);
  }
  return index;
}

describe('TraceIndex', () => {
  it('extended batch by batch answers as the index of the whole trace', () => {
    const whole = TraceIndex.of(trace);
    const grown = inBatches(trace, 97);
    expect(grown.length).toBe(trace.length);
    expect(grown.lastTick).toBe(whole.lastTick);
    for (const tick of [0, 1, 5, 17, 40, 41, 42, 100, whole.lastTick, Infinity]) {
      expect(grown.end(tick)).toBe(whole.end(tick));
      expect(grown.end(tick)).toBe(trace.filter((event) => event.t <= tick).length);
      expect(grown.countOf('committed', tick)).toBe(trace.filter((e) => e.kind === 'committed' && e.t <= tick).length);
      expect(grown.lastOf('viewChanged', tick)).toEqual(trace.filter((e) => e.kind === 'viewChanged' && e.t <= tick).at(-1) ?? null);
      expect(grown.after(tick)).toEqual(trace.find((event) => event.t > tick) ?? null);
    }
  });

  it('builds a section on first use and extends it with every later batch, in trace order', () => {
    expect(inBatches(trace, 50, 3).section(recorder)).toEqual(trace);
    expect(TraceIndex.of(trace).section(recorder)).toEqual(trace);
  });

  it('picks several kinds out in trace order', () => {
    const kinds = ['committed', 'viewChanged', 'roundProposed'] as const;
    const picked = inBatches(trace, 64).ofKinds(kinds);
    expect(picked).toEqual(trace.filter((event) => (kinds as readonly string[]).includes(event.kind)));
    expect(TraceIndex.of().ofKinds(kinds)).toEqual([]);
    expect(TraceIndex.of(trace).kindUpTo('committed', 0)).toEqual([]);
  });

  it('gives a new value per batch, keeps the older ones right for their events, and extends only the newest', () => {
    const first = TraceIndex.of(trace.slice(0, 100));
    const second = first.extend(trace.slice(100));
    expect(second).not.toBe(first);
    expect(first.length).toBe(100);
    expect(first.ofKinds(['committed']).length).toBe(trace.slice(0, 100).filter((e) => e.kind === 'committed').length);
    expect(() => first.extend(trace.slice(0, 1))).toThrow(/newest/);
    expect(second.extend([])).toBe(second);
  });

  it('ends a prefix inside a tick: every query answers as a trace cut there', () => {
    const whole = TraceIndex.of(trace);
    const tick = trace[trace.findIndex((e) => e.kind === 'committed')]!.t;
    const start = whole.end(tick - 1);
    const end = whole.end(tick);
    expect(end - start).toBeGreaterThan(2);
    for (let length = start; length <= end; length++) {
      const shown = whole.prefix(length);
      const cut = TraceIndex.of(trace.slice(0, length));
      expect(shown.length).toBe(length);
      expect(shown.end(tick)).toBe(length);
      expect(shown.after(tick - 1)).toEqual(cut.after(tick - 1));
      expect(shown.countOf('committed', tick)).toBe(cut.countOf('committed', tick));
      expect(shown.kindUpTo('committed', Infinity)).toEqual(cut.kindUpTo('committed', Infinity));
      expect(shown.lastOf('committed', tick)).toEqual(cut.lastOf('committed', tick));
      expect(shown.firstOf('committed')).toEqual(cut.firstOf('committed'));
      expect(shown.ofKinds(['committed', 'voteCast'])).toEqual(cut.ofKinds(['committed', 'voteCast']));
      expect(shown.upTo(Infinity)).toEqual(trace.slice(0, length));
    }
    expect(whole.prefix(whole.length)).toBe(whole);
    expect(whole.prefix(whole.length + 5)).toBe(whole);
    expect(whole.prefix(-1).length).toBe(0);
    expect(() => whole.prefix(3).extend(trace.slice(3, 4))).toThrow(/newest/);
  });

  it('gives the same prefix object for the same length, from any later index of the run', () => {
    const first = TraceIndex.of(trace.slice(0, 100));
    const shown = first.prefix(60);
    const later = first.extend(trace.slice(100, 200));
    // A batch arriving past the cursor leaves the cursor's index as it was: panels memoised on
    // it are not redrawn.
    expect(later.prefix(60)).toBe(shown);
    expect(later.extend(trace.slice(200)).prefix(60)).toBe(shown);
    expect(later.prefix(61)).not.toBe(shown);
    expect(later.prefix(61).length).toBe(61);
    expect(later.prefix(60)).not.toBe(shown);
    expect(later.prefix(60).upTo(Infinity)).toEqual(trace.slice(0, 60));
  });

  it('tells a section each event\'s position, so a section read by position stops where the index does', () => {
    const positions: TraceSection<number[]> = {
      name: 'positions',
      create: () => [],
      read: (seen, _event, position) => void seen.push(position),
    };
    const index = inBatches(trace, 41);
    expect(index.section(positions)).toEqual(trace.map((_, position) => position));
    const shown = index.prefix(50);
    expect(shown.countUpTo(index.section(positions), Infinity)).toBe(50);
    expect(shown.countUpTo(index.section(positions), trace[10]!.t)).toBe(index.end(trace[10]!.t));
  });
});
