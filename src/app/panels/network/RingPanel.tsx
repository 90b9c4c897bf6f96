import { useMemo } from 'react';
import type { Scenario } from '../../../worker/api';
import type { TraceIndex } from '../../trace/traceIndex';
import { EmptyState, Panel } from '../../components/Panel';
import './network.css';
import { RingAgents } from './RingAgents';
import { RingLegend } from './RingLegend';
import { byzantineAgents, forksAt } from '../../trace/decidedValues';
import { RingCanvas } from './RingCanvas';
import { RingMessagesLayer } from './RingMessagesLayer';
import { legendMessageKeys, messageStyles } from './messageStyles';
import { flightTick, placeFlight, ringFlight, ringStatic, svgAgentsMax, type RingFlight } from './ringLayout';
import { usePrefersReducedMotion } from '../../components/useMediaQuery';

export interface RingPanelProps {
  /** The scenario being run, or null before one is loaded (the empty state). */
  scenario: Scenario | null;
  /** The run's trace index. */
  trace: TraceIndex;
  /** The shared time cursor, in ticks (fractional while playing). */
  tick: number;
  selectedAgent: number | null;
  onSelectAgent(agent: number | null): void;
  /** Agents a lesson step talks about: outlined and marked ◆ (never colour alone). */
  focusAgents?: readonly number[];
}

/** Nominal drawing size; the SVG scales to the panel's width through its viewBox. */
const drawingSize = 560;

/** The network panel: agents on a ring, their roles, partitions and messages in flight. */
export function RingPanel({ scenario, trace, tick, selectedAgent, onSelectAgent, focusAgents }: RingPanelProps) {
  return (
    <Panel
      testId="network-view"
      title="Network"
      caption={
        (scenario?.n ?? 0) > svgAgentsMax
          ? 'Each circle is an agent; dots are a sample of the messages travelling between them.'
          : 'Each circle is an agent; lettered dots are messages travelling between them.'
      }
      info={
        <p>
          Agents sit on a ring, a0 at the top. In view v the leader is agent v mod n (gold ring): it
          proposes, every agent seals and sends its evaluation, then two rounds of votes (prepare,
          then commit) finish the round once n−f agents agree. A message takes its latency in ticks
          to cross its chord. A partition cuts the ring into sides (tinted bands) that cannot hear
          each other; messages across the cut are lost (✕). The event log is this picture in words.
        </p>
      }
    >
      {scenario === null ? (
        <EmptyState>
          Pick a preset or configure a scenario: its agents will appear on this ring, and its
          messages will travel between them as the run plays.
        </EmptyState>
      ) : (
        <RingDrawing
          scenario={scenario}
          trace={trace}
          tick={tick}
          selectedAgent={selectedAgent}
          onSelectAgent={onSelectAgent}
          focusAgents={focusAgents}
        />
      )}
      {/* Policy: the legend goes under the ring, so the ring starts high enough to fit above the
          playback bar at 1440 × 900 (issue 12). */}
      <div className="panel-legend ring-legend-below">
        <RingLegend protocol={scenario?.protocol ?? null} quarantine={scenario?.resonance?.accountability === true} />
      </div>
    </Panel>
  );
}

