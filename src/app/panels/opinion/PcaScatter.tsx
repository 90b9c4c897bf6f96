import type { ScaleDiverging } from 'd3';
import { useCallback, useMemo, useRef, useState } from 'react';
import { signed } from '../../format';
import { dotAt, drawPcaMarks, type OpinionPalette } from './opinionCanvas';
import { dotPositions } from './dotTransition';
import { OpinionCanvas, type OpinionCanvasHandle } from './OpinionCanvas';
import { dotLabels, isSycophant, pcaLayout, type DeliberationRound, type DotLabel } from './opinionLayout';
import { useDotTransition } from './useDotTransition';

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
  /** Paint the start rings, trails and dots on a canvas (`usesCanvas`). */
  onCanvas: boolean;
}

function dotRadius(agentCount: number): number {
  if (agentCount <= 20) return 7;
  if (agentCount <= 100) return 4.5;
  return 3;
}

/** Agents' 2-D projected positions: a faint trail through the steps so far, a dot at the step shown. */
export function PcaScatter(props: PcaScatterProps) {
  const { round, stepShown, color, selectedAgent, onSelectAgent, label, onCanvas } = props;
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
  if (onCanvas) {
    return (
      <PcaCanvas
        round={round}
        geometry={geometry}
        radius={radius}
        labels={labels}
        color={color}
        selectedAgent={selectedAgent}
        onSelect={select}
        label={label}
      />
    );
  }
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
              <title>{dotTitle(round, trail.agent, trail.row)}</title>
              {sycophant && <circle className="sycophant-ring" cx={trail.cx} cy={trail.cy} r={radius + 4} />}
              <circle className="dot" cx={trail.cx} cy={trail.cy} r={radius} fill={color(score)} />
            </g>
          );
        })}
      </g>
      <DotLabels labels={labels} />
    </svg>
  );
}

function DotLabels({ labels }: { labels: readonly DotLabel[] }) {
  return (
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
  );
}

/** What a dot's hover says: the agent, whether the audit flagged it, its score. */
function dotTitle(round: DeliberationRound, agent: number, row: number): string {
  const text = `a${agent}${isSycophant(round, agent) ? ' sycophant' : ''}`;
  return `${text}: sycophancy score ${signed(round.sycophancy[row] ?? 0)} (mean evidence delta)`;
}

interface PcaCanvasProps {
  round: DeliberationRound;
  geometry: ReturnType<typeof pcaLayout>;
  radius: number;
  labels: readonly DotLabel[];
  color: ScaleDiverging<string>;
  selectedAgent: number | null;
  onSelect(agent: number): void;
  label: string;
}

/**
 * The scatter above the SVG limit: start rings, trails and dots painted on a canvas, the
 * labels and the hovered dot's ring in the SVG overlay; a hover names the dot under the
 * pointer (as the SVG's titles do) and a click selects it. A new step moves the dots there
 * over 0.3 s as the SVG's do; the trails, labels, hover and clicks are the step's at once,
 * so a click mid-move selects the agent the tooltip names.
 */
function PcaCanvas({ round, geometry, radius, labels, color, selectedAgent, onSelect, label }: PcaCanvasProps) {
  const [hovered, setHovered] = useState<number | null>(null);
  const colours = useMemo(() => round.sycophancy.map((score) => color(score)), [round, color]);
  const chart = useRef<OpinionCanvasHandle>(null);
  const target = useMemo(() => dotPositions(geometry.trails), [geometry]);
  const { drawn, animating } = useDotTransition(round, target, () => chart.current?.repaint());
  const draw = useCallback(
    (context: CanvasRenderingContext2D, palette: OpinionPalette) =>
      drawPcaMarks(
        context,
        geometry,
        {
          colorOf: (row) => colours[row] ?? color(0),
          radius,
          selectedAgent,
          isSycophant: (agent) => isSycophant(round, agent),
          dots: drawn.current.positions,
        },
        palette,
        { width: scatterWidth, height: scatterHeight },
      ),
    [geometry, round, colours, color, radius, selectedAgent, drawn],
  );
  const hit = (point: [number, number] | null) =>
    point === null ? null : dotAt(geometry.trails, point[0], point[1], radius, selectedAgent);
  const hoveredTrail = geometry.trails.find((trail) => trail.agent === hovered);
  const steps = geometry.stepShown;
  return (
    <OpinionCanvas
      ref={chart}
      animating={animating}
      testId="opinion-scatter"
      className="opinion-scatter"
      width={scatterWidth}
      height={scatterHeight}
      label={`${label} Drawn on a canvas: ${round.agents.length} dots, with trails over ${steps} ${steps === 1 ? 'step' : 'steps'}.`}
      draw={draw}
      onPointer={(point) => setHovered(hit(point))}
      onClick={(point) => {
        const agent = hit(point);
        if (agent !== null) onSelect(agent);
      }}
      tooltip={hoveredTrail ? dotTitle(round, hoveredTrail.agent, hoveredTrail.row) : undefined}
    >
      {hoveredTrail && (
        <circle className="opinion-hover-ring" cx={hoveredTrail.cx} cy={hoveredTrail.cy} r={radius} />
      )}
      <DotLabels labels={labels} />
    </OpinionCanvas>
  );
}
