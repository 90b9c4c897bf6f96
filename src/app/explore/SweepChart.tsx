import { useState } from 'react';
import type { SweepDefinition, SweepRow } from '../../worker/poolApi';
import { metricDomain, textOn } from './chartScale';
import { heatmapLayout, type HeatmapGeometry } from './heatmapLayout';
import { lineLayout } from './lineLayout';
import { formatMetric, metricInfo } from './metricInfo';
import { paramLabel } from './sweepParams';
import { cellStats, valueExtent, type CellStats } from './sweepStats';
import { formatValue } from './valuesText';

const heatmapSize = { width: 720, height: 490 };
const lineSize = { width: 720, height: 380 };

interface SweepChartProps {
  definition: SweepDefinition;
  rows: readonly SweepRow[];
  metric: string;
  selected: { xi: number; yi: number } | null;
  onSelect(xi: number, yi: number): void;
}

/**
 * The sweep's picture (UI.md Explore, centre): a heatmap for two axes, a line with a band for
 * one, each cell or point a `sweep-cell`. Hover shows a cell's numbers, click lists its runs.
 */
export function SweepChart({ definition, rows, metric, selected, onSelect }: SweepChartProps) {
  const [hovered, setHovered] = useState<CellStats | null>(null);
  const xLabels = definition.x.values.map(formatValue);
  const yLabels = definition.y?.values.map(formatValue) ?? [''];
  const stats = cellStats(rows, metric, xLabels.length, yLabels.length);
  const info = metricInfo(metric);
  const domain = metricDomain(info.kind, valueExtent(stats));
  const format = (value: number | null) => formatMetric(metric, value);
  const describeCell = (cell: CellStats) => {
    const where = `${paramLabel(definition.x.param)} ${xLabels[cell.xi]}` +
      (definition.y ? `, ${paramLabel(definition.y.param)} ${yLabels[cell.yi]}` : '');
    if (cell.mean === null) return `${where}: ${cell.runs === 0 ? 'not run yet' : 'n/a'} (${cell.runs} runs)`;
    const spread = cell.count < 2 ? '' : `, min ${format(cell.min)}, max ${format(cell.max)}, sd ${format(cell.sd)}`;
    return `${where}: mean ${format(cell.mean)}${spread} over ${cell.count} run${cell.count === 1 ? '' : 's'}`;
  };
  const cellProps = (cell: CellStats) => ({
    'data-testid': 'sweep-cell',
    'data-xi': cell.xi,
    'data-yi': cell.yi,
    'data-mean': cell.mean ?? '',
    tabIndex: 0,
    role: 'button',
    'aria-label': describeCell(cell),
    onMouseEnter: () => setHovered(cell),
    onFocus: () => setHovered(cell),
    onClick: () => onSelect(cell.xi, cell.yi),
    onKeyDown: (event: React.KeyboardEvent) => {
      if (event.key === 'Enter' || event.key === ' ') onSelect(cell.xi, cell.yi);
    },
  });
  const isSelected = (xi: number, yi: number) => selected?.xi === xi && selected.yi === yi;
  const title = `${info.label} by ${paramLabel(definition.x.param)}` +
    (definition.y ? ` and ${paramLabel(definition.y.param)}` : '');

  return (
    <figure className="sweep-chart">
      <figcaption>{title}, {definition.seeds} seed{definition.seeds === 1 ? '' : 's'} per cell</figcaption>
      {definition.y ? (
        <Heatmap geometry={heatmapLayout(xLabels, yLabels, stats, domain, format, heatmapSize)} stats={stats}
          xTitle={paramLabel(definition.x.param)} yTitle={paramLabel(definition.y.param)} legendTitle={info.label}
          cellProps={cellProps} isSelected={isSelected} title={title} />
      ) : (
        <LineChart labels={xLabels} column={stats.map((column) => column[0]!)} domain={domain} format={format}
          xTitle={paramLabel(definition.x.param)} yTitle={info.label} cellProps={cellProps} isSelected={isSelected}
          title={title} />
      )}
      <p className="sweep-hover" data-testid="sweep-hover" aria-live="polite">
        {hovered === null ? 'Hover over a cell for its numbers; click it to list its runs.' : describeCell(hovered)}
      </p>
    </figure>
  );
}

type CellProps = (cell: CellStats) => Record<string, unknown>;

interface HeatmapProps {
  geometry: HeatmapGeometry;
  stats: CellStats[][];
  xTitle: string;
  yTitle: string;
  legendTitle: string;
  title: string;
  cellProps: CellProps;
  isSelected(xi: number, yi: number): boolean;
}

