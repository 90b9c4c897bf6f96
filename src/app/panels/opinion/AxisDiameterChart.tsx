import { axisDiameterLayout, diameterAxes } from './axisDiameterLayout';

const chartWidth = 220;
const chartHeight = 84;

/**
 * Per-axis opinion diameters over the deliberation steps: five small lines (colour, dash and
 * an end label each), the step shown marked, with a legend that gives the values at that step.
 */
export function AxisDiameterChart({ diameters, stepShown }: { diameters: number[][]; stepShown: number }) {
  const geometry = axisDiameterLayout(diameters, chartWidth, chartHeight);
  const now = diameters[stepShown] ?? diameters.at(-1) ?? [];
  const first = diameters[0] ?? [];
  const markerX = geometry.stepX[stepShown];
  const label =
    `Opinion diameter per axis at step ${stepShown} (step 0 in brackets): ` +
    diameterAxes.map((axis, a) => `${axis.name} ${(now[a] ?? 0).toFixed(2)} (${(first[a] ?? 0).toFixed(2)})`).join(', ');
  return (
    <figure className="axis-diameters" data-testid="opinion-diameter" data-axes={diameterAxes.length}>
      <svg width={chartWidth} height={chartHeight} role="img" aria-label={label}>
        <line className="spark-base" x1={0} x2={geometry.plotRight} y1={geometry.baseY} y2={geometry.baseY} />
        {markerX !== undefined && (
          <line className="axis-diameter-step" x1={markerX} x2={markerX} y1={2} y2={geometry.baseY} />
        )}
        {geometry.lines.map((l) => {
          const axis = diameterAxes[l.axisIndex]!;
          return (
            <g key={axis.name} className="axis-diameter-line" data-axis={axis.name}>
              <path d={l.path} stroke={axis.colour} strokeDasharray={axis.dash || undefined} />
              {/* The name in the text colour (the axis colours are below 4.5:1 on the page); the
                  line beside it carries the colour and the dash. */}
              <text x={geometry.plotRight + 2} y={l.labelY + 3}>
                {axis.label}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <span>diameter per axis, step {stepShown}</span>
        <ul className="axis-diameter-legend">
          {diameterAxes.map((axis, a) => (
            <li key={axis.name} title={`${axis.name}: ${(first[a] ?? 0).toFixed(3)} at step 0`}>
              <svg width={18} height={6} aria-hidden="true">
                <line x1={0} x2={18} y1={3} y2={3} stroke={axis.colour} strokeWidth={2} strokeDasharray={axis.dash || undefined} />
              </svg>
              {axis.name} <strong className="tabular">{(now[a] ?? 0).toFixed(2)}</strong>
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
