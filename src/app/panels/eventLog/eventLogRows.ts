import type { StreamEvent } from '../../../worker/api';
import type { TraceIndex, TraceSection } from '../../trace/traceIndex';
import { narrateCached, type EventCategory, type Narration } from './narrate';
import { svgAgentsMax } from '../network/ringLayout';

/** At most this many rows are drawn; earlier matches are counted, not drawn. */
export const eventLogRowsMax = 300;
/**
 * The same in a run above the ring's SVG limit. Policy: there a tick has hundreds of events
 * (a thousand agents seal, vote and commit at once), so every tick replaced all 300 rows, a
 * redraw of tens of milliseconds on the main thread (SPEC §8: no task over 50 ms); the rows
 * shown are that tick's either way, and the agent filter still lists one agent's events.
 */
export const eventLogRowsMaxLarge = 100;

/** How many rows the log draws for a run whose agents are numbered below `agentCount`. */
export function eventLogRowsMaxFor(agentCount: number): number {
  return agentCount > svgAgentsMax ? eventLogRowsMaxLarge : eventLogRowsMax;
}

export interface EventLogFilter {
  /** Only events involving this agent, or null for every agent. */
  agent: number | null;
  categories: ReadonlySet<EventCategory>;
  /** Also list the high-volume events (`important: false`: every message sent). */
  showMessages: boolean;
  /** The trace position of an event listed whatever the filters, marked (Compare: the first difference). */
  keep?: number | null;
}

export interface EventLogRow extends Narration {
  /** The event's index in the trace: a stable React key. */
  index: number;
  t: number;
  kind: StreamEvent['kind'];
  /** The event the filter keeps (`EventLogFilter.keep`). */
  marked?: true;
}

export interface EventLogRows {
  /** Oldest first; the newest (closest to the cursor) last. */
  rows: EventLogRow[];
  /** Matching events at or before the cursor that are not drawn. */
  hiddenCount: number;
}

function matches(narration: Narration, filter: EventLogFilter): boolean {
  if (!narration.important && !filter.showMessages) return false;
  if (!filter.categories.has(narration.category)) return false;
  return filter.agent === null || narration.agents.includes(filter.agent);
}

/**
 * The rows of the log at `tick`: events up to the cursor that pass the filter, the last
 * `rowsMax` of them drawn and the rest counted.
 */
export function eventLogRows(
  trace: TraceIndex,
  tick: number,
  filter: EventLogFilter,
  rowsMax = eventLogRowsMax,
): EventLogRows {
  const rows: EventLogRow[] = [];
  let hiddenCount = 0;
  const { events } = trace;
  for (let index = trace.end(tick) - 1; index >= 0; index -= 1) {
    const event = events[index];
    if (event === undefined) continue;
    const kept = index === filter.keep;
    const row = rowOf(event, index, filter, kept);
    if (row === null) continue;
    if (rows.length < rowsMax || kept) rows.push(row);
    else hiddenCount += 1;
  }
  rows.reverse();
  return { rows, hiddenCount };
}

/** The event's row if the filter lists it (or it is the kept one), else null. */
function rowOf(event: StreamEvent, index: number, filter: EventLogFilter, kept: boolean): EventLogRow | null {
  // Messages are most of a trace; skip them before narrating when they are hidden.
  const message = event.kind === 'messageSent' || event.kind === 'messagesAggregated';
  if (!kept && message && !filter.showMessages) return null;
  if (!kept && event.kind === 'deliberationStep') return null;
  const narration = narrateCached(event) ?? (kept ? untold(event) : null);
  if (narration === null || (!kept && !matches(narration, filter))) return null;
  return { ...narration, index, t: event.t, kind: event.kind, ...(kept ? { marked: true as const } : {}) };
}

/**
 * `eventLogRows` for one panel, answered from its previous answer when the cursor moved
 * forward over the same run with the same filter: only the events since are read, so a tick
 * of playback costs that tick's events, not a scan of the whole trace up to the cursor (10⁵
 * events at n = 1000). Kept rows (`filter.keep`), a new filter or a step back scan again.
 */
export class EventLogScanner {
  private last: {
    events: readonly StreamEvent[];
    filter: EventLogFilter;
    rowsMax: number;
    end: number;
    result: EventLogRows;
  } | null = null;

  rows(trace: TraceIndex, tick: number, filter: EventLogFilter, rowsMax = eventLogRowsMax): EventLogRows {
    const end = trace.end(tick);
    const { last } = this;
    const forward =
      last !== null && (filter.keep ?? null) === null && last.events === trace.events && last.rowsMax === rowsMax &&
      sameFilter(last.filter, filter) && end >= last.end;
    let result: EventLogRows;
    if (!forward) {
      result = eventLogRows(trace, tick, filter, rowsMax);
    } else if (end === last.end) {
      result = last.result;
    } else {
      const rows = [...last.result.rows];
      for (let index = last.end; index < end; index += 1) {
        const row = rowOf(trace.events[index]!, index, filter, false);
        if (row !== null) rows.push(row);
      }
      const excess = Math.max(rows.length - rowsMax, 0);
      result = { rows: excess > 0 ? rows.slice(excess) : rows, hiddenCount: last.result.hiddenCount + excess };
    }
    this.last = { events: trace.events, filter, rowsMax, end, result };
    return result;
  }
}

function sameFilter(a: EventLogFilter, b: EventLogFilter): boolean {
  return a.agent === b.agent && a.categories === b.categories && a.showMessages === b.showMessages &&
    (a.keep ?? null) === (b.keep ?? null);
}

/** A row for an event the log never narrates (a deliberation step), when it must be shown. */
function untold(event: StreamEvent): Narration {
  return { text: `${event.kind} (drawn by the opinion panel)`, agents: [], category: 'protocol', important: true };
}

/** The agents named anywhere in the trace, ascending: the options of the agent filter. */
export function agentsInTrace(trace: TraceIndex): number[] {
  const { last } = trace.section(agentsSection);
  return Array.from({ length: last + 1 }, (_, agentIndex) => agentIndex);
}

/** The highest agent index any event names, kept as the trace grows. */
const agentsSection: TraceSection<{ last: number }> = {
  name: 'agents named',
  create: () => ({ last: -1 }),
  read(state, event) {
    if ('agent' in event && typeof event.agent === 'number') state.last = Math.max(state.last, event.agent);
    if (event.kind === 'messageSent') state.last = Math.max(state.last, event.from, event.to);
  },
};
