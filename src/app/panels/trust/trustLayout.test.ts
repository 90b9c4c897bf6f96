import { describe, expect, it } from 'vitest';
import { preset } from '../../../core/sim/presets';
import { runScenario } from '../../../core/sim/runScenario';
import type { SimEvent } from '../../../worker/api';
import { rgb } from 'd3';
import { agreementMatrix, axisTrustMissing, blocCells, matrixPixels, trustAt, trustColour } from './trustLayout';

describe('trustAt', () => {
  const trace = runScenario(preset('byzantine-tamper').scenario).trace as SimEvent[];
  const end = trace.at(-1)!.t;

  it('knows nothing before the first commit and every honest row at the end', () => {
    const first = trace.find((event) => event.kind === 'trustUpdated')!;
    expect(trustAt(trace, first.t - 1, 7).values.every((row) => row.every((v) => v === null))).toBe(true);
    const last = trustAt(trace, end, 7);
    expect(last.values[0]!.filter((v) => v !== null)).toHaveLength(6);
    expect(last.values[0]![0]).toBeNull();
    expect(last.roundNo).toBe(5);
  });

  it('shows honest replicas trusting the tamperers less than their honest peers', () => {
    const { values, reputation } = trustAt(trace, end, 7);
    const row = values[3]!;
    expect(row[1]!).toBeLessThan(row[4]!);
    expect(row[2]!).toBeLessThan(row[5]!);
    expect(reputation[1]!).toBeLessThan(reputation[4]!);
  });

  it('draws one axis of the per-axis trust, on the colour scale every source shares', () => {
    const scalar = trustAt(trace, end, 7);
    const semantic = trustAt(trace, end, 7, 'semantic');
    const last = trace.filter((event) => event.kind === 'trustUpdated' && event.agent === 3).at(-1)!;
    if (last.kind !== 'trustUpdated') throw new Error('no trust update of a3');
    expect(semantic.values[3]![4]).toBe(last.axisTrust![0]![4]);
    expect(semantic.values[3]![3]).toBeNull();
    expect(semantic.values).not.toEqual(scalar.values);
    expect([semantic.min, semantic.max]).toEqual([scalar.min, scalar.max]);
  });

  it('says per-axis trust is missing only when the updates carry none', () => {
    const stripped = trace.map((event) => {
      if (event.kind !== 'trustUpdated') return event;
      const { axisTrust: _dropped, ...rest } = event;
      return rest;
    });
    expect(axisTrustMissing(trace)).toBe(false);
    expect(axisTrustMissing([])).toBe(false);
    expect(axisTrustMissing(stripped)).toBe(true);
    expect(trustAt(stripped, end, 7, 'semantic').values.flat().every((v) => v === null)).toBe(true);
  });

  it('shares the rows of the agents whose latest update did not change between two ticks', () => {
    const updates = trace.filter((event) => event.kind === 'trustUpdated');
    const lastOfRound1 = updates.filter((event) => event.kind === 'trustUpdated' && event.roundNo === 1).at(-1)!;
    const firstOfRound2 = updates.find((event) => event.kind === 'trustUpdated' && event.roundNo === 2)!;
    const before = trustAt(trace, lastOfRound1.t, 7);
    const after = trustAt(trace, firstOfRound2.t, 7);
    if (firstOfRound2.kind !== 'trustUpdated') throw new Error('not a trust update');
    const changed = new Set(
      updates.filter((event) => event.t > lastOfRound1.t && event.t <= firstOfRound2.t).map((event) => event.agent),
    );
    for (let agent = 0; agent < 7; agent++) {
      if (changed.has(agent)) expect(after.values[agent]).not.toBe(before.values[agent]);
      else expect(after.values[agent]).toBe(before.values[agent]);
    }
    expect(changed.size).toBeGreaterThan(0);
    expect(after.values[firstOfRound2.agent]![(firstOfRound2.agent + 1) % 7]).toBe(
      firstOfRound2.trust[(firstOfRound2.agent + 1) % 7],
    );
  });

  it('turns a council agreement matrix into the same shape', () => {
    const matrix = agreementMatrix({ a0: { a0: 1, a1: 0.5 }, a1: { a0: 0.5, a1: 1 } }, 2);
    expect(matrix.values).toEqual([[1, 0.5], [0.5, 1]]);
    expect([matrix.min, matrix.max]).toEqual([0, 1]);
  });
});

describe('matrixPixels', () => {
  it('paints one opaque pixel per known cell, the extremes at the ramp ends; unknown cells are transparent', () => {
    const matrix = { values: [[null, 0], [1, null]], reputation: [null, null], roundNo: null, min: 0, max: 1 };
    const pixels = matrixPixels(matrix);
    expect(pixels).toHaveLength(2 * 2 * 4);
    expect([...pixels.slice(0, 4)]).toEqual([0, 0, 0, 0]);
    expect([...pixels.slice(12, 16)]).toEqual([0, 0, 0, 0]);
    const low = rgb(trustColour(matrix)(0));
    const high = rgb(trustColour(matrix)(1));
    expect([...pixels.slice(4, 8)]).toEqual([low.r, low.g, low.b, 255]);
    expect([...pixels.slice(8, 12)]).toEqual([high.r, high.g, high.b, 255]);
  });
});

describe('blocCells', () => {
  it('outlines every pair of distinct members of each bloc, and ignores ids outside the roster', () => {
    const cells = blocCells([['a6', 'a7', 'a8'], ['a1', 'a12']], 9);
    expect(cells).toHaveLength(6);
    expect(cells).toContainEqual({ row: 6, column: 8 });
    expect(cells).toContainEqual({ row: 8, column: 6 });
    expect(cells.some((cell) => cell.row === cell.column)).toBe(false);
    expect(cells.some((cell) => cell.row === 1 || cell.column === 1)).toBe(false);
  });
});
