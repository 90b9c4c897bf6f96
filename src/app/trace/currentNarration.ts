import type { StreamEvent } from '../../worker/api';
import { narrate } from '../panels/eventLog/narrate';
import { traceEnd } from './tickSearch';

/** How far back to look for an event worth narrating; a bound, not a search of the whole run. */
export const narrationLookbackMax = 2_000;

export interface CurrentNarration {
  tick: number;
  text: string;
}

/**
 * The sentence presenter mode shows under the ring: the latest important event at or before
 * the cursor (messages are too many to read aloud). Null before the first one.
 */
export function currentNarration(
  events: readonly StreamEvent[],
  tick: number,
): CurrentNarration | null {
  const end = traceEnd(events, tick);
  const stop = Math.max(0, end - narrationLookbackMax);
  for (let index = end - 1; index >= stop; index -= 1) {
    const event = events[index]!;
    const told = narrate(event);
    if (told !== null && told.important) return { tick: event.t, text: told.text };
  }
  return null;
}
