import type { StreamEvent } from '../../worker/api';
import { narrateCached } from '../panels/eventLog/narrate';
import type { TraceIndex } from './traceIndex';

/**
 * Where step (→) and back (←) stop (issue 12, item 13): event by event, also inside a tick,
 * so a teacher can show a resolution, each vote and each commit of one tick one at a time.
 * A stop is a trace position: the cursor shows the events before it.
 *
 * Policy: a step is one event the event log lists by default (a narrated, "important" event)
 * together with the traffic that follows it in the same tick and that the log hides (the
 * messages it sends, deliberation steps, scores); traffic at the start of a tick joins the
 * tick's first step. So a vote and its broadcast are one step, not n, and every step changes
 * what the log and the narration say.
 */

/** Kinds that never start a step, checked before narrating (messages are most of a trace). */
const trafficKinds: ReadonlySet<StreamEvent['kind']> = new Set([
  'messageSent',
  'messageBroadcast',
  'messagesAggregated',
  'deliberationStep',
]);

/** True for an event that starts a step of its own (the log lists it without "show messages"). */
export function startsStep(event: StreamEvent): boolean {
  if (trafficKinds.has(event.kind)) return false;
  return narrateCached(event)?.important === true;
}

/**
 * The stops inside `tick`, ascending: the positions where its steps end. The last is the
 * tick's end; none when nothing happens at `tick`. Scans the tick's events once.
 */
export function tickStops(trace: TraceIndex, tick: number): number[] {
  const start = trace.end(tick - 1);
  const end = trace.end(tick);
  const { events } = trace;
  const stops: number[] = [];
  let started = false;
  for (let position = start; position < end; position++) {
    if (!startsStep(events[position]!)) continue;
    if (started) stops.push(position);
    started = true;
  }
  if (end > start) stops.push(end);
  return stops;
}

/** The stop one step after `shown` events (a stop itself), or null when the index has no more. */
export function nextStop(trace: TraceIndex, shown: number): number | null {
  if (shown >= trace.length) return null;
  const tick = trace.events[Math.max(shown, 0)]!.t;
  return tickStops(trace, tick).find((stop) => stop > shown) ?? trace.end(tick);
}

/** The stop one step before `shown` events: the step that ends at `shown` undone (0 at the start). */
export function previousStop(trace: TraceIndex, shown: number): number {
  const count = Math.min(shown, trace.length);
  if (count <= 0) return 0;
  const tick = trace.events[count - 1]!.t;
  let stop = trace.end(tick - 1);
  for (const candidate of tickStops(trace, tick)) {
    if (candidate >= count) break;
    stop = candidate;
  }
  return stop;
}

/**
 * The position of the event the step ending at `shown` is about (its narrated event), or null
 * when that step holds only traffic or nothing has happened.
 */
export function stepEvent(trace: TraceIndex, shown: number): number | null {
  const count = Math.min(shown, trace.length);
  const { events } = trace;
  for (let position = previousStop(trace, count); position < count; position++) {
    if (startsStep(events[position]!)) return position;
  }
  return null;
}

/** Which step of its tick ends at `shown` (1-based) and how many the tick has, or null. */
export function stepPlace(trace: TraceIndex, shown: number): { step: number; steps: number } | null {
  const count = Math.min(shown, trace.length);
  if (count <= 0) return null;
  const stops = tickStops(trace, trace.events[count - 1]!.t);
  const step = stops.indexOf(count) + 1;
  return step === 0 ? null : { step, steps: stops.length };
}
