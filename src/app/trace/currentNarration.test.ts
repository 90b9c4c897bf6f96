import { describe, expect, it } from 'vitest';
import { preset } from '../../core/sim/presets';
import { runScenario } from '../../core/sim/runScenario';
import type { SimEvent, StreamEvent } from '../../worker/api';
import { currentNarration } from './currentNarration';
import { TraceIndex } from './traceIndex';

const events: SimEvent[] = [
  { t: 0, kind: 'agentCrashed', agent: 4 },
  { t: 2, kind: 'messageSent', id: 1, from: 0, to: 3, type: 'R', roundNo: 1, view: 0, deliverAt: 4 },
  { t: 5, kind: 'agentRestarted', agent: 4 },
  { t: 5, kind: 'messageSent', id: 2, from: 1, to: 3, type: 'R', roundNo: 1, view: 0, deliverAt: 7 },
];

describe('currentNarration', () => {
  it('tells the latest important event at or before the cursor, skipping messages', () => {
    expect(currentNarration(TraceIndex.of(events), 3.5)).toEqual({ tick: 0, text: expect.stringContaining('a4') });
    expect(currentNarration(TraceIndex.of(events), 5)?.tick).toBe(5);
    expect(currentNarration(TraceIndex.of(events), 99)?.text).toMatch(/a4/);
  });

  it('has nothing to tell before the first event', () => {
    expect(currentNarration(TraceIndex.of(events.slice(1)), 1)).toBeNull();
    expect(currentNarration(TraceIndex.of([]), 10)).toBeNull();
  });
});

describe('currentNarration on a real run', () => {
  const trace = runScenario(preset('byzantine-tamper').scenario).trace as readonly StreamEvent[];
  const resolved = trace.find((event) => event.kind === 'roundResolved')!;

  it('tells the leader resolving with the tampered seals left out, not a vote cast in the same step', () => {
    const told = currentNarration(TraceIndex.of(trace), resolved.t)!;
    expect(told.tick).toBe(resolved.t);
    expect(told.text).toMatch(/^a0 resolves round 1: \d+ sealed evaluations count/);
    expect(told.text).toContain('The seals of a1, a2 do not match their vectors');
  });

  it('keeps the step\'s key event while only votes follow, then tells the first commit and why', () => {
    const commit = trace.find((event) => event.kind === 'committed')!;
    expect(currentNarration(TraceIndex.of(trace), commit.t - 0.5)!.tick).toBeLessThan(commit.t);
    const told = currentNarration(TraceIndex.of(trace), commit.t)!;
    expect(told.text).toMatch(/commits round 1 \(winner a\d\): it holds \d+ signed commit votes/);
  });
});

describe('currentNarration of accountability', () => {
  it('tells the proof, then the quarantine, each at its step', () => {
    const trace = TraceIndex.of(runScenario(preset('evidence-to-quarantine').scenario).trace as readonly StreamEvent[]);
    expect(currentNarration(trace, 5)!.text).toBe(
      'a4 holds two different records signed by a3 for one round, a proof anyone can check, and proposes its quarantine to the Council.',
    );
    expect(currentNarration(trace, 10)!.text).toBe(
      'a3 is quarantined: from round 2 honest replicas ignore its messages; n and f stay the same.',
    );
  });

  it('tells a forged proof as one that does not hold, from its records', () => {
    const trace = TraceIndex.of(runScenario(preset('false-accusation').scenario).trace as readonly StreamEvent[]);
    expect(currentNarration(trace, 2)!.text).toBe(
      "a6 accuses a2 with a proof that does not hold: 0 of its 2 signatures verify under a2's key.",
    );
  });
});
