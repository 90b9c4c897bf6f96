import type { ScaleDiverging } from 'd3';
import { memo, useCallback, useMemo } from 'react';
import { drawHkLines, type OpinionPalette } from './opinionCanvas';
import { OpinionCanvas } from './OpinionCanvas';
import { hkChartLayout, type DeliberationRound, type HkGeometry } from './opinionLayout';

const chartWidth = 480;
const chartHeight = 300;

interface HkChartProps {
  round: DeliberationRound;
  stepShown: number;
  color: ScaleDiverging<string>;
  selectedAgent: number | null;
  label: string;
  /** Paint the agents' lines on a canvas (`usesCanvas`). */
  onCanvas: boolean;
}

/**
 * The classic 1-D Hegselmann–Krause chart: each agent's opinion in [0, 1] over the steps. In a
 * run above the SVG limit the agents' lines are painted on a canvas under the same axes.
 */
export const HkChart = memo(function HkChart(props: HkChartProps) {
  const { round, stepShown, color, selectedAgent, label, onCanvas } = props;
  const geometry = useMemo(() => hkChartLayout(round, chartWidth, chartHeight), [round]);
  const colours = useMemo(() => round.sycophancy.map((score) => color(score)), [round, color]);
  const draw = useCallback(
    (context: CanvasRenderingContext2D, palette: OpinionPalette) =>
      drawHkLines(context, geometry, (row) => colours[row] ?? color(0), palette, {
        width: chartWidth,
        height: chartHeight,
      }),
    [geometry, colours, color],
  );
  const overlay = <HkOverlay geometry={geometry} stepShown={stepShown} selectedAgent={selectedAgent} />;
  if (onCanvas) {
    return (
      <OpinionCanvas
        testId="opinion-hk-chart"
        className="opinion-hk"
        width={chartWidth}
        height={chartHeight}
        label={`${label} Each agent's line is drawn on a canvas: ${round.agents.length} lines over ${round.steps} steps.`}
        draw={draw}
      >
        <HkAxes geometry={geometry} grid={false} />
        {overlay}
      </OpinionCanvas>
    );
  }
  return (
    <svg
      className="opinion-hk"
      viewBox={`0 0 ${chartWidth} ${chartHeight}`}
      role="img"
      aria-label={label}
      data-testid="opinion-hk-chart"
    >
      <HkAxes geometry={geometry} grid />
      <g className="hk-lines">
        {geometry.lines.map((polyline) => (
          <path
            key={polyline.agent}
            d={polyline.path}
            stroke={color(round.sycophancy[polyline.row] ?? 0)}
            strokeOpacity={geometry.lineOpacity}
            className="hk-line"
          />
        ))}
      </g>
      {overlay}
    </svg>
  );
});

/** The grid lines (on the SVG chart; the canvas paints its own) and the axes' text. */
function HkAxes({ geometry, grid }: { geometry: HkGeometry; grid: boolean }) {
  const { margin, x, y } = geometry;
  return (
    <g className="hk-axis">
      {geometry.yTicks.map((tick) => (
        <g key={tick}>
          {grid && <line x1={margin.left} x2={chartWidth - margin.right} y1={y(tick)} y2={y(tick)} />}
          <text x={margin.left - 6} y={y(tick) + 3} textAnchor="end">{tick}</text>
        </g>
      ))}
      {geometry.xTicks.map((tick) => (
        <text key={tick} x={x(tick)} y={chartHeight - margin.bottom + 14} textAnchor="middle">{tick}</text>
      ))}
      <text x={(margin.left + chartWidth - margin.right) / 2} y={chartHeight - 2} textAnchor="middle">
        step
      </text>
      <text transform={`translate(10 ${(chartHeight - margin.bottom) / 2}) rotate(-90)`} textAnchor="middle">
        opinion
      </text>
    </g>
  );
}

/** Over the agents' lines: the selected agent's line, so it is never hidden, and the step cursor. */
function HkOverlay({ geometry, stepShown, selectedAgent }: { geometry: HkGeometry; stepShown: number; selectedAgent: number | null }) {
  const { margin, x } = geometry;
  const cursorX = x(stepShown);
  const selectedLine = geometry.lines.find((polyline) => polyline.agent === selectedAgent);
  return (
    <>
      {selectedLine && <path className="hk-line selected" d={selectedLine.path} stroke="currentColor" />}
      <line className="hk-cursor" x1={cursorX} x2={cursorX} y1={margin.top} y2={chartHeight - margin.bottom} />
    </>
  );
}
