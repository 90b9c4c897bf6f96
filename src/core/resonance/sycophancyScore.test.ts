import { describe, expect, it } from 'vitest';
import { sycophancyScore } from './sycophancyScore';

describe('sycophancyScore', () => {
  it('averages each agent’s evidence deltas to 5 places, and gives 0 without deltas', () => {
    expect(sycophancyScore({ a0: [0.1, 0.2], a1: [-0.000001, -0.000002], a2: [] })).toEqual({
      a0: 0.15,
      a1: 0,
      a2: 0,
    });
  });
});
