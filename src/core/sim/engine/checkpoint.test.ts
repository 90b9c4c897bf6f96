import { describe, expect, it } from 'vitest';
import { Rng } from '../../rng';
import { preset, type PresetName } from '../presets';
import { withDefaults, type Scenario } from '../scenario';
import { CouncilEngine, type CouncilSnapshot } from './CouncilEngine';
import { ResonanceEngine, type ResonanceSnapshot } from './ResonanceEngine';
import { scenarioOpinions } from './scenarioOpinions';
import type { SimEvent } from './traceEvents';
import { traceHash } from './traceHash';

type Engine = ResonanceEngine | CouncilEngine;

function engineFor(scenario: Scenario): Engine {
  const resolved = withDefaults(scenario);
  return resolved.protocol === 'council'
    ? new CouncilEngine(resolved)
    : new ResonanceEngine(resolved, scenarioOpinions(resolved));
}

/** An engine restored from `snapshot` with fresh caches: nothing shared with the original. */
function restored(
  scenario: Scenario,
  snapshot: ResonanceSnapshot | CouncilSnapshot,
  trace: readonly SimEvent[],
): Engine {
  const resolved = withDefaults(scenario);
  return snapshot.protocol === 'council'
    ? CouncilEngine.restore(resolved, snapshot, { trace })
    : ResonanceEngine.restore(resolved, snapshot, { trace });
}

const plainPrototypes: readonly unknown[] = [
  Object.prototype, Array.prototype, Map.prototype, Set.prototype, null,
];

/**
 * Where `value` holds anything but plain data (a class instance, a typed array, a function),
 * as paths such as `snapshot.agents[0].store`: empty when every object's prototype is
 * Object's, Array's, Map's, Set's or null.
 */
