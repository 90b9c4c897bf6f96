import type { StreamEvent } from '../../worker/api';
import { narrate } from '../panels/eventLog/narrate';

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
  const end = firstAfter(events, tick);
  const stop = Math.max(0, end - narrationLookbackMax);
  for (let index = end - 1; index >= stop; index -= 1) {
    const event = events[index]!;
    const told = narrate(event);
    if (told !== null && told.important) return { tick: event.t, text: told.text };
  }
  return null;
}

/** The index of the first event after `tick` (events are in tick order): a binary search. */
function firstAfter(events: readonly StreamEvent[], tick: number): number {
  let low = 0;
  let high = events.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (events[middle]!.t <= tick) low = middle + 1;
    else high = middle;
  }
  return low;
}
