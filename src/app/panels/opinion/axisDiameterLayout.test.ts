import { describe, expect, it } from 'vitest';
import { axisDiameterLayout, diameterAxes } from './axisDiameterLayout';

const diameters = [
  [0.9, 1.2, 0, 0.25, 0.77],
  [0.67, 0.94, 0, 0.19, 0.62],
  [0.48, 0.43, 0, 0.08, 0.24],
];

describe('axisDiameterLayout', () => {
  const geometry = axisDiameterLayout(diameters, 200, 70);

  it('draws five labelled lines through every step', () => {
    expect(geometry.lines.map((l) => l.label)).toEqual(diameterAxes.map((axis) => axis.label));
    for (const l of geometry.lines) {
      expect(l.points).toHaveLength(3);
      expect(l.path.startsWith('M')).toBe(true);
    }
    expect(geometry.max).toBe(1.2);
  });

  it('puts a zero diameter on the base line and the largest at the top', () => {
    const relational = geometry.lines[2]!;
    expect(relational.points.every(([, y]) => y === geometry.baseY)).toBe(true);
    expect(geometry.lines[1]!.points[0]![1]).toBe(4);
  });

  it('moves along x with the steps, inside the plot', () => {
    expect(geometry.stepX).toHaveLength(3);
    expect(geometry.stepX[0]!).toBeLessThan(geometry.stepX[2]!);
    expect(geometry.stepX[2]!).toBeLessThanOrEqual(geometry.plotRight);
  });

  it('keeps the end labels at least 10 px apart and inside the chart', () => {
    const ys = geometry.lines.map((l) => l.labelY).sort((a, b) => a - b);
    for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).toBeGreaterThanOrEqual(10 - 1e-9);
    expect(ys[0]!).toBeGreaterThanOrEqual(0);
    expect(ys.at(-1)!).toBeLessThanOrEqual(70);
  });
});
