import { describe, expect, it } from 'vitest';
import {
  classifyTrajectory,
  CONSENSUS_FAMILIES,
  consensusFamily,
  type ClassifiableTrajectory,
} from './classifyTrajectory';
import type { ConsensusType } from './types';

/** A trajectory with the given statistics; every agent shares the evidence deltas. */
function trajectory(
  velocities: number[],
  { symmetry = 0.5, evidence = 0, axes = {} as Record<string, number> } = {},
): ClassifiableTrajectory {
  const deltas = (axis: string): number[] => (axes[axis] === undefined ? [0] : [axes[axis]]);
  return {
    steps: velocities.length,
    velocities,
    concessionSymmetry: symmetry,
    evidenceDelta: { a0: velocities.map(() => evidence), a1: velocities.map(() => evidence) },
    axisDeltas: {
      semantic: deltas('semantic'),
      affective: deltas('affective'),
      relational: deltas('relational'),
      epistemic: deltas('epistemic'),
      behavioral: deltas('behavioral'),
    },
  };
}

const converging = [-0.05, -0.03, -0.01];
const classify = (traj: ClassifiableTrajectory, finalSim: number, co = 0): ConsensusType =>
  classifyTrajectory(traj, 0.6, finalSim, co);

describe('classifyTrajectory: the rules of reference §2.5, in order', () => {
  it('is unknown when no step ran', () => {
    expect(classify({ ...trajectory([]), steps: 0 }, 0.9)).toBe('unknown');
  });

  it('calls a still group genuine above the threshold and deadlocked below', () => {
    expect(classify(trajectory([0.001, -0.004]), 0.7)).toBe('genuine');
    expect(classify(trajectory([0.001, -0.004]), 0.5)).toBe('deadlock');
  });

  it('calls a group polarized when it diverges throughout, or stops converging below θ', () => {
    expect(classify(trajectory([0.02, 0.01]), 0.9)).toBe('polarized');
    expect(classify(trajectory([-0.02, 0.01]), 0.5)).toBe('polarized');
  });

  it('calls fast, evidence-free agreement among allies coalitional', () => {
    const fast = trajectory([-0.04, -0.01, -0.001], { evidence: 0.005 });
    expect(classify(fast, 0.8, 3)).toBe('coalitional');
    expect(classify(fast, 0.8, 2)).not.toBe('coalitional');
    expect(classify(trajectory(converging, { evidence: 0.005 }), 0.8, 3)).not.toBe('coalitional');
  });

  it('calls opposite net axis movements logrolled', () => {
    const traded = trajectory(converging, { axes: { semantic: -0.05, affective: 0.02 } });
    expect(classify(traded, 0.8)).toBe('logrolled');
    const withinBand = trajectory(converging, { axes: { semantic: -0.05, affective: 0.01 } });
    expect(classify(withinBand, 0.8)).not.toBe('logrolled');
  });

  it('calls fast, one-sided movement without evidence coerced', () => {
    expect(classify(trajectory([-0.04, -0.001], { symmetry: 0.1 }), 0.8)).toBe('coerced');
  });

  it('calls one-sided movement capitulated, unless rising confidence shows persuasion', () => {
    expect(classify(trajectory(converging, { symmetry: 0.18 }), 0.8)).toBe('capitulated');
    const persuaded = trajectory(converging, { symmetry: 0.18, evidence: 0.03 });
    expect(classify(persuaded, 0.8)).toBe('genuine');
  });

  it('calls agreement barely above the threshold fragile', () => {
    expect(classify(trajectory(converging), 0.63)).toBe('fragile');
  });

  it('calls bilateral convergence genuine, or capitulated when confidence fell', () => {
    expect(classify(trajectory(converging, { symmetry: 0.6 }), 0.8)).toBe('genuine');
    const pressured = trajectory(converging, { symmetry: 0.6, evidence: -0.03 });
    expect(classify(pressured, 0.8)).toBe('capitulated');
    expect(classify(trajectory(converging, { symmetry: 0.3 }), 0.8)).toBe('fragile');
  });

  it('reaches every consensus type', () => {
    const reached = new Set<ConsensusType>([
      classify({ ...trajectory([]), steps: 0 }, 0.9),
      classify(trajectory([0.001]), 0.7),
      classify(trajectory([0.001]), 0.5),
      classify(trajectory([0.02]), 0.9),
      classify(trajectory([-0.04, -0.001]), 0.8, 5),
      classify(trajectory(converging, { axes: { semantic: -0.05, affective: 0.02 } }), 0.8),
      classify(trajectory([-0.04, -0.001], { symmetry: 0.1 }), 0.8),
      classify(trajectory(converging, { symmetry: 0.18 }), 0.8),
      classify(trajectory(converging), 0.63),
    ]);
    expect([...reached].sort()).toEqual([
      'capitulated', 'coalitional', 'coerced', 'deadlock', 'fragile', 'genuine', 'logrolled',
      'polarized', 'unknown',
    ]);
  });
});

describe('consensus families', () => {
  it('files every type but unknown in exactly one family', () => {
    const filed = Object.values(CONSENSUS_FAMILIES).flat();
    expect(new Set(filed).size).toBe(filed.length);
    expect(filed).toHaveLength(8);
    expect(consensusFamily('coalitional')).toBe('alliance');
    expect(consensusFamily('fragile')).toBe('pressured');
    expect(consensusFamily('polarized')).toBe('failed');
    expect(consensusFamily('genuine')).toBe('authentic');
    expect(consensusFamily('unknown')).toBe('unknown');
  });
});
