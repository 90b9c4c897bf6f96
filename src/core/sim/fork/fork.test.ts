import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodeCodec } from '../../../cli/nodeCodec';
import { ResonanceEngine } from '../engine/ResonanceEngine';
import { scenarioOpinions } from '../engine/scenarioOpinions';
import type { SimEvent } from '../engine/traceEvents';
import { traceHash } from '../engine/traceHash';
import { randomScenario } from '../hunt/randomScenario';
import { preset } from '../presets';
import { runScenario } from '../runScenario';
import { withDefaults, type Scenario } from '../scenario';
import {
  decodeCompareLink, encodeCompareLink, firstDivergence, forkFaultsFor, forkScenario, forkUnsafeRules,
  parseComparison, type ForkChange,
} from '.';

/** The fork of `base` at `at`, which must apply. */
function forked(base: Scenario, at: number, change: ForkChange): Scenario {
  const fork = forkScenario(base, at, change);
  if (!fork.ok) throw new Error(fork.error.message);
  return fork.value;
}

/** How the two traces relate around the fork tick. */
function compare(base: Scenario, at: number, change: ForkChange) {
  const a = runScenario(base).trace as SimEvent[];
  const b = runScenario(forked(base, at, change)).trace as SimEvent[];
  const before = (trace: SimEvent[]) => trace.filter((event) => event.t < at);
  return { a, b, prefixA: before(a), prefixB: before(b), divergence: firstDivergence(a, b) };
}

/** Every change kind that applies to a random scenario, drawn from fast-check's numbers. */
function changeFor(base: Scenario, pick: number, agent: number, victim: number): ForkChange | null {
  const n = base.n;
  const who = agent % n;
  const other = (who + 1 + (victim % Math.max(1, n - 1))) % n;
  const faults = forkFaultsFor(base.protocol).filter((kind) => kind !== 'accuse');
  const changes: ForkChange[] = [
    { kind: 'crash', agent: who },
    { kind: 'silence', agent: who },
    { kind: 'drop-next', agent: who },
    ...faults.map((fault): ForkChange => (fault === 'impersonate'
      ? { kind: 'fault', fault, agent: who, victim: other }
      : { kind: 'fault', fault, agent: who })),
    ...(base.protocol === 'resonance'
      ? forkUnsafeRules.filter((rule) => rule !== 'proofCheck').map((rule): ForkChange => ({ kind: 'unsafe', rule }))
      : []),
  ];
  const change = changes[pick % changes.length]!;
  return forkScenario(base, 1, change).ok ? change : null;
}

describe('a "what if" fork', () => {
  it('runs exactly as its base before the fork tick, and differs first at or after it (random scenarios)', () => {
    // Replay a failure with the printed hunt seed: `npm run --silent hunt -- --seeds N..N`
    // prints the base's link; the fork is the change at the printed tick.
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.nat(), fc.nat(), fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }),
        (seed, pick, agent, victim, share) => {
          const base = randomScenario(seed).scenario;
          const change = changeFor(base, pick, agent, victim);
          if (change === null) return;
          const endTick = runScenario(base).summary.ticks;
          const at = Math.floor(share * endTick);
          const { a, b, prefixA, prefixB, divergence } = compare(base, at, change);
          const label = `hunt seed ${seed}, fork at tick ${at}: ${JSON.stringify(change)}`;
          expect(traceHash(prefixB), label).toBe(traceHash(prefixA));
          if (divergence !== null) {
            expect(divergence.index, label).toBeGreaterThanOrEqual(prefixA.length);
            expect((divergence.a ?? divergence.b)!.t, label).toBeGreaterThanOrEqual(at);
          } else {
            expect(traceHash(b), label).toBe(traceHash(a));
          }
        },
      ),
      // Policy: no shrinking (a smaller seed is another scenario, not a smaller one).
      { numRuns: 40, endOnFailure: true },
    );
  }, 180_000);

  const tamper = preset('byzantine-tamper').scenario;
  const council = preset('council-bloc').scenario;
  const cases: [string, Scenario, number, ForkChange][] = [
    ['crashing the leader', tamper, 30, { kind: 'crash', agent: 0 }],
    ['silencing an agent', tamper, 30, { kind: 'silence', agent: 3 }],
    ['dropping the next message', tamper, 30, { kind: 'drop-next', agent: 4 }],
    ['adding an equivocator', tamper, 30, { kind: 'fault', fault: 'equivocate', agent: 5 }],
    ['switching prepare locks off', tamper, 30, { kind: 'unsafe', rule: 'lock' }],
    ['adding a council bloc member', council, 20, { kind: 'fault', fault: 'biased', agent: 0 }],
    ['crashing a council voter', council, 20, { kind: 'crash', agent: 1 }],
  ];
  it.each(cases)('%s keeps the prefix before the fork tick', (_name, base, at, change) => {
    const { prefixA, prefixB, divergence } = compare(base, at, change);
    expect(prefixA.length).toBeGreaterThan(0);
    expect(prefixB).toEqual(prefixA);
    if (divergence) expect((divergence.a ?? divergence.b)!.t).toBeGreaterThanOrEqual(at);
  });

  it('crashing the leader mid-run changes the run from that tick', () => {
    const { divergence } = compare(tamper, 30, { kind: 'crash', agent: 0 });
    expect(divergence?.b).toMatchObject({ t: 30, kind: 'agentCrashed', agent: 0 });
  });

  it('switching the 2f+1 quorum on breaks agreement where n−f held', () => {
    const forkPreset = preset('unsafe-2f1-fork').scenario;
    const safe: Scenario = { ...forkPreset, resonance: {} };
    const base = runScenario(safe).summary;
    const fork = runScenario(forked(safe, 1, { kind: 'unsafe', rule: 'quorum' })).summary;
    const agreement = (summary: typeof base) => summary.invariants.find((inv) => inv.name === 'agreement')?.ok;
    expect(agreement(base)).toBe(true);
    expect(agreement(fork)).toBe(false);
  });

  it('restores from a checkpoint after the fork tick to the same trace', () => {
    const scenario = withDefaults(forked(tamper, 30, { kind: 'unsafe', rule: 'lock' }));
    const engine = new ResonanceEngine(scenario, scenarioOpinions(scenario));
    engine.runUntil(45);
    const resumed = engine.checkpoint();
    const whole = engine.run();
    expect(resumed.run().traceHash).toBe(whole.traceHash);
  });

  it('refuses a change that cannot apply, naming the field', () => {
    const refused = (base: Scenario, change: ForkChange) => {
      const fork = forkScenario(base, 10, change);
      return fork.ok ? '' : fork.error.message;
    };
    expect(refused(tamper, { kind: 'crash', agent: 9 })).toBe('change.agent: agent 9 does not exist (n = 7)');
    expect(refused(tamper, { kind: 'fault', fault: 'tamper', agent: 1 })).toBe(
      'change.fault: a1 already has a tamper fault in the base');
    expect(refused(preset('unsafe-mean').scenario, { kind: 'unsafe', rule: 'centroid' })).toBe(
      'change.rule: resonance.unsafe.centroid is already on in the base');
    expect(refused(council, { kind: 'unsafe', rule: 'lock' })).toBe('change.rule: unsafe rules are ResonanceBFT switches');
  });
});

