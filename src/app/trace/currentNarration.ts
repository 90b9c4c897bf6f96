import type { StreamEvent } from '../../worker/api';
import { stepEvent } from './eventSteps';
import { keyNarration } from './keyNarration';
import type { TraceIndex, TraceSection } from './traceIndex';

/** How far back to look for an event worth narrating; a bound, not a search of the whole run. */
export const narrationLookbackMax = 2_000;

/** The least weight (`keyNarration`) that makes an event the step's key event. */
const keyWeightMin = 3;

export interface CurrentNarration {
  tick: number;
  text: string;
}

/**
 * The sentence presenter mode shows under the ring: the key event of the latest step at or
 * before the cursor, told with its reason. The step is the latest tick with a key event
 * (a proposal, a resolution, a first commit, a view change, a certificate, an invariant); at
 * that tick the weightiest event wins, so "a0 resolves round 1 … the seals of a1, a2 do not
 * match" is told, not the vote cast after it. Null before the first key event.
 */
export function currentNarration(trace: TraceIndex, tick: number): CurrentNarration | null {
  const { events } = trace;
  const end = trace.end(tick);
  const stop = Math.max(0, end - narrationLookbackMax);
  const firsts = trace.section(firstsSection).positions;
  let best: { t: number; weight: number; text: string } | null = null;
  for (let index = end - 1; index >= stop; index -= 1) {
    const event = events[index]!;
    if (best !== null && event.t < best.t) break;
    const told = keyNarration(event, firsts.has(index));
    if (told === null || told.weight < keyWeightMin) continue;
    // Scanning backwards: an equal weight earlier in the same tick is the one that came first.
    if (best === null || told.weight >= best.weight) best = { t: event.t, weight: told.weight, text: told.text };
  }
  return best === null ? null : { tick: best.t, text: best.text };
}

/**
 * The sentence for the step that ends at `trace`'s last event (step and back stop inside a
 * tick, `eventSteps.ts`): that step's narrated event, told with its reason whatever its weight,
 * so stepping through a tick tells each event in turn. Null when the step holds only traffic
 * (then the tick's key event is told, as while playing) or nothing has happened.
 */
export function steppedNarration(trace: TraceIndex): CurrentNarration | null {
  const position = stepEvent(trace, trace.length);
  if (position === null) return currentNarration(trace, trace.lastTick);
  const event = trace.events[position]!;
  const told = keyNarration(event, trace.section(firstsSection).positions.has(position));
  return told === null ? currentNarration(trace, event.t) : { tick: event.t, text: told.text };
}

/**
 * Positions of the events that happen first of their kind: a round's first commit or "no
 * agreement" decision, a (round, view)'s first view change or timeout. Later replicas doing
 * the same are not news.
 */
const firstsSection: TraceSection<{ seen: Set<string>; positions: Set<number> }> = {
  name: 'first events',
  create: () => ({ seen: new Set(), positions: new Set() }),
  read(state, event, position) {
    const key = keyOf(event);
    if (key !== null && !state.seen.has(key)) {
      state.seen.add(key);
      state.positions.add(position);
    }
  },
};

function keyOf(event: StreamEvent): string | null {
  switch (event.kind) {
    case 'committed':
    case 'decidedNoAgreement':
      return `decided:${event.roundNo}`;
    case 'viewChanged':
      return `view:${event.roundNo}:${event.view}`;
    case 'timedOut':
      return `timeout:${event.roundNo}:${event.view}`;
    default:
      return null;
  }
}
