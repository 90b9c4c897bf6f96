import { describe, expect, it } from 'vitest';
import type { Scenario, SimEvent } from '../../worker/api';
import { canonicalText } from './canonicalText';
import { parseImport } from './parseImport';
import { fileStem, firstTraceDifference, scenarioFileText, traceFileText } from './traceFile';

const scenario = { v: 1, seed: 3, protocol: 'resonance', n: 4, name: 'Crash the leader!' } as Scenario;
const events: SimEvent[] = [
  { t: 0, kind: 'agentCrashed', agent: 0 },
  { t: 2, kind: 'agentRestarted', agent: 0 },
];

describe('canonicalText', () => {
  it('sorts keys at every level, whatever order they were written in', () => {
    expect(canonicalText({ b: 1, a: { d: [{ z: 1, y: 2 }], c: 2 } })).toBe('{"a":{"c":2,"d":[{"y":2,"z":1}]},"b":1}');
  });

  it('keeps a "__proto__" key as data instead of turning it into a prototype', () => {
    const parsed: unknown = JSON.parse('{"__proto__":{"x":1}}');
    expect(canonicalText(parsed)).toBe('{"__proto__":{"x":1}}');
  });
});

describe('trace and scenario files', () => {
  it('writes a scenario with sorted keys, indented', () => {
    expect(scenarioFileText(scenario)).toBe(
      '{\n  "n": 4,\n  "name": "Crash the leader!",\n  "protocol": "resonance",\n  "seed": 3,\n  "v": 1\n}\n',
    );
  });

  it('writes a trace that reads back as the same scenario, hash and events', () => {
    const written = traceFileText(scenario, 'c'.repeat(64), events);
    expect(written.split('\n').filter((line) => line.includes('"kind"'))).toHaveLength(2);
    const read = parseImport(written);
    expect(read.ok && read.value.kind === 'trace' && read.value.trace).toEqual({
      format: 'bft-lab-trace', v: 1, scenario, traceHash: 'c'.repeat(64), events,
    });
  });

  it('writes an empty trace as valid JSON', () => {
    expect(JSON.parse(traceFileText(scenario, 'c'.repeat(64), [])).events).toEqual([]);
  });

  it('makes a file stem from a scenario name', () => {
    expect(fileStem('Crash the leader! (tampered)')).toBe('crash-the-leader-tampered');
    expect(fileStem('***')).toBe('scenario');
    expect(fileStem(undefined, 'trace')).toBe('trace');
    expect(fileStem('x'.repeat(100))).toHaveLength(60);
  });
});

describe('firstTraceDifference', () => {
  it('finds no difference between the same events with keys in another order', () => {
    const reordered: unknown[] = [{ agent: 0, kind: 'agentCrashed', t: 0 }, { ...events[1] }];
    expect(firstTraceDifference(reordered, events)).toBeNull();
  });

  it('points at the first edited event', () => {
    expect(firstTraceDifference([events[0], { ...events[1], agent: 3 }], events)).toBe(1);
  });

  it('points past the shorter trace when one is cut short', () => {
    expect(firstTraceDifference([events[0]], events)).toBe(1);
    expect(firstTraceDifference([...events, events[1]], events)).toBe(2);
  });
});
