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

  it('rounds the mean like Python round(x, 5): [−0.02162, −0.00873] scores −0.01518', () => {
    // The mean is −0.0151750000000000009…, just beyond the tie, so the reference gives −0.01518.
    expect(sycophancyScore({ a0: [-0.02162, -0.00873] })).toEqual({ a0: -0.01518 });
  });
});
