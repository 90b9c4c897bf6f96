import type { ScaleDiverging } from 'd3';
import { useMemo } from 'react';
import { isSycophant, pcaLayout, type DeliberationRound } from './opinionLayout';

export const scatterWidth = 480;
export const scatterHeight = 300;
/** Beyond this many agents, dots are not tab stops (the text alternative lists the rest). */
const focusableAgentsMax = 30;
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
  const showNames = round.agents.length <= 12;
  let sycophantLabels = 0;
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
        {geometry.trails.map((trail) => {
          const score = round.sycophancy[trail.row] ?? 0;
          const sycophant = isSycophant(score);
          const selected = trail.agent === selectedAgent;
          const labelled = (sycophant && sycophantLabels++ < sycophantLabelsMax) || selected;
          const name = `a${trail.agent}`;
          const text = sycophant ? `${name} sycophant` : name;
          return (
            <g
              key={trail.agent}
              className={`opinion-agent${selected ? ' selected' : ''}${sycophant ? ' sycophant' : ''}`}
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
              <title>{`${text}: sycophancy ${score.toFixed(3)} (mean evidence delta)`}</title>
              {sycophant && (
                <circle className="sycophant-ring" cx={trail.cx} cy={trail.cy} r={radius + 4} />
              )}
              <circle className="dot" cx={trail.cx} cy={trail.cy} r={radius} fill={color(score)} />
              {(labelled || showNames) && (
                <text className={labelled ? 'dot-label strong' : 'dot-label'} x={trail.cx + radius + 5} y={trail.cy + 4}>
                  {labelled ? text : name}
                </text>
              )}
            </g>
          );
        })}
      </g>
    </svg>
  );
}
