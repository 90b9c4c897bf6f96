import { describe, expect, it } from 'vitest';
import type { TallyResult } from '../../worker/api';
import { councilTallyLayout } from './councilTallyLayout';

const tally: TallyResult = {
  proposalId: 'prop-0002',
  decision: 'approved',
  approveCount: 6,
  rejectCount: 1,
  abstainCount: 0,
  totalVoters: 7,
  quorumRequired: 4,
  quorumMet: true,
  approveWeight: 7,
  rejectWeight: 1,
  thresholdUsed: 0.6667,
  isCritical: true,
  hashChainValid: true,
  approved: true,
  participationRate: 1,
};

describe('councilTallyLayout', () => {
  it('draws approve then reject weight on a scale of the whole council', () => {
    const geometry = councilTallyLayout(tally, 8, 400);
    expect(geometry.weightSegments.map((s) => [s.kind, s.x, s.width])).toEqual([
      ['approve', 0, 350],
      ['reject', 350, 50],
    ]);
  });

  it('puts the supermajority line at the threshold of the cast weight', () => {
    const geometry = councilTallyLayout(tally, 8, 400);
    expect(geometry.thresholdX).toBeCloseTo(0.6667 * 8 * 50);
    expect(geometry.thresholdLabel).toBe('supermajority 66.7% of cast weight');
  });

  it('puts the quorum line at the required voter count', () => {
    const geometry = councilTallyLayout(tally, 8, 700);
    expect(geometry.quorumX).toBe(400);
    expect(geometry.quorumLabel).toBe('quorum 4 of 7 voters');
  });
});
