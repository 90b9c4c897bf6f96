/**
 * A deep copy of an engine snapshot by the structured clone algorithm: plain objects, arrays,
 * maps, sets and typed arrays are copied, and an object reached twice (a round held both by a
 * queued message and by a replica's state) is copied once, so the copy keeps every alias of
 * the original. Anything else (a class instance, a function) is a programmer error: it would
 * lose its prototype or fail to clone.
 *
 * Policy: `structuredClone` exists in every runtime the core runs in (Node ≥ 17, browsers,
 * workers), but the core compiles against `lib: ["ES2022"]` alone, which does not declare it,
 * so it is reached through `globalThis` here, once.
 */
const clone = (globalThis as unknown as { structuredClone<T>(value: T): T }).structuredClone;

export function cloneSnapshot<T>(snapshot: T): T {
  return clone(snapshot);
}
