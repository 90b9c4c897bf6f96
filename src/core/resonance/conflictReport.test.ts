import { describe, expect, it } from 'vitest';
import { AXES, type Axis } from './axes';
import { axisPolarization, conflictReport } from './conflictReport';
import type { AxisScores } from './types';

const vectors = (affective: number[]): Record<Axis, number[]> => ({
  semantic: [1, 0], affective, relational: [1], epistemic: [0.6, 0.8], behavioral: [1, 0],
});
const scores = (low: Axis[] = []): AxisScores => {
  const out = { pentadic: 0.8 } as AxisScores;
  for (const axis of AXES) out[axis] = low.includes(axis) ? 0.1 : 0.9;
  return out;
};

describe('conflictReport', () => {
  it('finds an axis where two camps oppose each other', () => {
    const camps = { a0: [1, 0.1], a1: [0.9, 0], a2: [-1, 0], a3: [-0.8, -0.1], a4: [-1, 0.1] };
    const agents = Object.fromEntries(Object.entries(camps).map(([id, v]) => [id, vectors(v)]));
    const perAxis = Object.fromEntries(Object.keys(camps).map((id) => [id, scores(['affective'])]));
    const report = conflictReport(agents, perAxis, 0.6);
    expect(report.conflictType).toBe('axis_deadlock');
    expect(report.disagreedAxes).toEqual(['affective']);
    expect(report.axisAgreement.affective).toBe(0);
    expect(report.deadlockedAxes[0]).toMatchObject({
      axis: 'affective', clusterA: ['a2', 'a3', 'a4'], clusterB: ['a0', 'a1'],
    });
    expect(report.deadlockedAxes[0]!.interClusterSim).toBeLessThanOrEqual(-0.1);
  });

  it('reports partial consensus, persistent dissent, or none', () => {
    const same = Object.fromEntries(['a0', 'a1', 'a2', 'a3'].map((id) => [id, vectors([1, 0])]));
    const low = scores(['epistemic']);
    const split = { a0: low, a1: low, a2: scores(), a3: low };
    expect(conflictReport(same, split, 0.6).conflictType).toBe('partial_consensus');
    const dissent = { a0: scores(), a1: scores(), a2: scores(), a3: scores([...AXES]) };
    const report = conflictReport(same, dissent, 0.6);
    expect(report.conflictType).toBe('persistent_dissent');
    expect(report.persistentDissenters).toEqual(['a3']);
    const agreed = { a0: scores(), a1: scores(), a2: scores(), a3: scores() };
    expect(conflictReport(same, agreed, 0.6).conflictType).toBe('none');
  });

  it('splits balanced camps whose mean cancels on the highest-norm vector', () => {
    const balanced = { a0: [1, 0], a1: [1, 0], a2: [-1, 0], a3: [-1, 0] };
    expect(axisPolarization('affective', balanced)).toMatchObject({
      clusterA: ['a2', 'a3'], clusterB: ['a0', 'a1'], interClusterSim: -1,
    });
    expect(axisPolarization('affective', { a0: [1, 0], a1: [-1, 0], a2: [1, 0] })).toBeUndefined();
  });
});
