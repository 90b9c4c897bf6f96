import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { TraceIndex } from '../../trace/traceIndex';
import { EmptyState, Panel } from '../../components/Panel';
import { agentsInTrace, eventLogRowsMaxFor, EventLogScanner, type EventLogRow } from './eventLogRows';
import { agentName, eventCategories, type EventCategory } from './narrate';
import './eventLog.css';

export interface EventLogPanelProps {
  /** The run's trace index. */
  trace: TraceIndex;
  /** The time cursor: rows up to and including this tick are listed. */
  tick: number;
  /**
   * The trace position of the event step or back stopped at: its row alone is marked as the
   * cursor's. Null while playing or after a seek: every row of the cursor's tick is.
   */
  stepEvent?: number | null;
  selectedAgent: number | null;
  onSeek(tick: number): void;
  /** The trace position of an event to list whatever the filters, marked ≠ (Compare); optional. */
  markedIndex?: number | null;
}

/** 'all', 'selected' (follows the selection made anywhere), or one agent's index. */
type AgentChoice = 'all' | 'selected' | number;

const categoryLabels: Record<EventCategory, string> = {
  message: 'Messages',
  protocol: 'Protocol',
  fault: 'Faults',
  invariant: 'Invariants',
  council: 'Council',
  run: 'Run',
};

function resolveAgent(choice: AgentChoice, selectedAgent: number | null): number | null {
  if (choice === 'all') return null;
  if (choice === 'selected') return selectedAgent;
  return choice;
}

/** Narrated events up to the cursor, filterable by agent and category; a row seeks to its tick. */
export const EventLogPanel = memo(EventLogPanelBody);

