/**
 * Sets `key` in a map that keeps at most `max` entries, dropping the oldest first: the small
 * caches of the core (interned lists, sort orders, remembered outcomes) stay bounded across the
 * many runs of a sweep or a hunt.
 */
export function setBounded<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
  if (!map.has(key) && map.size >= max) map.delete(map.keys().next().value as K);
  map.set(key, value);
}
