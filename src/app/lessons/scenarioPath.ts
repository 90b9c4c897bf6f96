/**
 * A "try this" change names a dotted scenario field (`resonance.unsafe.quorum`); these read and
 * set it on plain scenario data, and compare values the way a link would (canonical JSON).
 */

/** The value at a dotted path, or undefined. */
export function valueAt(scenario: object, path: string): unknown {
  let value: unknown = scenario;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** A copy of `scenario` with the field at `path` set to `value` (the objects on the way copied). */
export function scenarioWith<T extends object>(scenario: T, path: string, value: unknown): T {
  const [head, ...rest] = path.split('.');
  if (head === undefined) return scenario;
  const copy: Record<string, unknown> = { ...(scenario as Record<string, unknown>) };
  if (rest.length === 0) copy[head] = value;
  else {
    const inner = copy[head];
    copy[head] = scenarioWith(typeof inner === 'object' && inner !== null ? inner : {}, rest.join('.'), value);
  }
  return copy as T;
}

/** Canonical JSON: sorted keys, so `{a, b}` and `{b, a}` are the same value. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}
