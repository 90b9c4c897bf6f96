import { describe, expect, it } from 'vitest';
import { AXES } from './axes';
import { coCommitBoost, epsilonMax, epsilonMin, epsilonRadius } from './epsilonRadius';

describe('epsilonRadius', () => {
  it('follows the co-commit sigmoid: 0.287, 0.333, 0.3533 at co = 0, 3, 4 from base 0.25', () => {
    expect(epsilonRadius(0.25, 0)).toBe(0.287);
    expect(epsilonRadius(0.25, 3)).toBe(0.333);
    expect(epsilonRadius(0.25, 4)).toBe(0.3533);
    expect(coCommitBoost(5)).toBeCloseTo(0.125, 12);
  });

  it('saturates at 0.5 and never falls below 0.05', () => {
    expect(epsilonRadius(0.25, 40)).toBe(epsilonMax);
    expect(epsilonRadius(0.45, 0, 'affective')).toBe(epsilonMax);
    expect(epsilonRadius(0.001, 0, 'epistemic')).toBeGreaterThanOrEqual(epsilonMin);
    expect(epsilonRadius(0.01, -100)).toBe(epsilonMin);
    for (const axis of AXES) {
      for (let co = 0; co < 30; co++) {
        const r = epsilonRadius(0.2, co, axis);
        expect(r).toBeGreaterThanOrEqual(epsilonMin);
        expect(r).toBeLessThanOrEqual(epsilonMax);
      }
    }
  });

  it('clamps a base that is not positive like any other (only getEpsilon gates on it)', () => {
    // Reference: round(clamp((0 + 0.125)·1, 0.05, 0.5), 4) and clamp(−0.075) = 0.05.
    expect(epsilonRadius(0, 5)).toBe(0.125);
    expect(epsilonRadius(-0.2, 5)).toBe(epsilonMin);
  });

  it('widens the affective radius and narrows the epistemic one', () => {
    expect(epsilonRadius(0.15, 0, 'affective')).toBe(0.3366);
    expect(epsilonRadius(0.15, 0, 'semantic')).toBe(0.187);
    expect(epsilonRadius(0.15, 0, 'epistemic')).toBe(0.1683);
  });
});
