import { describe, expect, it } from 'vitest';
import { demoRound } from './demoRound';
import { alignmentBand, pentadicSummary } from './pentadicSummary';

describe('pentadicSummary', () => {
  it('draws a box table with the status, one row per agent and the fixed weights', () => {
    const text = (i: number): string => (i === 6 ? 'reject: risky, flawed, perhaps' : `approve ${i}`);
    const { agents, round } = demoRound(7, { text });
    round.evaluations.a5!.semantic[0] = 42;
    const report = pentadicSummary(agents[0]!.resolve(round));
    const lines = report.split('\n');
    expect(new Set(lines.map((line) => line.length)).size).toBe(1);
    expect(lines[0]).toMatch(/^╔═+╗$/);
    expect(lines[1]).toContain('ResonanceBFT — Pentadic Alignment Report');
    expect(report).toContain('Status: committed   Quorum: 5/5  Threshold: 0.60');
    expect(report).toContain('⚠ Tampered: a5');
    expect(report).toMatch(/a0 +(-?\d\.\d{3} +){5} +\d\.\d{4} {2}\[✓\] (strong|moderate)/);
    expect(report).toMatch(/a6 .*\[ \] weak/);
    expect(report).toContain('weights (fixed): sem=0.25  aff=0.20  rel=0.25  epi=0.15  beh=0.15');
    expect(lines.at(-1)).toMatch(/^╚═+╝$/);
  });

  it('is empty for an outcome without per-axis scores', () => {
    const { agents, round } = demoRound(3);
    expect(pentadicSummary(agents[0]!.resolve(round))).toBe('');
  });

  it('names the alignment bands', () => {
    expect([0.95, 0.9, 0.8, 0.6, 0.59, -1].map(alignmentBand)).toEqual([
      'strong', 'strong', 'moderate', 'borderline', 'weak', 'weak',
    ]);
  });
});