function RingDrawing({ scenario, trace, tick, selectedAgent, onSelectAgent, focusAgents }: RingPanelProps & { scenario: Scenario }) {
  const travel = !usePrefersReducedMotion();
  const wholeTick = Math.floor(tick);
  // Roles change only at whole ticks: the static layer is rebuilt per tick, not per frame.
  const ring = useMemo(
    () => ringStatic({ scenario, trace, tick: wholeTick, width: drawingSize, height: drawingSize }),
    [scenario, trace, wholeTick],
  );
  // The fork legend's Byzantine agents change only with the scenario, not once per frame.
  const byzantine = useMemo(() => byzantineAgents(scenario), [scenario]);
  // Which messages fly changes only at half ticks; a frame only moves their dots.
  const setTick = flightTick(tick);
  const flight = useMemo(
    () => ringFlight({ scenario, trace, tick: setTick, width: drawingSize, height: drawingSize, travel }, ring),
    [scenario, trace, setTick, travel, ring],
  );
  const leader = ring.leader === null ? 'no leader yet' : `leader a${ring.leader}`;
  const summary =
    `${scenario.n} agents, view ${ring.view}, ${leader}, tick ${wholeTick}; ` +
    `${flight.activeCount} messages in flight`;
  const large = scenario.n > svgAgentsMax;
  return (
    <div className={`ring${large ? ' is-large' : ''}`}>
      {large ? (
        <RingCanvas
          ring={ring}
          flight={placeFlight(flight, tick, ring, travel)}
          selectedAgent={selectedAgent}
          onSelectAgent={onSelectAgent}
          label={`Network ring: ${summary}`}
          focusAgents={focusAgents}
        />
      ) : (
        <svg
          className="ring-svg"
          viewBox={`0 0 ${drawingSize} ${drawingSize}`}
          role="group"
          aria-label={`Network ring: ${summary}`}
        >
          <title>{`Network ring: ${summary}`}</title>
          <RingAgents ring={ring} selectedAgent={selectedAgent} onSelectAgent={onSelectAgent} focusAgents={focusAgents} />
          <RingMessagesLayer flight={flight} ring={ring} tick={tick} travel={travel} />
        </svg>
      )}
      <p className="ring-status" data-testid="ring-status">
        view {ring.view} · {leader} · {flight.activeCount} in flight
        {flight.aggregatedCount > 0 && ` (${flight.drawn.length} drawn, ${flight.aggregatedCount} aggregated)`}
      </p>
      {large && <InFlightByType flight={flight} />}
      <ForkLegend trace={trace} tick={wholeTick} byzantine={byzantine} />
    </div>
  );
}

/**
 * The fork, in words: which agents committed which value of a round. Agreement says this never
 * happens; a safety switch turned off (or more than f Byzantine agents) makes it happen here.
 */
function ForkLegend(props: { trace: TraceIndex; tick: number; byzantine: ReadonlySet<number> }) {
  const { trace, tick, byzantine } = props;
  // The ring re-renders every animation frame; the forks change only with the tick.
  const forks = useMemo(() => forksAt(trace, tick, byzantine), [trace, tick, byzantine]);
  if (forks.length === 0) return null;
  const names = (agents: number[]) => agents.map((agent) => `a${agent}`).join(', ');
  return (
    <div className="fork-legend" data-testid="fork-legend" role="note">
      {forks.map((values) => (
        <p key={values[0]!.roundNo}>
          <strong>Fork in round {values[0]!.roundNo}:</strong>{' '}
          {values.map((value, index) => (
            <span key={value.side} className={`fork-side fork-side-${Math.min(value.side, 1)}`} data-side={value.sideName}>
              {index > 0 ? '; ' : ''}value {value.sideName} (
              {value.winner === null ? '"no agreement"' : `winner a${value.winner}`}) committed by{' '}
              {names(value.commits.filter((commit) => commit.t <= tick).map((commit) => commit.agent))}
            </span>
          ))}
          . Honest replicas decided different values: agreement is broken.
        </p>
      ))}
    </div>
  );
}

/**
 * On the canvas the dots are too small for letters: the messages in flight are counted by
 * type in words instead (UI.md: never colour alone).
 */
function InFlightByType({ flight }: { flight: RingFlight }) {
  const counts = legendMessageKeys.flatMap((key) => {
    const count = flight.countsByKey[key] ?? 0;
    return count > 0 ? [{ key, count }] : [];
  });
  if (counts.length === 0) return null;
  return (
    <ul className="ring-in-flight" aria-label="Messages in flight by type" data-testid="ring-in-flight">
      {counts.map(({ key, count }) => (
        <li key={key}>
          <span className="swatch" style={{ background: messageStyles[key].fill }} aria-hidden="true" />
          {messageStyles[key].name} {count}
        </li>
      ))}
    </ul>
  );
}
