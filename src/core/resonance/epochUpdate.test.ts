import { describe, expect, it } from 'vitest';
import { epochUpdate } from './epochUpdate';
import type { ConsensusType } from './types';

const params = { baseEpsilon: 0.15, threshold: 0.6 };
const agreeing = new Array<number>(100).fill(0.8);
const epoch = (counts: Partial<Record<ConsensusType, number>>): ConsensusType[] =>
  Object.entries(counts).flatMap(([type, count]) =>
    new Array<ConsensusType>(count).fill(type as ConsensusType),
  );
const epsilonAfter = (types: ConsensusType[], similarities = agreeing): number =>
  epochUpdate(params, types, similarities).baseEpsilon;
const thresholdAfter = (types: ConsensusType[]): number =>
  epochUpdate(params, types, agreeing).threshold;

describe('epochUpdate (layer 2)', () => {
  it('widens ε when rounds fragment and narrows it when they homogenise', () => {
    expect(epsilonAfter(epoch({ deadlock: 20, genuine: 30 }))).toBe(0.16);
    expect(epsilonAfter(epoch({ coalitional: 25, genuine: 25 }))).toBe(0.14);
    expect(epochUpdate(params, epoch({ genuine: 50 }), agreeing)).toEqual(params);
  });

  it('widens ε when the median similarity stays below 0.5 without other pressure', () => {
    const low = new Array<number>(100).fill(0.3);
    expect(epsilonAfter(epoch({ genuine: 50 }), low)).toBe(0.16);
    expect(epsilonAfter(epoch({ capitulated: 25, genuine: 25 }), low)).toBe(0.14);
  });

  it('raises θ on false consensus and lowers it on fragmentation without any', () => {
    expect(thresholdAfter(epoch({ coerced: 6, genuine: 44 }))).toBe(0.62);
    expect(thresholdAfter(epoch({ polarized: 11, genuine: 39 }))).toBe(0.58);
    expect(thresholdAfter(epoch({ polarized: 11, coerced: 1, genuine: 38 }))).toBe(0.6);
  });

  it('keeps ε in [0.05, 0.5] and θ in [0.4, 0.85]', () => {
    const wide = { baseEpsilon: 0.5, threshold: 0.85 };
    expect(epochUpdate(wide, epoch({ deadlock: 30, coerced: 20 }), agreeing)).toEqual(wide);
    const narrow = { baseEpsilon: 0.05, threshold: 0.4 };
    const homogenised = epoch({ capitulated: 30, genuine: 20 });
    expect(epochUpdate(narrow, homogenised, agreeing).baseEpsilon).toBe(0.05);
    expect(epochUpdate(narrow, epoch({ deadlock: 30, genuine: 20 }), agreeing).threshold).toBe(0.4);
  });

  it('reads only the last 50 rounds', () => {
    const history = [...epoch({ deadlock: 200 }), ...epoch({ genuine: 50 })];
    expect(epochUpdate(params, history, agreeing)).toEqual(params);
  });
});
