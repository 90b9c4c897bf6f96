import { describe, expect, it } from 'vitest';
import type { TallyView } from './councilState';
import { councilTallyLayout } from './councilTallyLayout';

const tally: TallyView = {
  approveCount: 6,
  rejectCount: 1,
  abstainCount: 0,
  totalVoters: 7,
  quorumRequired: 4,
  approveWeight: 7,
  rejectWeight: 1,
  thresholdUsed: 0.6667,
  isCritical: true,
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

  it('moves the majority line with the weight cast so far', () => {
    const early = councilTallyLayout({ ...tally, approveWeight: 2, rejectWeight: 0, isCritical: false, thresholdUsed: 0.5 }, 8, 400);
    expect(early.thresholdX).toBe(50);
    expect(early.thresholdLabel).toBe('majority 50% of cast weight');
  });

  it('puts the quorum line at the required voter count', () => {
    const geometry = councilTallyLayout(tally, 8, 700);
    expect(geometry.quorumX).toBe(400);
    expect(geometry.quorumLabel).toBe('quorum 4 of 7 voters');
  });

  it('draws no line it does not know, and says why', () => {
    const geometry = councilTallyLayout({ ...tally, quorumRequired: null, thresholdUsed: null }, 8, 400);
    expect([geometry.quorumX, geometry.thresholdX]).toEqual([null, null]);
    expect(geometry.quorumLabel).toContain('stopped before the tally');
  });
});
