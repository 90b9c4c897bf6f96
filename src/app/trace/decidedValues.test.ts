import { describe, expect, it } from 'vitest';
import { preset } from '../../core/sim/presets';
import { runScenario } from '../../core/sim/runScenario';
import type { StreamEvent } from '../../worker/api';
import { byzantineAgents, decidedValues, forksAt } from './decidedValues';
import { TraceIndex } from './traceIndex';

const traceOf = (name: 'unsafe-2f1-fork' | 'happy-path') => runScenario(preset(name).scenario).trace as readonly StreamEvent[];

describe('decidedValues', () => {
  it('finds the two sides of the 2f+1 fork, each with its own winner and committers', () => {
    const trace = traceOf('unsafe-2f1-fork');
    const byzantine = byzantineAgents(preset('unsafe-2f1-fork').scenario);
    expect([...byzantine]).toEqual([0, 1, 2]);
    const [fork, ...others] = forksAt(TraceIndex.of(trace), Infinity, byzantine);
    expect(others).toEqual([]);
    expect(fork!.map((value) => value.sideName)).toEqual(['A', 'B']);
    expect(fork![0]!.winner).not.toBe(fork![1]!.winner);
    const sideA = new Set(fork![0]!.commits.map((commit) => commit.agent));
    expect(fork![1]!.commits.some((commit) => sideA.has(commit.agent))).toBe(false);
    // Only honest replicas' commits are sides of the fork.
    expect(fork!.flatMap((value) => value.commits).some((commit) => byzantine.has(commit.agent))).toBe(false);
    // Before the second value's first commit there is no fork yet.
    expect(forksAt(TraceIndex.of(trace), fork![1]!.firstTick - 1, byzantine)).toEqual([]);
  });

  it('sees one value per round in an honest run', () => {
    const values = decidedValues(TraceIndex.of(traceOf('happy-path')));
    expect([...values.values()].every((round) => round.length === 1)).toBe(true);
    expect(forksAt(TraceIndex.of(traceOf('happy-path')), Infinity)).toEqual([]);
  });
});
