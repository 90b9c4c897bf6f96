import { canonicalJson } from '../../canonicalJson';
import type { SimEvent } from '../engine/traceEvents';

/** Where two traces first differ: the position, and each trace's event there (null past its end). */
export interface Divergence {
  index: number;
  a: SimEvent | null;
  b: SimEvent | null;
}

/**
 * The first event at which two traces differ (as their hashes would: canonical JSON), or null
 * when they are identical. A trace that is a strict prefix of the other differs where it ends.
 */
export function firstDivergence(a: readonly SimEvent[], b: readonly SimEvent[]): Divergence | null {
  const length = Math.max(a.length, b.length);
  for (let index = 0; index < length; index++) {
    const left = a[index];
    const right = b[index];
    if (left !== undefined && right !== undefined && canonicalJson(left) === canonicalJson(right)) continue;
    return { index, a: left ?? null, b: right ?? null };
  }
  return null;
}
