import { sparklineLayout } from './opinionLayout';

const sparkWidth = 140;
const sparkHeight = 34;

/**
 * The opinion diameter in the projected plane over the steps, with the step shown marked: the
 * fallback when the trace carries no per-axis diameters (n above its bound), which it says.
 */
export function DiameterSparkline({ series, stepShown }: { series: readonly number[]; stepShown: number }) {
  const geometry = sparklineLayout(series, sparkWidth, sparkHeight);
  const marker = geometry.points[stepShown];
  const first = series[0] ?? 0;
  const now = series[stepShown] ?? 0;
  const label =
    `Opinion diameter in the projected plane: ${first.toFixed(2)} at step 0, ` +
    `${now.toFixed(2)} at step ${stepShown}`;
  return (
    <figure className="diameter" data-testid="opinion-diameter">
      <svg width={sparkWidth} height={sparkHeight} role="img" aria-label={label}>
        <line className="spark-base" x1={0} x2={sparkWidth} y1={sparkHeight - 2} y2={sparkHeight - 2} />
        <path className="spark-line" d={geometry.path} />
        {marker && <circle className="spark-marker" cx={marker[0]} cy={marker[1]} r={3} />}
      </svg>
      <figcaption>
        diameter in the 2-D projection <strong className="tabular">{now.toFixed(2)}</strong>
        <span className="muted"> (step 0: {first.toFixed(2)})</span>
        <span className="muted diameter-fallback">
          {' '}
          · per-axis diameters are not in the trace for this many agents
        </span>
      </figcaption>
    </figure>
  );
}
