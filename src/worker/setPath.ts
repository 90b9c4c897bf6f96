import type { Scenario } from '../core/sim';

/** A copy of `scenario` with the dotted `path` set to `value` (objects created on the way). */
export function setPath(scenario: Scenario, path: string, value: unknown): unknown {
  const keys = path.split('.');
  if (keys.some((key) => key === '' || key === '__proto__' || key === 'constructor' || key === 'prototype')) {
    throw new Error(`sweep: "${path}" is not a scenario field path`);
  }
  const copy = JSON.parse(JSON.stringify(scenario)) as Record<string, unknown>;
  let node = copy;
  for (const key of keys.slice(0, -1)) {
    const next = Object.hasOwn(node, key) ? node[key] : undefined;
    node[key] = typeof next === 'object' && next !== null ? next : {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys.at(-1)!] = value;
  return copy;
}