describe('compare links', () => {
  const comparison = { v: 1 as const, base: preset('happy-path').scenario, at: 40, change: { kind: 'crash' as const, agent: 0 } };

  it('decode to the comparison that made them, with its fork and caption', async () => {
    const link = await encodeCompareLink(comparison, nodeCodec);
    expect(link.startsWith('#c=1.')).toBe(true);
    const opened = await decodeCompareLink(`https://example.org/${link}`, nodeCodec);
    expect(opened.ok && opened.value.comparison).toEqual(comparison);
    expect(opened.ok && opened.value.caption).toBe('a0 crashes at tick 40');
    expect(opened.ok && opened.value.fork.actions).toEqual([{ tick: 40, do: 'crash', agent: 0 }]);
  });

  it('explain a mangled link and a wrong field', async () => {
    const link = await encodeCompareLink(comparison, nodeCodec);
    const mangled = await decodeCompareLink(link.slice(0, 20) + '!!' + link.slice(22), nodeCodec);
    expect(mangled.ok ? '' : mangled.error.message).toMatch(/^link: the comparison data is not base64url/);
    const missing = await decodeCompareLink('#s=1.abc', nodeCodec);
    expect(missing.ok ? '' : missing.error.message).toBe('link: no comparison in it (expected a fragment like #c=1.…)');
    const wrong = parseComparison({ ...comparison, change: { kind: 'crash', agent: 7 } });
    expect(wrong.ok ? '' : wrong.error.message).toBe('change.agent: agent 7 does not exist (n = 7)');
    const base = parseComparison({ ...comparison, base: { ...comparison.base, n: 0 } });
    expect(base.ok ? '' : base.error.message).toMatch(/^base\.n: /);
  });
});

describe('scenario fields for forks', () => {
  it('start a fault or an unsafe switch at a tick, and are checked', () => {
    const check = (scenario: unknown) => {
      const parsed = parseComparison({ v: 1, base: scenario, at: 0, change: { kind: 'crash', agent: 0 } });
      return parsed.ok ? '' : parsed.error.message;
    };
    const base = { v: 1, seed: 1, protocol: 'resonance', n: 4 };
    expect(check({ ...base, faults: [{ kind: 'tamper', agents: [1], from: 12 }] })).toBe('');
    expect(check({ ...base, faults: [{ kind: 'twin', agents: [1], from: 12 }] })).toBe(
      'base.faults[0].from: a twin runs its two copies from the start of the run (no from)');
    expect(check({ ...base, resonance: { unsafe: { lock: 'off' }, unsafeFrom: { lock: 9 } } })).toBe('');
    expect(check({ ...base, resonance: { unsafeFrom: { lock: 9 } } })).toBe(
      'base.resonance.unsafeFrom.lock: resonance.unsafe.lock is not switched on');
  });
});
