import type { StreamEvent } from '../../../worker/api';
import type { TraceIndex, TraceSection } from '../../trace/traceIndex';
import { narrate, type EventCategory, type Narration } from './narrate';

/** At most this many rows are drawn; earlier matches are counted, not drawn. */
export const eventLogRowsMax = 300;

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

// Policy: narrations are cached per event object. The trace only grows and its events are
// never mutated, so a row is narrated once however often the cursor moves.
const narrationCache = new WeakMap<StreamEvent, Narration | null>();

function cachedNarration(event: StreamEvent): Narration | null {
  let narration = narrationCache.get(event);
  if (narration === undefined) {
    narration = narrate(event);
    narrationCache.set(event, narration);
  }
  return narration;
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
    // Messages are most of a trace; skip them before narrating when they are hidden.
    const message = event.kind === 'messageSent' || event.kind === 'messagesAggregated';
    if (!kept && message && !filter.showMessages) continue;
    if (!kept && event.kind === 'deliberationStep') continue;
    const narration = cachedNarration(event) ?? (kept ? untold(event) : null);
    if (narration === null || (!kept && !matches(narration, filter))) continue;
    const row: EventLogRow = { ...narration, index, t: event.t, kind: event.kind, ...(kept ? { marked: true as const } : {}) };
    if (rows.length < rowsMax || kept) rows.push(row);
    else hiddenCount += 1;
  }
  rows.reverse();
  return { rows, hiddenCount };
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
