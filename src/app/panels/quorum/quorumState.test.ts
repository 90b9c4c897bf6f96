import { describe, expect, it } from 'vitest';
import { preset } from '../../../core/sim/presets';
import { runScenario } from '../../../core/sim/runScenario';
import type { Scenario, SimEvent } from '../../../worker/api';
import { overlap, quorumAt } from './quorumState';
import { TraceIndex } from '../../trace/traceIndex';

type Run = { scenario: Scenario; trace: readonly SimEvent[] };

function run(name: Parameters<typeof preset>[0]): Run {
  const { scenario } = preset(name);
  return { scenario, trace: runScenario(scenario).trace as readonly SimEvent[] };
}

function firstResolution(trace: readonly SimEvent[]) {
  const event = trace.find((e) => e.kind === 'roundResolved');
  if (event?.kind !== 'roundResolved') throw new Error('the run resolved no round');
  return event;
}

describe('quorumAt', () => {
  it('gives the n−f arithmetic of a 7-agent scenario', () => {
    const { scenario, trace } = run('happy-path');
    const snapshot = quorumAt(scenario, TraceIndex.of(trace), 0);
    expect(snapshot).toMatchObject({ n: 7, f: 2, nMinusF: 5, twoFPlusOne: 5 });
    expect(snapshot).toMatchObject({ rule: 'n-f', quorumNeeded: 5 });
  });

  it('shows no round before the first proposal', () => {
    const { scenario, trace } = run('happy-path');
    expect(quorumAt(scenario, TraceIndex.of(trace), -1).round).toBeNull();
  });

  it('resolves byzantine-tamper with two tampered agents outside the quorum', () => {
    const { scenario, trace } = run('byzantine-tamper');
    const resolved = firstResolution(trace);
    const round = quorumAt(scenario, TraceIndex.of(trace), resolved.t).round!;
    expect(round.resolution).toMatchObject({ status: 'committed', tamperedAgents: [1, 2] });
    expect(round.statuses.filter((s) => s === 'tampered')).toHaveLength(2);
    expect(round.statuses[1]).toBe('tampered');
    expect(round.statuses.filter((s) => s === 'inQuorum')).toHaveLength(5);
  });

  it('grows the arrived count as evaluations reach the leader', () => {
    const { scenario, trace } = run('silent-two');
    const resolved = firstResolution(trace);
    const arrivedAt = (tick: number) => quorumAt(scenario, TraceIndex.of(trace), tick).round!.arrivedCount;
    const counts = Array.from({ length: resolved.t + 1 }, (_, tick) => arrivedAt(tick));
    for (let i = 1; i < counts.length; i++) {
      expect(counts[i]).toBeGreaterThanOrEqual(counts[i - 1]!);
    }
    expect(counts[0]).toBe(1); // Only the leader's own evaluation, sealed at the proposal.
    expect(counts.at(-1)).toBe(5);
    const early = quorumAt(scenario, TraceIndex.of(trace), 2).round!;
    expect(early.statuses).toContain('inFlight');
    expect(early.resolution).toBeNull();
  });

  it('shows the two silent agents of silent-two never arriving', () => {
    const { scenario, trace } = run('silent-two');
    const resolved = firstResolution(trace);
    const round = quorumAt(scenario, TraceIndex.of(trace), resolved.t).round!;
    expect(round.statuses[5]).toBe('waiting');
    expect(round.statuses[6]).toBe('waiting');
    expect(round.resolution).toMatchObject({ status: 'committed', quorumSize: 5, quorumNeeded: 5 });
  });

  it('follows the new leader after a view change', () => {
    const { scenario, trace } = run('crash-leader');
    const proposal = trace.find((e) => e.kind === 'roundProposed' && e.view === 1);
    if (proposal?.kind !== 'roundProposed') throw new Error('no view change');
    const round = quorumAt(scenario, TraceIndex.of(trace), proposal.t).round!;
    expect(round).toMatchObject({ view: 1, leader: proposal.agent, arrivedCount: 1 });
  });

  it('uses 2f+1 under the unsafe quorum switch', () => {
    const { scenario, trace } = run('unsafe-2f1-fork');
    const snapshot = quorumAt(scenario, TraceIndex.of(trace), 0);
    expect(snapshot).toMatchObject({ n: 12, f: 3, rule: '2f+1', quorumNeeded: 7 });
  });
});

describe('overlap', () => {
  it('guarantees an honest agent in two n−f quorums of 7', () => {
    expect(overlap(7, 2, 'n-f')).toEqual({ quorumSize: 5, overlapMin: 3, honestGuaranteed: true });
  });

  it('does not guarantee one in two 2f+1 quorums of 12', () => {
    const fork = overlap(12, 3, '2f+1');
    expect(fork).toEqual({ quorumSize: 7, overlapMin: 2, honestGuaranteed: false });
  });

  it('always guarantees one under n−f, for n from 4 to 64', () => {
    for (let n = 4; n <= 64; n++) {
      const f = Math.floor((n - 1) / 3);
      expect(overlap(n, f, 'n-f').honestGuaranteed, `n = ${n}`).toBe(true);
    }
  });
});
