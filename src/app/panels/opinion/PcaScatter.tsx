import type { ScaleDiverging } from 'd3';
import { useMemo } from 'react';
import { signed } from '../../format';
import { dotLabels, isSycophant, pcaLayout, type DeliberationRound } from './opinionLayout';

export const scatterWidth = 480;
export const scatterHeight = 300;
/** Beyond this many agents, dots are not tab stops (the text alternative lists the rest). */
const focusableAgentsMax = 30;
/** Up to this many agents, every dot is named. */
const namesAllAgentsMax = 12;
/** At most this many sycophant labels, so a large run stays readable. */
const sycophantLabelsMax = 12;

interface PcaScatterProps {
  round: DeliberationRound;
  stepShown: number;
  color: ScaleDiverging<string>;
  selectedAgent: number | null;
  onSelectAgent(agent: number | null): void;
  label: string;
}

function dotRadius(agentCount: number): number {
  if (agentCount <= 20) return 7;
  if (agentCount <= 100) return 4.5;
  return 3;
}

/** Agents' 2-D projected positions: a faint trail through the steps so far, a dot at the step shown. */
export function PcaScatter({ round, stepShown, color, selectedAgent, onSelectAgent, label }: PcaScatterProps) {
  const geometry = useMemo(
    () => pcaLayout(round, scatterWidth, scatterHeight, stepShown),
    [round, stepShown],
  );
  const radius = dotRadius(round.agents.length);
  const focusable = round.agents.length <= focusableAgentsMax;
  const labels = dotLabels(round, geometry.trails, selectedAgent, {
    radius,
    namesAll: round.agents.length <= namesAllAgentsMax,
    sycophantLabelsMax,
  });
  // The selected agent is drawn last, on top of any agent at the same spot.
  const order = [...geometry.trails].sort(
    (a, b) => Number(a.agent === selectedAgent) - Number(b.agent === selectedAgent),
  );
  const select = (agent: number) => onSelectAgent(agent === selectedAgent ? null : agent);
  return (
    <svg
      className="opinion-scatter"
      viewBox={`0 0 ${scatterWidth} ${scatterHeight}`}
      role="img"
      aria-label={label}
      data-testid="opinion-scatter"
    >
      <rect className="opinion-plot-bg" x={0} y={0} width={scatterWidth} height={scatterHeight} rx={6} />
      <g className="opinion-starts" aria-hidden="true">
        {geometry.stepShown > 0 &&
          geometry.trails.map((trail) => (
            <circle key={trail.agent} cx={trail.points[0]![0]} cy={trail.points[0]![1]} r={2.5} />
          ))}
      </g>
      <g className="opinion-trails">
        {geometry.trails.map((trail) => (
          <path
            key={trail.agent}
            d={trail.path}
            stroke={color(round.sycophancy[trail.row] ?? 0)}
            className={trail.agent === selectedAgent ? 'trail selected' : 'trail'}
          />
        ))}
      </g>
      <g className="opinion-dots">
        {order.map((trail) => {
          const score = round.sycophancy[trail.row] ?? 0;
          const sycophant = isSycophant(round, trail.agent);
          const selected = trail.agent === selectedAgent;
          const text = `a${trail.agent}${sycophant ? ' sycophant' : ''}`;
          return (
            <g
              key={trail.agent}
              className={`opinion-agent${selected ? ' selected' : ''}`}
              data-agent={trail.agent}
              onClick={() => select(trail.agent)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') {
                  event.preventDefault();
                  select(trail.agent);
                }
              }}
              {...(focusable
                ? { tabIndex: 0, role: 'button', 'aria-pressed': selected, 'aria-label': `select ${text}` }
                : {})}
            >
              <title>{`${text}: sycophancy score ${signed(score)} (mean evidence delta)`}</title>
              {sycophant && <circle className="sycophant-ring" cx={trail.cx} cy={trail.cy} r={radius + 4} />}
              <circle className="dot" cx={trail.cx} cy={trail.cy} r={radius} fill={color(score)} />
            </g>
          );
        })}
      </g>
      <g className="opinion-labels" aria-hidden="true">
        {labels.map((label) => (
          <text
            key={`${label.x},${label.y}`}
            className={`dot-label${label.strong ? ' strong' : ''}${label.sycophant ? ' sycophant' : ''}`}
            x={label.x}
            y={label.y}
          >
            {label.text}
          </text>
        ))}
      </g>
    </svg>
  );
}
