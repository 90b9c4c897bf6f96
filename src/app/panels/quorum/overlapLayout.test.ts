import { describe, expect, it } from 'vitest';
import { overlapLayout } from './overlapLayout';

describe('overlapLayout', () => {
  it('puts the minimum overlap of two 5-of-7 quorums in the middle, f of it Byzantine', () => {
    const g = overlapLayout(7, 2, 5, 70);
    expect(g.a).toEqual({ x: 0, width: 50 });
    expect(g.b).toEqual({ x: 20, width: 50 });
    expect(g.overlap).toEqual({ x: 20, width: 30 });
    expect(g.byzantine).toEqual({ x: 20, width: 20 });
    expect(g.honest).toEqual({ x: 40, width: 10 });
    expect(g.dividers).toHaveLength(6);
  });

  it('leaves no honest agent in the overlap of two 7-of-12 quorums', () => {
    const g = overlapLayout(12, 3, 7, 120);
    expect(g.overlap).toEqual({ x: 50, width: 20 });
    expect(g.honest).toBeNull();
  });

  it('drops per-agent dividers when cells are too narrow to read', () => {
    expect(overlapLayout(1000, 333, 667, 360).dividers).toEqual([]);
  });
});