function nonPlainPaths(value: unknown, path = 'snapshot', seen = new Set<object>()): string[] {
  if (typeof value === 'function') return [`${path}: a function`];
  if (typeof value !== 'object' || value === null || seen.has(value)) return [];
  seen.add(value);
  const prototype: unknown = Object.getPrototypeOf(value);
  if (!plainPrototypes.includes(prototype)) {
    return [`${path}: a ${(value as object).constructor?.name ?? 'non-plain object'}`];
  }
  if (value instanceof Map) {
    return [...value].flatMap(([key, item], i) => [
      ...nonPlainPaths(key, `${path}<key ${i}>`, seen),
      ...nonPlainPaths(item, `${path}<${String(key)}>`, seen),
    ]);
  }
  if (value instanceof Set) {
    return [...value].flatMap((item, i) => nonPlainPaths(item, `${path}{${i}}`, seen));
  }
  const symbols = Object.getOwnPropertySymbols(value).map((key) => `${path}: a symbol key ${String(key)}`);
  return [
    ...symbols,
    ...Object.entries(value).flatMap(([key, item]) =>
      nonPlainPaths(item, Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`, seen),
    ),
  ];
}

const dropNext = [{ tick: 5, do: 'drop-next' as const, agent: 1 }];

function presetCase(name: PresetName, tick: number): [string, number, Scenario] {
  return [name, tick, { ...preset(name).scenario, actions: dropNext }];
}

/** Scenarios and a tick in the middle of each run: every fault kind's state and both protocols. */
const cases: [string, number, Scenario][] = [
  presetCase('byzantine-tamper', 17),
  presetCase('crash-leader', 45),
  presetCase('partition-heal', 120),
  presetCase('equivocation', 12),
  presetCase('sycophancy', 15),
  presetCase('council-bloc', 40),
  // Mid-vote: a proof submitted at tick 5, its quarantine tallied at 10; a forged one at 2, tallied at 8.
  presetCase('evidence-to-quarantine', 7),
  presetCase('false-accusation', 4),
  [
    'a twin',
    14,
    { v: 1, seed: 7, protocol: 'resonance', n: 7, rounds: 3, faults: [{ kind: 'twin', agents: [2] }] },
  ],
  [
    'garble, silent, a crash and a restart',
    65,
    {
      v: 1, seed: 11, protocol: 'resonance', n: 7, rounds: 3,
      faults: [
        { kind: 'garble', agents: [1], rate: 0.5 },
        { kind: 'silent', agents: [4], from: 10, until: 60 },
      ],
      actions: [{ tick: 8, do: 'crash', agent: 0 }, { tick: 70, do: 'restart', agent: 0 }],
    },
  ],
  [
    'a council with an equivocator, garbling, a crash and a tampered audit chain',
    20,
    {
      v: 1, seed: 3, protocol: 'council', n: 7, rounds: 4,
      faults: [{ kind: 'equivocate', agents: [2] }, { kind: 'garble', agents: [5] }],
      actions: [{ tick: 8, do: 'tamper-audit', index: 2 }, { tick: 12, do: 'crash', agent: 6 }],
    },
  ],
];

describe('engine snapshots', () => {
  it.each([...cases, presetCase('scale-49', 12)])(
    '%s: a snapshot at tick %i, cloned, restores an engine that runs on to the same trace',
    (_name, tick, scenario) => {
      const original = engineFor(scenario);
      original.runUntil(tick);
      expect(original.done).toBe(false);
      const snapshot = structuredClone(original.snapshot());
      original.runUntil(Infinity);

      const resumed = restored(scenario, snapshot, original.events);
      expect(resumed.tick).toBe(snapshot.loop.tick);
      resumed.runUntil(Infinity);
      expect(resumed.events).toEqual(original.events);
      expect(traceHash(resumed.events)).toBe(traceHash(original.events));
    },
  );

  it.each(cases)('%s: the snapshot at tick %i is plain data, independent of the engine', (_name, tick, scenario) => {
    const engine = engineFor(scenario);
    engine.runUntil(tick);
    const snapshot = engine.snapshot();
    expect(nonPlainPaths(snapshot)).toEqual([]);
    // A structured clone, not JSON: maps and sets survive it.
    const copy = structuredClone(snapshot);
    expect(copy).toEqual(snapshot);
    engine.runUntil(Infinity);
    expect(snapshot).toEqual(copy);
  });

  it.each(cases)('%s: one snapshot at tick %i restores two independent engines', (_name, tick, scenario) => {
    const original = engineFor(scenario);
    original.runUntil(tick);
    const snapshot = original.snapshot();
    const before = structuredClone(snapshot);
    const first = restored(scenario, snapshot, original.events);
    const second = restored(scenario, snapshot, original.events);
    // Restoring loses nothing: the restored engine's own snapshot is the one it came from.
    expect(second.snapshot()).toEqual(snapshot);

    first.runUntil(Infinity);
    expect(second.tick).toBe(snapshot.loop.tick);
    expect(second.snapshot()).toEqual(snapshot);
    expect(snapshot).toEqual(before);
    second.runUntil(Infinity);
    expect(second.events).toEqual(first.events);
  });

  it('has a plain-data check that finds class instances, typed arrays and functions', () => {
    const hooks = new Map([['emit', () => {}]]);
    const state = { rng: Rng.stream(1, 'net'), rows: [new Int32Array(2)], hooks };
    expect(nonPlainPaths(state)).toEqual([
      'snapshot.rng: a Rng', 'snapshot.rows[0]: a Int32Array', 'snapshot.hooks<emit>: a function',
    ]);
    const plain = { list: [1, { a: null }], set: new Set(['x']), bare: Object.create(null) as object };
    expect(nonPlainPaths(plain)).toEqual([]);
  });

  it('refuses a trace shorter than the snapshot says it was', () => {
    const scenario = preset('happy-path').scenario;
    const engine = engineFor(scenario);
    engine.runUntil(10);
    const snapshot = engine.snapshot();
    const short = engine.events.slice(0, -1);
    expect(() => restored(scenario, snapshot, short)).toThrow(/needs \d+ trace events/);
  });
});

describe('engine checkpoints', () => {
  it.each(cases)('%s: a checkpoint at tick %i runs on to the same trace', (_name, tick, scenario) => {
    const original = engineFor(scenario);
    original.runUntil(tick);
    const checkpoint = original.checkpoint();
    original.runUntil(Infinity);
    const expected = traceHash(original.events);

    const resumed = checkpoint.checkpoint();
    resumed.runUntil(Infinity);
    expect(resumed.events).toEqual(original.events);
    expect(traceHash(resumed.events)).toBe(expected);

    // The checkpoint itself was not disturbed by either run.
    checkpoint.runUntil(Infinity);
    expect(traceHash(checkpoint.events)).toBe(expected);
  });

  it('restores a Council ledger whose audit chain a user tampered with', () => {
    const scenario: Scenario = { ...preset('council-quarantine').scenario, actions: [{ tick: 1000, do: 'tamper-audit', index: 3 }] };
    const original = engineFor(scenario);
    original.runUntil(500);
    const checkpoint = original.checkpoint();
    original.runUntil(Infinity);
    checkpoint.runUntil(Infinity);
    expect(checkpoint.events).toEqual(original.events);
  });
});
