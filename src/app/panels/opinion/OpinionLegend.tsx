import type { ScaleDiverging } from 'd3';

const rampSteps = 24;
const rampWidth = 96;

/** The sycophancy scale as a colour ramp, with the marks the scatter uses. */
export function OpinionLegend({ color, chart }: { color: ScaleDiverging<string>; chart: 'pca' | 'hk' }) {
  const [low, , high] = color.domain() as [number, number, number];
  // Policy: the ramp is SVG rects rather than a CSS gradient, so it needs no inline style
  // under the page's Content Security Policy and exports with the panel.
  const cell = rampWidth / rampSteps;
  return (
    <ul className="legend opinion-legend">
      <li>
        <span className="tabular">{`−${Math.abs(low).toFixed(2)}`}</span>
        <svg className="ramp" width={rampWidth} height={10} aria-hidden="true">
          {Array.from({ length: rampSteps }, (_, i) => (
            <rect
              key={i}
              x={i * cell}
              width={cell + 0.5}
              height={10}
              fill={color(low + ((i + 0.5) / rampSteps) * (high - low))}
            />
          ))}
        </svg>
        <span className="tabular">+{high.toFixed(2)}</span>
        <span>sycophancy score (mean evidence delta): ← toward less confident peers · toward more confident →</span>
      </li>
      {chart === 'pca' ? (
        <>
          <li>
            <span className="swatch sycophant-ring-swatch" /> sycophant: flagged by the audit (copied the leader, then moved toward less confident peers)
          </li>
          <li><span className="swatch selected-swatch" /> selected agent</li>
          <li><span className="swatch trail-swatch" /> trail from step 0 (small ring)</li>
        </>
      ) : (
        <>
          <li><span className="swatch selected-line-swatch" /> selected agent</li>
          <li><span className="swatch cursor-swatch" /> step shown</li>
        </>
      )}
    </ul>
  );
}