function EventLogPanelBody({ trace, tick, stepEvent = null, selectedAgent, onSeek, markedIndex = null }: EventLogPanelProps) {
  const [agentChoice, setAgentChoice] = useState<AgentChoice>('all');
  const [categories, setCategories] = useState<ReadonlySet<EventCategory>>(() => new Set(eventCategories));
  const [showMessages, setShowMessages] = useState(false);
  const agent = resolveAgent(agentChoice, selectedAgent);
  const agentOptions = useMemo(() => agentsInTrace(trace), [trace]);
  // Events carry whole ticks: the rows change only when the whole tick does, not every frame.
  const wholeTick = Math.floor(tick);
  // Playback reads only the events of the ticks passed since the last rows (EventLogScanner).
  const [scanner] = useState(() => new EventLogScanner());
  const rowsMax = eventLogRowsMaxFor(agentOptions.length);
  const { rows, hiddenCount } = useMemo(
    () => scanner.rows(trace, wholeTick, { agent, categories, showMessages, keep: markedIndex }, rowsMax),
    [scanner, trace, wholeTick, agent, categories, showMessages, markedIndex, rowsMax],
  );

  const toggleCategory = (category: EventCategory) =>
    setCategories((current) => {
      const next = new Set(current);
      if (next.has(category)) next.delete(category);
      else next.add(category);
      return next;
    });

  // A stable callback: `onSeek` is a new closure on every render of the page.
  const seekRef = useRef(onSeek);
  useEffect(() => {
    seekRef.current = onSeek;
  });
  const seek = useCallback((t: number) => seekRef.current(t), []);
  // Policy: the filters and rows are memoised elements, so a playback frame that moves the
  // cursor within a tick re-renders neither (the agent select alone has one option per agent).
  const filters = useMemo(
    () => (
      <div className="event-log-filters" role="group" aria-label="Event log filters">
        <label>
          Agent{' '}
          <select
            value={String(agentChoice)}
            onChange={(change) => {
              const value = change.target.value;
              setAgentChoice(value === 'all' || value === 'selected' ? value : Number(value));
            }}
          >
            <option value="all">All agents</option>
            <option value="selected">
              Selected agent{selectedAgent === null ? ' (none)' : ` (${agentName(selectedAgent)})`}
            </option>
            {agentOptions.map((agentIndex) => (
              <option key={agentIndex} value={agentIndex}>
                {agentName(agentIndex)}
              </option>
            ))}
          </select>
        </label>
        {eventCategories.map((category) => (
          <label key={category}>
            <input type="checkbox" checked={categories.has(category)} onChange={() => toggleCategory(category)} />{' '}
            {categoryLabels[category]}
          </label>
        ))}
        <label>
          <input type="checkbox" checked={showMessages} onChange={(change) => setShowMessages(change.target.checked)} />{' '}
          Show messages
        </label>
      </div>
    ),
    [agentChoice, selectedAgent, agentOptions, categories, showMessages],
  );
  const cursorTick = Number.isInteger(tick) ? tick : null;
  const list = useMemo(
    () =>
      rows.length === 0 ? (
        <EmptyState>
          {trace.length === 0
            ? 'Play the run: each proposal, sealed evaluation, vote, commit and fault will be told here as it happens.'
            : 'No event matches these filters up to this tick.'}
        </EmptyState>
      ) : (
        // Policy: no aria-live here. The log gains dozens of rows a second during playback,
        // which a screen reader would read out without end; the run status announces progress.
        // The scroller stacks from its bottom (eventLog.css), so the newest row, the one at the
        // cursor, stays in view as rows are added, without measuring the list in script: reading
        // its height after each tick forced a layout of the page in the middle of a frame.
        <div className="event-log-scroll">
          <ol className="event-log-rows">
            {hiddenCount > 0 && (
              <li className="event-log-hidden">
                {hiddenCount} earlier {hiddenCount === 1 ? 'event' : 'events'} hidden
              </li>
            )}
            {rows.map((row) => (
              <EventLogRowItem
                key={row.index}
                row={row}
                atCursor={stepEvent === null ? row.t === cursorTick : row.index === stepEvent}
                selected={selectedAgent !== null && row.agents.includes(selectedAgent)}
                onSeek={seek}
              />
            ))}
          </ol>
        </div>
      ),
    [rows, hiddenCount, cursorTick, stepEvent, selectedAgent, seek, trace.length],
  );
  return (
    <Panel
      testId="event-log"
      title="Event log"
      caption="Every event of the run up to the time cursor, in words; click a row to move the cursor there."
      info={
        <p>
          The log is the text version of the network ring. Messages sent are hidden by default because
          there are thousands of them; turn on “show messages” to list each one with its latency or
          the reason it was lost.
        </p>
      }
      legend={
        <span className="event-log-legend">
          <span className="event-log-glyph invariant" aria-hidden="true">✗</span> invariant violated ·{' '}
          <span className="event-log-swatch" aria-hidden="true" /> involves the selected agent
        </span>
      }
    >
      {filters}
      {list}
    </Panel>
  );
}

/** Memoised: a new tick adds rows and moves the cursor mark; the other rows stay as drawn. */
const EventLogRowItem = memo(function EventLogRowItem({
  row,
  atCursor,
  selected,
  onSeek,
}: {
  row: EventLogRow;
  atCursor: boolean;
  selected: boolean;
  onSeek(tick: number): void;
}) {
  const classes = ['event-log-row', row.category];
  if (selected) classes.push('selected');
  if (atCursor) classes.push('at-cursor');
  if (row.marked) classes.push('marked');
  return (
    <li className={classes.join(' ')} data-kind={row.kind} data-testid={row.marked ? 'event-log-marked' : undefined}>
      <button type="button" onClick={() => onSeek(row.t)} aria-label={`tick ${row.t}: ${row.text}${row.marked ? ' (the first difference)' : ''}. Move the cursor here.`}>
        <span className="event-log-tick">{row.t}</span>
        {row.category === 'invariant' && (
          <span className="event-log-glyph invariant" aria-hidden="true">✗</span>
        )}
        {row.marked && <span className="event-log-glyph marked" title="the first difference between the two runs">≠</span>}
        <span className="event-log-text">{row.text}</span>
      </button>
    </li>
  );
});
