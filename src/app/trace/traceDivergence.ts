import type { StreamEvent } from '../../worker/api';
import type { TraceIndex } from './traceIndex';

/** Where two runs' traces first differ: the position, its tick, and each run's event there. */
export interface TraceDivergence {
  index: number;
  tick: number;
  /** The first run's event at `index`; null when its trace ended before. */
  a: StreamEvent | null;
  b: StreamEvent | null;
}

/**
 * The first event at which two runs differ, as the page holds them (the same stream the panels
 * draw), or null when the traces are identical. A trace that is a strict prefix of the other
 * differs where it ends. Events are compared by value, whatever the order of their keys.
 */
export function traceDivergence(a: TraceIndex, b: TraceIndex): TraceDivergence | null {
  const length = Math.max(a.length, b.length);
  for (let index = 0; index < length; index++) {
    const left = index < a.length ? a.events[index]! : null;
    const right = index < b.length ? b.events[index]! : null;
    if (left !== null && right !== null && sameValue(left, right)) continue;
    return { index, tick: (left ?? right)!.t, a: left, b: right };
  }
  return null;
}

/** Deep equality of plain JSON data (the events came through JSON). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, index) => sameValue(item, other[index]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  return keys.every((key) => Object.hasOwn(right, key) && sameValue(left[key], right[key]));
}
