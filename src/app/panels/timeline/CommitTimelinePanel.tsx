import { memo, useMemo, useRef, type KeyboardEvent } from 'react';
import { scenarioDefaults } from '../../../core/values';
import type { Scenario } from '../../../worker/api';
import type { TraceIndex } from '../../trace/traceIndex';
import { EmptyState, Panel } from '../../components/Panel';
import { byzantineAgents } from '../../trace/decidedValues';
import { TimelineList } from './TimelineList';
import { milestonesOf, timelineLayout, type TimelineGeometry, type TimelineMark } from './timelineLayout';
import { useElementWidth } from './useElementWidth';
import './timeline.css';

/** The SVG's width before the panel has been measured. */
const fallbackWidth = 720;
/** Policy: below this the marks get too close to read; the SVG scales down instead. */
const widthMin = 420;

export interface CommitTimelinePanelProps {
  scenario: Scenario | null;
  /** The run's trace index. */
  trace: TraceIndex;
  tick: number;
  endTick: number;
  ended: boolean;
  /** Moves the time cursor (to a mark's tick). */
  onSeek(tick: number): void;
  /** A tick marked across the lanes, with what it is (Compare: the first difference); optional. */
  mark?: { tick: number; label: string } | null;
}

/** Rounds and views over ticks: every resolution, commit and view change up to the cursor. */
export const CommitTimelinePanel = memo(CommitTimelinePanelBody);

function CommitTimelinePanelBody({ scenario, trace, tick, endTick, ended, onSeek, mark = null }: CommitTimelinePanelProps) {
  const council = scenario?.protocol === 'council';
  const roundCount = scenario?.rounds ?? scenarioDefaults.rounds;
  // The timeline's kinds are a small share of the trace: the run's index lists them as it
  // grows, and the panel takes the ones its index shows.
  const { all, count } = milestonesOf(trace);
  const milestones = useMemo(() => all.slice(0, count), [all, count]);
  const byzantine = useMemo(() => byzantineAgents(scenario), [scenario]);
  const box = useRef<HTMLDivElement>(null);
  const width = Math.max(useElementWidth(box, fallbackWidth), widthMin);
  const geometry = useMemo(
    () => timelineLayout({ events: milestones, tick, endTick, roundCount, width, markTick: mark?.tick ?? null }),
    [milestones, tick, endTick, roundCount, width, mark],
  );
  return (
    <Panel
      testId="commit-timeline"
      title={council ? 'Proposal timeline' : 'Commit timeline'}
      caption={
        council
          ? 'Each proposal over ticks: when it was made and how the tally went. Click a mark to go there.'
          : 'Each round over ticks: resolutions (k of n−f), commits and view changes. Click a mark to go there.'
      }
      info={<TimelineInfo council={council} />}
      legend={
        <TimelineLegend council={council} accountability={scenario?.resonance?.accountability === true}
          mark={mark?.label ?? null} />
      }
    >
      <div ref={box} className="timeline-box">
        {milestones.length === 0 || scenario === null ? (
          <EmptyState>
            {council
              ? 'Run the scenario: each proposal and its tally land here, on a line of ticks.'
              : 'Run the scenario: every round’s resolution, commit and view change lands here.'}
          </EmptyState>
        ) : (
          <>
            <TimelineSvg geometry={geometry} tick={tick} onSeek={onSeek} markLabel={mark?.label ?? null} />
            <TimelineList
              council={council}
              trace={trace}
              tick={tick}
              ended={ended}
              roundCount={roundCount}
              byzantine={byzantine}
              onSeek={onSeek}
            />
          </>
        )}
      </div>
    </Panel>
  );
}

function TimelineSvg({ geometry, tick, onSeek, markLabel }: {
  geometry: TimelineGeometry;
  tick: number;
  onSeek(tick: number): void;
  markLabel: string | null;
}) {
  const { lanes, marks, axisTicks, axisY, cursorX, markX, plotLeft, plotRight } = geometry;
  return (
    <svg
      className="timeline-svg"
      viewBox={`0 0 ${geometry.width} ${geometry.height}`}
      role="group"
      aria-label={`Timeline up to tick ${Math.floor(tick)}: ${marks.length} marks; the list below says the same in words`}
    >
      {lanes.map((lane) => (
        <g key={lane.index} className="timeline-lane">
          <rect x={plotLeft} y={lane.y} width={plotRight - plotLeft} height={36} rx={4} />
          <text x={plotLeft - 6} y={lane.y + 30} textAnchor="end">{lane.label}</text>
        </g>
      ))}
      <g className="timeline-axis" aria-hidden="true">
        <line x1={plotLeft} x2={plotRight} y1={axisY} y2={axisY} />
        {axisTicks
          .filter((axisTick) => Math.abs(axisTick.x - cursorX) >= 18)
          .map((axisTick) => (
            <text key={axisTick.x} x={axisTick.x} y={axisY + 14} textAnchor="middle">{axisTick.label}</text>
          ))}
        <text x={plotLeft - 6} y={axisY + 14} textAnchor="end">tick</text>
      </g>
      {markX !== null && (
        <g className="timeline-divergence" data-testid="timeline-divergence">
          <title>{markLabel}</title>
          <line x1={markX} x2={markX} y1={2} y2={axisY} />
          <text x={markX + 3} y={10}>≠</text>
        </g>
      )}
      {/* Under the marks, so a mark at the cursor stays clickable. */}
      <g className="timeline-cursor" data-testid="timeline-cursor" aria-hidden="true">
        <line x1={cursorX} x2={cursorX} y1={4} y2={axisY} />
        <text x={cursorX} y={axisY + 14} textAnchor="middle">{Math.floor(tick)}</text>
      </g>
      {marks.map((mark) => (
        <Mark key={mark.key} mark={mark} onSeek={onSeek} />
      ))}
    </svg>
  );
}