function Heatmap({ geometry, stats, xTitle, yTitle, legendTitle, title, cellProps, isSelected }: HeatmapProps) {
  const { plot, legend } = geometry;
  const fontSize = Math.max(8, Math.min(13, (geometry.cells[0]?.width ?? 40) / 4.5));
  return (
    <svg data-testid="sweep-heatmap" viewBox={`0 0 ${heatmapSize.width} ${heatmapSize.height}`} role="img" aria-label={title}>
      <title>{title}</title>
      {geometry.cells.map((cell) => (
        <g key={`${cell.xi}-${cell.yi}`} className="sweep-cell" {...cellProps(stats[cell.xi]![cell.yi]!)}>
          <title>{(cellProps(stats[cell.xi]![cell.yi]!)['aria-label'] as string)}</title>
          <rect x={cell.x + 0.5} y={cell.y + 0.5} width={Math.max(0, cell.width - 1)} height={Math.max(0, cell.height - 1)}
            fill={cell.fill ?? 'var(--track)'} className={isSelected(cell.xi, cell.yi) ? 'selected' : undefined} />
          {cell.fill !== null && (
            <text x={cell.x + cell.width / 2} y={cell.y + cell.height / 2} fill={textOn(cell.fill)} fontSize={fontSize}
              textAnchor="middle" dominantBaseline="middle">{cell.text}</text>
          )}
          {cell.spread && (
            <line x1={cell.spread.x1} x2={Math.max(cell.spread.x2, cell.spread.x1 + 1)} y1={cell.spread.y} y2={cell.spread.y}
              stroke={textOn(cell.fill ?? '#ffffff')} strokeWidth={2} strokeLinecap="round" />
          )}
        </g>
      ))}
      {geometry.xTicks.map((tick) => (
        <text key={`x${tick.x}`} x={tick.x} y={plot.top + plot.height + 16} textAnchor="middle" className="axis-tick">{tick.label}</text>
      ))}
      {geometry.yTicks.map((tick) => (
        <text key={`y${tick.y}`} x={plot.left - 8} y={tick.y} textAnchor="end" dominantBaseline="middle" className="axis-tick">{tick.label}</text>
      ))}
      <text x={plot.left + plot.width / 2} y={plot.top + plot.height + 36} textAnchor="middle" className="axis-title">{xTitle}</text>
      <text transform={`translate(14 ${plot.top + plot.height / 2}) rotate(-90)`} textAnchor="middle" className="axis-title">{yTitle}</text>
      <defs>
        <linearGradient id="sweep-legend-gradient">
          {legend.stops.map((stop) => <stop key={stop.offset} offset={stop.offset} stopColor={stop.colour} />)}
        </linearGradient>
      </defs>
      <g data-testid="sweep-legend">
        <text x={legend.x} y={legend.y - 6} className="axis-title">{legendTitle} (mean; the bar in a cell spans its seeds' lowest to highest)</text>
        <rect x={legend.x} y={legend.y} width={legend.width} height={legend.height} fill="url(#sweep-legend-gradient)" />
        {legend.ticks.map((tick) => (
          <text key={tick.x} x={tick.x} y={legend.y + legend.height + 12} textAnchor="middle" className="axis-tick">{tick.value}</text>
        ))}
      </g>
    </svg>
  );
}

interface LineChartProps {
  labels: string[];
  column: CellStats[];
  domain: [number, number];
  format: (value: number | null) => string;
  xTitle: string;
  yTitle: string;
  title: string;
  cellProps: CellProps;
  isSelected(xi: number, yi: number): boolean;
}

function LineChart({ labels, column, domain, format, xTitle, yTitle, title, cellProps, isSelected }: LineChartProps) {
  const geometry = lineLayout(labels, column, domain, format, lineSize);
  const { plot } = geometry;
  return (
    <svg data-testid="sweep-heatmap" data-chart="line" viewBox={`0 0 ${lineSize.width} ${lineSize.height}`} role="img" aria-label={title}>
      <title>{title}</title>
      {geometry.yTicks.map((tick) => (
        <g key={tick.value}>
          <line x1={plot.left} x2={plot.left + plot.width} y1={tick.y} y2={tick.y} className="grid-line" />
          <text x={plot.left - 8} y={tick.y} textAnchor="end" dominantBaseline="middle" className="axis-tick">{tick.value}</text>
        </g>
      ))}
      <path d={geometry.bandPath} className="sweep-band" />
      <path d={geometry.linePath} className="sweep-line" />
      {geometry.points.map((point) => (
        <g key={point.xi} className="sweep-cell" {...cellProps(column[point.xi]!)}>
          <title>{cellProps(column[point.xi]!)['aria-label'] as string}</title>
          <rect x={point.cx - 18} y={plot.top} width={36} height={plot.height} fill="transparent" />
          {point.cy !== null && (
            <circle cx={point.cx} cy={point.cy} r={isSelected(point.xi, 0) ? 7 : 5} className="sweep-point" />
          )}
        </g>
      ))}
      {geometry.xTicks.map((tick) => (
        <text key={tick.x} x={tick.x} y={plot.top + plot.height + 16} textAnchor="middle" className="axis-tick">{tick.label}</text>
      ))}
      <text x={plot.left + plot.width / 2} y={plot.top + plot.height + 38} textAnchor="middle" className="axis-title">{xTitle}</text>
      <text transform={`translate(14 ${plot.top + plot.height / 2}) rotate(-90)`} textAnchor="middle" className="axis-title">{yTitle}</text>
      <g data-testid="sweep-legend" transform={`translate(${plot.left} ${plot.top + plot.height + 52})`}>
        <line x1={0} x2={22} y1={0} y2={0} className="sweep-line" />
        <text x={28} y={0} dominantBaseline="middle" className="axis-tick">mean over seeds</text>
        <rect x={150} y={-6} width={22} height={12} className="sweep-band" />
        <text x={178} y={0} dominantBaseline="middle" className="axis-tick">lowest to highest seed ({format(domain[0])} – {format(domain[1])} scale)</text>
      </g>
    </svg>
  );
}
