import { describe, expect, it } from 'vitest';
import { gallery, metricNames, sweepJobs } from '../../core/sim/sweep';
import type { SweepRow } from '../../worker/poolApi';
import { metricDomain } from './chartScale';
import { heatmapLayout } from './heatmapLayout';
import { lineLayout } from './lineLayout';
import { formatMetric, metricInfos } from './metricInfo';
import { sweepCsv, sweepFileName } from './sweepExport';
import { jobsOf } from './sweepJobList';
import { cellStats, valueExtent } from './sweepStats';
import { formatValue, parseValuesText } from './valuesText';

function row(xi: number, yi: number, seed: number, decided: number | null): SweepRow {
  const metrics = Object.fromEntries(metricNames.map((name) => [name, 0])) as SweepRow['metrics'];
  metrics.decided = decided;
  return { xi, yi, x: xi / 10, y: yi === 0 ? false : true, seed, traceHash: 'ab'.repeat(32), metrics };
}

const rows = [row(0, 0, 1, 1), row(0, 0, 2, 0.5), row(1, 0, 1, 0), row(1, 1, 1, null), row(0, 1, 1, 0.25)];

describe('explore: metrics and values in words', () => {
  it('has words for exactly the metrics the core computes', () => {
    expect(metricInfos.map((info) => info.name)).toEqual([...metricNames]);
    expect(formatMetric('decided', 0.4567)).toBe('45.7%');
    expect(formatMetric('ticksToCommit', 12.345)).toBe('12.35');
    expect(formatMetric('committed', null)).toBe('n/a');
  });

  it('reads values, switches, words and ranges, and names a bad range', () => {
    expect(parseValuesText('0, 0.1, true, tamper')).toEqual({ ok: true, values: [0, 0.1, true, 'tamper'] });
    expect(parseValuesText('0..0.9 ×10')).toEqual({ ok: true, values: [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9] });
    expect(parseValuesText('1..4 x4')).toEqual({ ok: true, values: [1, 2, 3, 4] });
    expect(parseValuesText(' , ')).toEqual({ ok: false, message: 'give at least one value' });
    expect(parseValuesText('0..1 ×1')).toMatchObject({ ok: false });
    expect(formatValue(true)).toBe('on');
  });
});

describe('explore: cell statistics', () => {
  it('gives each cell its mean, range and spread across seeds, skipping n/a', () => {
    const stats = cellStats(rows, 'decided', 2, 2);
    expect(stats[0]![0]).toEqual({ xi: 0, yi: 0, runs: 2, count: 2, mean: 0.75, min: 0.5, max: 1, sd: 0.25 });
    expect(stats[1]![1]).toMatchObject({ runs: 1, count: 0, mean: null });
    expect(valueExtent(stats)).toEqual([0, 1]);
    expect(metricDomain('count', [2, 5])).toEqual([0, 5]);
    expect(metricDomain('share', [0.2, 0.3])).toEqual([0, 1]);
  });
});

describe('explore: chart layouts', () => {
  const stats = cellStats(rows, 'decided', 2, 2);
  const format = (value: number | null) => formatMetric('decided', value);

  it('lays the heatmap out with x to the right, y upward, and a spread bar where seeds differ', () => {
    const geometry = heatmapLayout(['0', '0.1'], ['off', 'on'], stats, [0, 1], format, { width: 544, height: 316 });
    expect(geometry.plot).toEqual({ left: 120, top: 16, width: 400, height: 200 });
    const cell = (xi: number, yi: number) => geometry.cells.find((c) => c.xi === xi && c.yi === yi)!;
    expect([cell(0, 0).x, cell(0, 0).y, cell(0, 0).width, cell(0, 0).height]).toEqual([120, 116, 200, 100]);
    expect(cell(0, 1).y).toBe(16);
    expect(cell(1, 1).fill).toBeNull();
    expect(cell(0, 0).text).toBe('75%');
    expect(cell(0, 0).spread).toMatchObject({ x1: 120 + 12 + 0.5 * 176, x2: 120 + 12 + 176 });
    expect(cell(1, 0).spread).toBeNull();
    expect(geometry.xTicks).toEqual([{ label: '0', x: 220 }, { label: '0.1', x: 420 }]);
    expect(geometry.legend.stops[0]!.colour).not.toBe(geometry.legend.stops.at(-1)!.colour);
  });

  it('draws one axis as a line of means with a band from min to max', () => {
    const geometry = lineLayout(['0', '0.1'], stats.map((column) => column[0]!), [0, 1], format, { width: 488, height: 288 });
    expect(geometry.points.map((p) => [p.xi, p.cx, p.cy])).toEqual([[0, 164, 66], [1, 364, 216]]);
    expect(geometry.linePath).toBe('M164,66L364,216');
    expect(geometry.bandPath).toMatch(/^M164,16L364,216L364,216L164,116Z$/);
  });
});

describe('explore: exports', () => {
  it('writes one CSV line per run with every metric, and a file name from the sweep', () => {
    const csv = sweepCsv(rows.slice(0, 1)).split('\n');
    expect(csv[0]).toBe(`xi,yi,x,y,seed,traceHash,${metricNames.join(',')}`);
    expect(csv[1]!.startsWith(`0,0,0,false,1,${'ab'.repeat(32)},1,0`)).toBe(true);
    const definition = { v: 1 as const, name: 'Drop rate × latency!', base: { v: 1 as const, seed: 1, protocol: 'resonance' as const, n: 4 },
      x: { param: 'n', values: [4] }, seeds: 1 };
    expect(sweepFileName(definition, 'csv')).toBe('sweep-drop-rate-latency.csv');
  });
});

describe('explore: the runs of a sweep', () => {
  it('lists the same runs, in the same order, as the command line', () => {
    for (const { definition } of gallery) expect(jobsOf(definition)).toEqual(sweepJobs(definition));
  });
});
