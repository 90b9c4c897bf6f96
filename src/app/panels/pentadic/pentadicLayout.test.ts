import { describe, expect, it } from 'vitest';
import { preset } from '../../../core/sim/presets';
import { runScenario } from '../../../core/sim/runScenario';
import { alignmentBand as coreBand } from '../../../core/resonance';
import type { SimEvent } from '../../../worker/api';
import { alignmentBand, pentadicTable, scoredRoundsUpTo, scoreColour, type ScoredRound } from './pentadicLayout';

const trace = runScenario(preset('byzantine-tamper').scenario).trace as SimEvent[];
const end = trace.at(-1)!.t;

function syntheticRound(agentCount: number, tamperedAgents: number[] = []): ScoredRound {
  const rows = Array.from({ length: agentCount }, (_, i) => [i, 0.5, 0.6, 1, 0.7, 0.8, i / agentCount]);
  return {
    key: '1:0', roundNo: 1, view: 0, t: 3, agent: 0, threshold: 0.6, status: 'committed', tamperedAgents, rows,
  };
}

describe('scoredRoundsUpTo', () => {
  it('is empty before the first resolution', () => {
    const first = trace.find((event) => event.kind === 'roundScored')!;
    expect(scoredRoundsUpTo(trace, first.t - 1)).toEqual([]);
  });

  it('lists the five rounds of byzantine-tamper with their leader, status and tampered agents', () => {
    const rounds = scoredRoundsUpTo(trace, end);
    expect(rounds.map((round) => round.roundNo)).toEqual([1, 2, 3, 4, 5]);
    for (const round of rounds) {
      expect(round.status).toBe('committed');
      expect(round.tamperedAgents).toEqual([1, 2]);
      expect(round.rows).toHaveLength(7);
    }
  });

  it('joins the chunks of one round and view', () => {
    const base = { t: 2, kind: 'roundScored', agent: 3, roundNo: 1, view: 2, threshold: 0.6 } as const;
    const events: SimEvent[] = [
      { ...base, from: 0, rows: [[0, 1, 1, 1, 1, 1, 1]] },
      { ...base, from: 1, rows: [[1, 0, 0, 0, 0, 0, 0]] },
    ];
    const [round] = scoredRoundsUpTo(events, 2);
    expect(round!.rows.map((row) => row[0])).toEqual([0, 1]);
    expect(round!.status).toBeNull();
  });
});

describe('pentadicTable', () => {
  it('gives byzantine-tamper seven rows by index with the two tamperers flagged', () => {
    const table = pentadicTable(scoredRoundsUpTo(trace, end).at(-1)!, Infinity);
    expect(table.rows.map((row) => row.agentIndex)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(table.rows.filter((row) => row.tampered).map((row) => row.agentIndex)).toEqual([1, 2]);
    expect(table.hiddenCount).toBe(0);
  });

  it('ticks the agents at or above the threshold and bands them', () => {
    const table = pentadicTable(syntheticRound(10), Infinity);
    expect(table.rows.map((row) => row.passes)).toEqual([false, false, false, false, false, false, true, true, true, true]);
    expect(table.rows[9]!.band).toBe('strong');
    expect(table.rows[6]!.band).toBe('borderline');
    expect(table.rows[0]!.band).toBe('weak');
  });

  it('lists a tampered agent the trace did not score, with empty cells', () => {
    const round = syntheticRound(3, [7]);
    const row = pentadicTable(round, Infinity).rows.at(-1)!;
    expect(row).toMatchObject({ agentIndex: 7, tampered: true, overall: null, passes: false, band: null });
    expect(row.axes).toEqual([null, null, null, null, null]);
  });

  it('caps the rows of a large round and counts the rest', () => {
    const table = pentadicTable(syntheticRound(250), 50);
    expect(table.rows).toHaveLength(50);
    expect(table.hiddenCount).toBe(200);
  });
});

describe('alignmentBand and scoreColour', () => {
  it('bands scores exactly as the core report does', () => {
    for (const score of [1, 0.9, 0.8999, 0.75, 0.7499, 0.6, 0.5999, 0, -0.2]) {
      expect(alignmentBand(score), String(score)).toBe(coreBand(score));
    }
  });

  it('writes dark text on the light end of cividis and light text on the dark end', () => {
    expect(scoreColour(1).text).toBe('#1d2330');
    expect(scoreColour(0).text).toBe('#ffffff');
    expect(scoreColour(-0.5).fill).toBe(scoreColour(0).fill);
  });
});
