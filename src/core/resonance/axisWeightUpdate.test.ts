import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AXES, AXIS_WEIGHTS, type Axis } from './axes';
import { axisWeightMin, axisWeightUpdate, CONSENSUS_TYPE_SCORES } from './axisWeightUpdate';
import type { ConsensusType } from './types';
import { checkProperty } from '../../testing/checkProperty';


const types = Object.keys(CONSENSUS_TYPE_SCORES) as ConsensusType[];
const spread = (weights: Record<Axis, number>): number =>
  AXES.reduce((sum, axis) => sum + Math.abs(weights[axis] - 0.2), 0);

describe('axisWeightUpdate (layer 3)', () => {
  it('reinforces the deviation from uniform after good rounds and undoes it after bad ones', () => {
    const good = axisWeightUpdate(AXIS_WEIGHTS, new Array<ConsensusType>(200).fill('genuine'));
    expect(spread(good)).toBeGreaterThan(spread(AXIS_WEIGHTS));
    const bad = axisWeightUpdate(AXIS_WEIGHTS, new Array<ConsensusType>(200).fill('deadlock'));
    expect(spread(bad)).toBeLessThan(spread(AXIS_WEIGHTS));
  });

  it('changes nothing without a signal: fewer than 20 rounds, or |mean score| < 0.05', () => {
    const rounds = (count: number, type: ConsensusType): ConsensusType[] =>
      new Array<ConsensusType>(count).fill(type);
    expect(axisWeightUpdate(AXIS_WEIGHTS, rounds(19, 'genuine'))).toEqual(AXIS_WEIGHTS);
    expect(axisWeightUpdate(AXIS_WEIGHTS, rounds(50, 'unknown'))).toEqual(AXIS_WEIGHTS);
  });

  it('keeps the weights on the simplex, every one at or above the floor (property)', () => {
    const weights = fc
      .array(fc.double({ min: 0.001, max: 1, noNaN: true }), { minLength: 5, maxLength: 5 })
      .map((raw) => {
        // Any point of the floored simplex: the floor plus a share of the remaining 0.75.
        const total = raw.reduce((a, b) => a + b, 0);
        const entries = AXES.map((axis, i) => [axis, axisWeightMin + (0.75 * raw[i]!) / total]);
        return Object.fromEntries(entries) as Record<Axis, number>;
      });
    const history = fc.array(fc.constantFrom(...types), { minLength: 20, maxLength: 400 });
    checkProperty(
      fc.property(weights, history, fc.nat(30), (start, types_, epochs) => {
        let w = start;
        for (let e = 0; e <= epochs; e++) {
          w = axisWeightUpdate(w, types_);
          const total = AXES.reduce((sum, axis) => sum + w[axis], 0);
          expect(total).toBeCloseTo(1, 4);
          for (const axis of AXES) expect(w[axis]).toBeGreaterThanOrEqual(axisWeightMin);
        }
      }),
      100,
    );
  });
});
