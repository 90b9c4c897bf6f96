import type { ScaleDiverging } from 'd3';
import { memo, useMemo } from 'react';
import { hkChartLayout, type DeliberationRound } from './opinionLayout';

const chartWidth = 480;
const chartHeight = 300;

interface HkChartProps {
  round: DeliberationRound;
  stepShown: number;
  color: ScaleDiverging<string>;
  selectedAgent: number | null;
  label: string;
}

/** The classic 1-D Hegselmann–Krause chart: each agent's opinion in [0, 1] over the steps. */
export const HkChart = memo(function HkChart({ round, stepShown, color, selectedAgent, label }: HkChartProps) {
  const geometry = useMemo(() => hkChartLayout(round, chartWidth, chartHeight), [round]);
  const { margin, x, y } = geometry;
  const cursorX = x(stepShown);
  // Drawn again on top, so the selected agent is never hidden under the others.
  const selectedLine = geometry.lines.find((polyline) => polyline.agent === selectedAgent);
  return (
    <svg
      className="opinion-hk"
      viewBox={`0 0 ${chartWidth} ${chartHeight}`}
      role="img"
      aria-label={label}
      data-testid="opinion-hk-chart"
    >
      <g className="hk-axis">
        {geometry.yTicks.map((tick) => (
          <g key={tick}>
            <line x1={margin.left} x2={chartWidth - margin.right} y1={y(tick)} y2={y(tick)} />
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
      {selectedLine && <path className="hk-line selected" d={selectedLine.path} stroke="currentColor" />}
      <line
        className="hk-cursor"
        x1={cursorX}
        x2={cursorX}
        y1={margin.top}
        y2={chartHeight - margin.bottom}
      />
    </svg>
  );
});
