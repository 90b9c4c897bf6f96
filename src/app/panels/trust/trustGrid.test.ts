import { describe, expect, it } from 'vitest';
import { aggregateMatrix, blocksMax, cellText, trustGrid, unitName } from './trustGrid';
import type { TrustMatrix } from './trustLayout';

/** agent i trusts agent j by i + j / 1000, the diagonal unknown. */
function matrixOf(n: number): TrustMatrix {
  const values = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i === j ? null : i + j / 1000)),
  );
  return { values, reputation: Array<number | null>(n).fill(null), roundNo: 1, min: 0, max: n };
}

describe('trustGrid', () => {
  it('names every agent when there is room', () => {
    const grid = trustGrid(7, 360);
    expect(grid.blockSize).toBe(1);
    expect(grid.labels.map((label) => label.text)).toEqual(['a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6']);
    expect(grid.labels[6]!.position).toBeCloseTo(6.5 * (360 / 7));
  });

  it('names every k-th agent when labels would touch, never closer than a label height', () => {
    for (const n of [49, 64, 100]) {
      const grid = trustGrid(n, 360);
      expect(grid.labelStep).toBeGreaterThan(1);
      expect(grid.labelStep * grid.cell).toBeGreaterThanOrEqual(11);
      expect(grid.labels[0]!.text).toBe('a0');
      expect(grid.labels[1]!.text).toBe(`a${grid.labelStep}`);
    }
    expect(trustGrid(49, 360).labelStep).toBe(2);
  });

  it('keeps one cell per agent up to 100 agents and blocks of agents above', () => {
    expect(trustGrid(100, 360)).toMatchObject({ blockSize: 1, units: 100 });
    expect(trustGrid(200, 360)).toMatchObject({ blockSize: 4, units: 50 });
    expect(trustGrid(1000, 360)).toMatchObject({ blockSize: 20, units: 50 });
    const odd = trustGrid(101, 360);
    expect(odd.units).toBeLessThanOrEqual(blocksMax);
    expect(unitName(odd.units - 1, odd.blockSize, 101)).toBe('a99–a100');
  });

  it('leaves room left and above for the longest name, a block\'s range when aggregated', () => {
    expect(trustGrid(100, 360).left).toBeGreaterThanOrEqual(7 + 5.5 * 'a99'.length);
    const grid = trustGrid(1000, 360);
    expect(grid.left).toBeGreaterThanOrEqual(7 + 5.5 * 'a980–a999'.length);
    expect(grid.width).toBe(grid.left + 360);
  });
});

describe('aggregateMatrix', () => {
  it('averages each block over its known pairs, on the same colour range', () => {
    const blocks = aggregateMatrix(matrixOf(8), 4);
    expect(blocks.values).toHaveLength(2);
    // Block (0, 0): rows 0..3, columns 0..3 without the diagonal: 12 pairs.
    expect(blocks.counts[0]![0]).toBe(12);
    expect(blocks.counts[0]![1]).toBe(16);
    const mean = (rows: number[], columns: number[]) => {
      const cells = rows.flatMap((i) => columns.filter((j) => j !== i).map((j) => i + j / 1000));
      return cells.reduce((sum, v) => sum + v, 0) / cells.length;
    };
    expect(blocks.values[0]![1]).toBeCloseTo(mean([0, 1, 2, 3], [4, 5, 6, 7]), 9);
    expect(blocks.values[1]![1]).toBeCloseTo(mean([4, 5, 6, 7], [4, 5, 6, 7]), 9);
    expect([blocks.min, blocks.max]).toEqual([0, 8]);
  });

  it('leaves a block unknown when none of its pairs is known', () => {
    const empty: TrustMatrix = { ...matrixOf(6), values: Array.from({ length: 6 }, () => Array(6).fill(null)) };
    expect(aggregateMatrix(empty, 4).values).toEqual([[null, null], [null, null]]);
  });
});

describe('cellText', () => {
  it('names both agents, or both blocks with their ranges and how many pairs the mean is over', () => {
    const small = matrixOf(7);
    const grid = trustGrid(7, 360);
    expect(cellText(small, grid, 2, 5, 'trust')).toBe('a2 → a5: trust 2.005');
    expect(cellText(small, grid, 3, 3, 'trust')).toBe('a3: itself');
    const big = trustGrid(200, 360);
    const blocks = aggregateMatrix(matrixOf(200), big.blockSize);
    expect(cellText(blocks, big, 1, 2, 'trust')).toMatch(/^a4–a7 → a8–a11: mean trust \d+\.\d{3} over 16 pairs$/);
  });
});