function Mark({ mark, onSeek }: { mark: TimelineMark; onSeek(tick: number): void }) {
  const seek = () => onSeek(mark.tick);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    event.stopPropagation();
    seek();
  };
  const small = mark.kind === 'timeout' || mark.kind === 'viewChange' || mark.kind === 'proposal' || mark.kind === 'accusation';
  const radius = small ? 6 : 8;
  return (
    <g
      className={`timeline-mark mark-${mark.kind} mark-${mark.status}`}
      data-testid="timeline-mark"
      data-kind={mark.kind}
      data-status={mark.status}
      data-tick={mark.tick}
      role="button"
      tabIndex={0}
      aria-label={`${mark.title}. Move the cursor to tick ${mark.tick}.`}
      onClick={seek}
      onKeyDown={onKeyDown}
    >
      <title>{mark.title}</title>
      {mark.kind === 'commit' ? (
        <rect x={mark.x - radius} y={mark.y - radius} width={2 * radius} height={2 * radius} rx={2} />
      ) : mark.kind === 'viewChange' ? (
        <path d={`M${mark.x} ${mark.y - 7}L${mark.x + 7} ${mark.y}L${mark.x} ${mark.y + 7}L${mark.x - 7} ${mark.y}Z`} />
      ) : (
        <circle cx={mark.x} cy={mark.y} r={radius} />
      )}
      <text className="mark-glyph" x={mark.x} y={mark.y + (small ? 3 : 4)} textAnchor="middle">{mark.glyph}</text>
      {mark.label !== null && (
        <text
          className="mark-label"
          x={mark.labelSide === 'right' ? mark.x + radius + 3 : mark.x - radius - 3}
          y={mark.y + 4}
          textAnchor={mark.labelSide === 'right' ? 'start' : 'end'}
        >
          {mark.label}
        </text>
      )}
      {mark.note !== null && (
        <text className="mark-note" x={mark.x} y={mark.y + 19} textAnchor="middle">{mark.note}</text>
      )}
      {mark.tamperedCount > 0 && (
        <g className="mark-tampered">
          <rect x={mark.x + 3} y={mark.y - 19} width={22} height={12} rx={6} />
          <text x={mark.x + 14} y={mark.y - 10} textAnchor="middle">⚠{mark.tamperedCount}</text>
        </g>
      )}
    </g>
  );
}

function TimelineInfo({ council }: { council: boolean }) {
  return council ? (
    <p>
      A proposal is tallied when every voter’s vote is in or at its deadline. It needs a quorum of voters
      taking part, then approve weight at or above the majority line (two thirds for critical actions).
    </p>
  ) : (
    <p>
      Each round the leader gathers sealed evaluations and resolves once n−f have arrived: “5/5” is the quorum
      it found against the n−f it needed; tampered records never count. Replicas then prepare and commit. If
      the leader stays silent, replicas time out and move to the next view, whose leader tries again.
    </p>
  );
}

function TimelineLegend({ council, accountability, mark }: { council: boolean; accountability: boolean; mark: string | null }) {
  const marked = mark === null ? null : <li><span className="tl-swatch divergence" /> {mark}</li>;
  return council ? (
    <ul className="legend">
      <li><span className="tl-swatch circle neutral">P</span> proposed</li>
      <li><span className="tl-swatch circle committed">✓</span> approved</li>
      <li><span className="tl-swatch circle aborted">✗</span> rejected</li>
      <li><span className="tl-swatch circle pending">∅</span> no quorum</li>
      <li><span className="tl-label-sample">7–1</span> approve–reject weight</li>
      <li><span className="tl-swatch cursor" /> time cursor</li>
      {marked}
    </ul>
  ) : (
    <ul className="legend">
      <li><span className="tl-swatch circle committed">✓</span> leader resolved: quorum k/n−f</li>
      <li><span className="tl-swatch circle aborted">✗</span> resolution aborted</li>
      <li><span className="tl-swatch square committed">✓</span> replicas committed</li>
      <li><span className="tl-swatch badge">⚠</span> tampered records</li>
      <li><span className="tl-swatch circle neutral">T</span> timeout</li>
      <li><span className="tl-swatch diamond">V</span> view change</li>
      {accountability && <li><span className="tl-swatch circle accusation">!</span> proof put to a quarantine vote</li>}
      <li><span className="tl-swatch cursor" /> time cursor</li>
      {marked}
    </ul>
  );
}
