import { describe, expect, it } from 'vitest';
import { exportSize, panelFileName, presentationAttributes, propertiesFor } from './svgStyles';

describe('presentationAttributes', () => {
  it('copies the computed paint of an element and leaves out renderer defaults', () => {
    const computed: Record<string, string> = {
      fill: 'rgb(0, 158, 115)', stroke: 'none', 'stroke-width': '2px', opacity: '1', display: 'inline',
    };
    expect(presentationAttributes(propertiesFor('circle'), (name) => computed[name] ?? '')).toEqual([
      ['fill', 'rgb(0, 158, 115)'],
      ['stroke-width', '2px'],
    ]);
  });

  it('copies font properties only where text is drawn', () => {
    expect(propertiesFor('text')).toContain('font-size');
    expect(propertiesFor('rect')).not.toContain('font-size');
  });
});

describe('exportSize', () => {
  it('uses the size on screen, rounded up', () => {
    expect(exportSize('0 0 560 560', { width: 410.2, height: 410.2 })).toEqual({ width: 411, height: 411 });
  });

  it('falls back to the viewBox for a drawing that is not shown', () => {
    expect(exportSize('0,0 720 240', { width: 0, height: 0 })).toEqual({ width: 720, height: 240 });
  });

  it('falls back to a default for a drawing with neither', () => {
    expect(exportSize('0 0 -1 x', { width: 0, height: 0 })).toEqual({ width: 600, height: 400 });
  });
});

describe('panelFileName', () => {
  it('names the file after the panel', () => {
    expect(panelFileName('Trust matrix', 'png')).toBe('bft-lab-trust-matrix.png');
    expect(panelFileName('—', 'svg')).toBe('bft-lab-panel.svg');
  });
});
