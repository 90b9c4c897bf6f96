import { describe, expect, it } from 'vitest';
import { readTrajectory, trajectorySummary } from './trajectorySummary';
import type { Trajectory } from './types';

const trajectory: Trajectory = {
  steps: 1,
  velocities: [-0.01],
  axisDeltas: {
    semantic: [-0.1], affective: [0], relational: [0], epistemic: [0], behavioral: [0],
  },
  concessionSymmetry: 0.5,
  consensusType: 'genuine',
  depth: 0.2,
  evidenceDelta: { a0: [0.01], a1: [-0.01] },
  consensusQuality: { independenceRate: 0, capitulationRate: 0.5, disagreementCollapse: 0.3 },
  agents: ['a0', 'a1'],
  positions: [[[1, 0]], [[0.9, 0.1]]],
};

describe('trajectory summaries', () => {
  it('drop the positions and copy the rest', () => {
    const summary = trajectorySummary(trajectory);
    expect(summary.positions).toBeUndefined();
    expect(summary).toEqual({ ...trajectory, positions: undefined });
    summary.velocities[0] = 5;
    expect(trajectory.velocities[0]).toBe(-0.01);
  });

  it('read a well-formed trajectory from an untrusted round', () => {
    const copy: unknown = JSON.parse(JSON.stringify(trajectory));
    expect(readTrajectory(copy)).toEqual(trajectorySummary(trajectory));
    const unknownType = { ...trajectory, consensusType: 'excellent' };
    expect(readTrajectory(unknownType)?.consensusType).toBe('unknown');
  });

  it('refuse anything else', () => {
    expect(readTrajectory(undefined)).toBeUndefined();
    expect(readTrajectory([trajectory])).toBeUndefined();
    expect(readTrajectory({ ...trajectory, steps: -1 })).toBeUndefined();
    expect(readTrajectory({ ...trajectory, velocities: [Number.NaN] })).toBeUndefined();
    expect(readTrajectory({ ...trajectory, consensusQuality: {} })).toBeUndefined();
    const hostile = JSON.parse('{"__proto__": [1]}') as Record<string, number[]>;
    expect(readTrajectory({ ...trajectory, evidenceDelta: hostile })).toBeUndefined();
  });
});
