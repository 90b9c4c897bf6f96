import { describe, expect, it } from 'vitest';
import { renderSummary } from './render';
import type { ConsensusSummary } from './types';

const summary: ConsensusSummary = {
  voterCount: 5,
  maxByzantineFaults: 1,
  bftQuorum: 3,
  totalProposals: 2,
  open: 0,
  approved: 1,
  rejected: 1,
  executed: 1,
  expired: 0,
  auditEntries: 14,
  auditChainValid: true,
  votingBlocs: [],
};

describe('renderSummary', () => {
  it('draws the header, the voters and the proposal counts', () => {
    const text = renderSummary(summary);
    expect(text).toContain('Agent Consensus Protocol Summary');
    expect(text).toContain('Voters:   5  │  BFT faults:   1');
    expect(text).toContain('BFT quorum:   3');
    expect(text).toContain('├─ Approved:    1');
    expect(text).toContain('Chain valid:  ✓ YES');
    expect(text).not.toContain('Voting blocs');
  });

  it('lists voting blocs, cutting long ones at 36 characters', () => {
    const members = Array.from({ length: 12 }, (_, index) => `monitor-${index}`);
    const text = renderSummary({
      ...summary,
      auditChainValid: false,
      votingBlocs: [['a', 'b'], members],
    });
    expect(text).toContain('⚠ Voting blocs detected:');
    expect(text).toContain('[a, b ');
    expect(text).toContain(`[${members.join(', ').slice(0, 36)}]`);
    expect(text).toContain('Chain valid:   ✗ NO');
  });

  it('pads every line of the box to the same width', () => {
    const text = renderSummary({ ...summary, votingBlocs: [['a', 'b', 'c']] });
    const widths = new Set(text.split('\n').map((line) => [...line].length));
    expect([...widths]).toEqual([44]);
  });
});
