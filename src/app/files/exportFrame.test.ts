import { describe, expect, it } from 'vitest';
import { composeExportSvg, escapeXml, exportSubtitle, layoutLegend, textWidth, type LegendToken } from './exportFrame';

const swatch = (fill: string): LegendToken => ({ kind: 'swatch', width: 18, height: 10, fill, stroke: null, dashed: false, radius: 2 });
const text = { fontFamily: 'system-ui, "Segoe UI", sans-serif', colour: 'rgb(20, 30, 40)', mutedColour: 'rgb(90, 90, 90)' };

describe('layoutLegend', () => {
  it('puts swatches and their words on one row while they fit, with a new row at each break', () => {
    const { items, height } = layoutLegend(
      [swatch('red'), { kind: 'text', text: 'committed' }, { kind: 'break' }, swatch('blue'), { kind: 'text', text: 'aborted' }],
      400,
    );
    expect(items.map((item) => item.kind)).toEqual(['swatch', 'text', 'swatch', 'text']);
    expect(items[0]!.y).toBe(items[1]!.y);
    expect(items[1]!.x).toBeGreaterThan(items[0]!.x + 18);
    expect(items[2]!.y).toBeGreaterThan(items[0]!.y);
    expect(items[2]!.x).toBe(0);
    expect(height).toBeGreaterThan(items[2]!.y);
  });

  it('wraps long text between words and never past the width', () => {
    const long = 'sycophancy score (mean evidence delta): toward less confident peers or toward more confident ones';
    const { items } = layoutLegend([swatch('red'), { kind: 'text', text: long }], 200);
    const texts = items.filter((item) => item.kind === 'text');
    expect(texts.length).toBeGreaterThan(2);
    expect(texts.map((item) => (item.kind === 'text' ? item.text : '')).join(' ')).toBe(long);
    for (const item of texts) {
      if (item.kind === 'text') expect(item.x + textWidth(item.text)).toBeLessThanOrEqual(200);
    }
  });

  it('is empty without tokens', () => {
    expect(layoutLegend([], 300)).toEqual({ items: [], height: 0 });
  });
});

describe('composeExportSvg', () => {
  const drawing = { markup: '<svg xmlns="http://www.w3.org/2000/svg" width="360" height="300"><circle r="4"/></svg>', width: 360, height: 300 };
  const legend: LegendToken[] = [
    swatch('rgb(0, 158, 115)'), { kind: 'text', text: 'committed' },
    { kind: 'graphic', width: 18, height: 18, markup: '<svg width="18" height="18"><path d="M0 0L9 9"/></svg>' },
    { kind: 'text', text: 'leader <gold> & "ring"' },
  ];
  const image = composeExportSvg({
    title: 'Commit timeline', subtitle: exportSubtitle('Crash the leader', 127), drawing, legend, background: 'rgb(255, 255, 255)', text,
  });

  it('is one standalone SVG document with the title, the scenario and the tick above the drawing', () => {
    expect(image.svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(image.svg).toMatch(/<text data-part="title"[^>]*font-weight="700"[^>]*>Commit timeline<\/text>/);
    expect(image.svg).toMatch(/<text data-part="subtitle"[^>]*>Crash the leader · tick 127<\/text>/);
    expect(image.svg).toContain(`<g data-part="drawing" transform="translate(16 ${16 + 16 + 6 + 12 + 10})">${drawing.markup}</g>`);
    expect(image.svg).toContain('width="392"');
    expect(image.svg).not.toContain('class=');
  });

  it('carries the legend below the drawing, its text escaped and its swatches in their colours', () => {
    const legendAt = image.svg.indexOf('<g data-part="legend"');
    expect(legendAt).toBeGreaterThan(image.svg.indexOf('data-part="drawing"'));
    const part = image.svg.slice(legendAt);
    expect(part).toContain('fill="rgb(0, 158, 115)"');
    expect(part).toContain('>committed</text>');
    expect(part).toContain('<path d="M0 0L9 9"/>');
    expect(part).toContain('leader &lt;gold&gt; &amp; &quot;ring&quot;');
    expect(image.height).toBeGreaterThan(16 + 16 + 6 + 12 + 10 + 300 + 12);
  });

  it('leaves the legend out when the panel has none, and never makes a picture narrower than 352 px', () => {
    const bare = composeExportSvg({
      title: 'Ring', subtitle: 'x', drawing: { markup: '<svg/>', width: 100, height: 100 }, legend: [], background: '#fff', text,
    });
    expect(bare.svg).not.toContain('data-part="legend"');
    expect(bare.width).toBe(352);
  });
});

describe('exportSubtitle and escapeXml', () => {
  it('name the scenario (or say "Scenario") and the tick', () => {
    expect(exportSubtitle('Happy path', 0)).toBe('Happy path · tick 0');
    expect(exportSubtitle('  ', null)).toBe('Scenario');
  });

  it('escape the five XML characters', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });
});
