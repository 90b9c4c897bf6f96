import { scaleLinear } from 'd3';
import type { SimEvent } from '../../worker/api';

type Violation = Extract<SimEvent, { kind: 'invariantViolated' }>;
type Box = NonNullable<Violation['box']>;

const width = 320;
const height = 74;
const margin = { left: 14, right: 14 };
const lineY = 40;

/**
 * Validity's evidence drawn (issue 12): on the coordinate where the committed centroid lies
 * farthest outside the box of the honest agents' values, the box, every counted agent's value
 * (honest above the line, Byzantine below) and the centroid outside it.
 */
export function ValidityBoxView({ box, roundNo }: { box: Box; roundNo: number | null }) {
  const all = [box.box[0], box.box[1], box.centroid, ...box.values.map(([, value]) => value)];
  const low = Math.min(...all);
  const high = Math.max(...all);
  const pad = (high - low || 1) * 0.08;
  const x = scaleLinear().domain([low - pad, high + pad]).range([margin.left, width - margin.right]);
  const byzantine = new Set(box.byzantine);
  const honestValues = box.values.filter(([agent]) => !byzantine.has(agent));
  const byzantineValues = box.values.filter(([agent]) => byzantine.has(agent));
  const label =
    `Round ${roundNo ?? '?'}, ${box.axis} axis, coordinate ${box.coordinate}: the honest agents' values span ` +
    `[${box.box[0]}, ${box.box[1]}], the committed centroid is ${box.centroid}` +
    (byzantineValues.length > 0
      ? `, pulled by ${byzantineValues.map(([agent, value]) => `a${agent} at ${value}`).join(', ')}`
      : '');
  return (
    <figure className="validity-box" data-testid="validity-box">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
        <title>{label}</title>
        <line className="validity-axis" x1={margin.left} x2={width - margin.right} y1={lineY} y2={lineY} />
        <rect
          className="validity-honest-box"
          x={x(box.box[0]) - 3}
          width={Math.max(6, x(box.box[1]) - x(box.box[0]) + 6)}
          y={lineY - 12}
          height={24}
        />
        {honestValues.map(([agent, value]) => (
          <circle key={agent} className="validity-honest" cx={x(value)} cy={lineY - 6} r={4}>
            <title>{`a${agent} (honest): ${value}`}</title>
          </circle>
        ))}
        {byzantineValues.map(([agent, value]) => (
          <g key={agent}>
            <circle className="validity-byzantine" cx={x(value)} cy={lineY + 7} r={4} />
            <text className="validity-label" x={x(value)} y={lineY + 24} textAnchor="middle">a{agent}</text>
          </g>
        ))}
        <path
          className="validity-centroid"
          d={`M${x(box.centroid)},${lineY - 20} l-6,-9 h12 z`}
        />
        <text className="validity-label" x={x(box.centroid)} y={10} textAnchor="middle">centroid</text>
      </svg>
      <figcaption>{label}: outside the box, so validity fails.</figcaption>
    </figure>
  );
}
