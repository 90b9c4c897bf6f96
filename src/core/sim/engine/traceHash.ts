import { canonicalJson } from '../../canonicalJson';
import { sha256Hex } from '../../crypto';
import type { SimEvent } from './traceEvents';

/**
 * `traceHash` = sha256 hex of the canonical JSON of the event list (SPEC §2). Events are
 * quantised when they are recorded, so the hash never depends on the last bit of a float.
 * Hashed incrementally, event by event, joined as a JSON array would be.
 */
export function traceHash(events: readonly SimEvent[]): string {
  return sha256Hex('[' + events.map((event) => canonicalJson(event)).join(',') + ']');
}
