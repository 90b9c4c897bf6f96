import { AssertionError } from '../../assert';

/**
 * A deep copy of an engine's state for checkpoints: objects keep their prototypes (so class
 * instances stay instances), shared references stay shared within the copy, and cycles are
 * preserved. Kept by reference, not copied:
 * - objects in `shared`, and instances of `sharedClasses` (caches that are pure functions of
 *   their keys, such as the verification memo; the scenario);
 * - frozen objects (sealed records, deep-frozen once a resolver has read them);
 * - functions: stateless helpers are fine; a closure over engine state must be rebuilt by the
 *   engine after the copy (`rebind`), which the checkpoint tests catch if forgotten.
 * Policy: a `WeakMap` or `WeakSet` cannot be enumerated, so meeting one is a programmer error.
 */
export function cloneState<T>(
  root: T,
  shared: ReadonlySet<object>,
  sharedClasses: readonly (abstract new (...args: never[]) => object)[] = [],
): T {
  const copies = new Map<object, unknown>();
  const copy = (value: unknown): unknown => {
    if (typeof value !== 'object' || value === null) return value;
    if (shared.has(value) || Object.isFrozen(value)) return value;
    if (sharedClasses.some((type) => value instanceof type)) return value;
    const known = copies.get(value);
    if (known !== undefined) return known;
    if (value instanceof WeakMap || value instanceof WeakSet) {
      throw new AssertionError('cloneState: a WeakMap or WeakSet cannot be checkpointed; share it instead');
    }
    if (ArrayBuffer.isView(value)) {
      const view = (value as unknown as { slice(): unknown }).slice();
      copies.set(value, view);
      return view;
    }
    if (Array.isArray(value)) {
      const array: unknown[] = [];
      copies.set(value, array);
      for (const item of value) array.push(copy(item));
      return array;
    }
    if (value instanceof Map) {
      const map = new Map();
      copies.set(value, map);
      for (const [key, item] of value) map.set(copy(key), copy(item));
      return map;
    }
    if (value instanceof Set) {
      const set = new Set();
      copies.set(value, set);
      for (const item of value) set.add(copy(item));
      return set;
    }
    const object = Object.create(Object.getPrototypeOf(value) as object | null) as Record<string, unknown>;
    copies.set(value, object);
    for (const key of Object.keys(value)) object[key] = copy((value as Record<string, unknown>)[key]);
    return object;
  };
  return copy(root) as T;
}
