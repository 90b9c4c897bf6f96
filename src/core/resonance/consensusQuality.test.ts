import { describe, expect, it } from 'vitest';
import { consensusQuality } from './consensusQuality';

describe('consensusQuality', () => {
  it('counts who held, who moved under pressure, and how much spread collapsed', () => {
    const quality = consensusQuality({
      steps: 3,
      movements: [0.01, 0.3, 0.3, 0.02],
      evidenceDeltas: [[-0.5], [-0.01, -0.002], [0.01], [0]],
      initialSpread: 0.4,
      finalSpread: 0.1,
    });
    // a0 held (moved < 0.02) whatever its evidence; a1 moved toward less confident peers.
    expect(quality).toEqual({
      independenceRate: 0.25,
      capitulationRate: 0.25,
      disagreementCollapse: 0.75,
    });
  });

  it('reports {1, 0, 0} when no step ran, and no collapse without initial spread', () => {
    const base = { movements: [0.5], evidenceDeltas: [[-1]], initialSpread: 0.4, finalSpread: 0 };
    expect(consensusQuality({ ...base, steps: 0 })).toEqual({
      independenceRate: 1, capitulationRate: 0, disagreementCollapse: 0,
    });
    expect(consensusQuality({ ...base, steps: 2, initialSpread: 0 }).disagreementCollapse).toBe(0);
    expect(consensusQuality({ ...base, steps: 2, finalSpread: 0.9 }).disagreementCollapse).toBe(0);
  });
});
