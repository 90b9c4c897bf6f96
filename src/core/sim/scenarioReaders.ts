/**
 * Field readers for `parseScenario`: each checks one untrusted value against one rule and
 * either returns it, typed, or throws a `ScenarioRejection` naming the field and the value.
 * Only `parseScenario` catches the rejection; it never escapes to callers.
 *
 * Policy: readers only ever read own properties of plain objects and arrays, so neither a
 * polluted `Object.prototype` nor a class instance can inject a field.
 */
export class ScenarioRejection extends Error {
  override name = 'ScenarioRejection';

  constructor(
    readonly path: string,
    readonly detail: string,
  ) {
    super(`${path || 'scenario'}: ${detail}`);
  }
}

/** A plain object being read: own keys only. */
export type Fields = Readonly<Record<string, unknown>>;

export function reject(path: string, detail: string): never {
  throw new ScenarioRejection(path, detail);
}

/** Keys that could reach a prototype when copied naively: rejected wherever they appear. */
export const forbiddenKeys: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);

const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const quotedCharsMax = 32;

/** `base.key`, or `base["key"]` for keys that are not identifiers (always one line). */
export function keyPath(base: string, key: string): string {
  if (identifier.test(key) && key.length <= quotedCharsMax) return base ? `${base}.${key}` : key;
  return `${base}[${quote(key)}]`;
}

export function indexPath(base: string, index: number): string {
  return `${base}[${index}]`;
}

/** A string as a one-line JSON literal, shortened when long. */
export function quote(text: string): string {
  if (text.length <= quotedCharsMax) return JSON.stringify(text);
  return JSON.stringify(text.slice(0, quotedCharsMax)).slice(0, -1) + '…"';
}

/** A short one-line description of any value, for messages. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  switch (typeof value) {
    case 'undefined':
      return 'nothing';
    case 'number':
      return String(value);
    case 'string':
      if (value.length <= quotedCharsMax) return quote(value);
      return `a string of ${value.length} characters`;
    case 'boolean':
      return String(value);
    case 'object':
      return 'an object';
    default:
      return `a ${typeof value}`;
  }
}

/**
 * A plain object (prototype `Object.prototype` or null) whose own keys are all allowed.
 * Forbidden keys are reported before unknown ones, and both before any field is read.
 */
export function readFields(value: unknown, path: string, allowed: readonly string[]): Fields {
  const fields = readPlainObject(value, path);
  rejectForbiddenKeys(fields, path);
  rejectUnknownKeys(fields, path, allowed);
  return fields;
}

export function rejectForbiddenKeys(fields: Fields, path: string): void {
  for (const key of Object.keys(fields)) {
    if (forbiddenKeys.has(key)) reject(keyPath(path, key), `${quote(key)} is a forbidden key`);
  }
}

/** `what` names the kind of object in the message, e.g. "a 'tamper' fault". */
export function rejectUnknownKeys(
  fields: Fields,
  path: string,
  allowed: readonly string[],
  what?: string,
): void {
  for (const key of Object.keys(fields)) {
    if (allowed.includes(key)) continue;
    const owner = what ? ` for ${what}` : '';
    reject(keyPath(path, key), `unknown key${owner} (allowed: ${allowed.join(', ')})`);
  }
}

/** A field that must be present; `what` says what it should be. */
export function required(fields: Fields, key: string, path: string, what: string): unknown {
  const value = field(fields, key);
  if (value === undefined) reject(keyPath(path, key), `missing (${what})`);
  return value;
}

/**
 * Reads an optional field into `target` when it is present.
 *
 * Policy: an own property whose value is `undefined` counts as absent, as it does in
 * `canonicalJson` and `JSON.stringify`; it can only come from code, never from JSON.
 */
export function readOptional<T extends object, K extends keyof T & string>(
  target: T,
  key: K,
  fields: Fields,
  path: string,
  read: (value: unknown, fieldPath: string) => T[K],
): void {
  const value = field(fields, key);
  if (value !== undefined) target[key] = read(value, keyPath(path, key));
}

/** A plain object, for records whose keys the caller checks itself. */
export function readPlainObject(value: unknown, path: string): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    reject(path, `expected an object, got ${describe(value)}`);
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) {
    reject(path, 'expected a plain object, got an instance of a class');
  }
  return value as Fields;
}

/** Whether `fields` has its own property `key` (never an inherited one). */
export function has(fields: Fields, key: string): boolean {
  return Object.hasOwn(fields, key);
}

/** An own property, or undefined: never an inherited value. */
export function field(fields: Fields, key: string): unknown {
  return Object.hasOwn(fields, key) ? fields[key] : undefined;
}

export function readArray(value: unknown, path: string, lengthMax: number): readonly unknown[] {
  if (!Array.isArray(value)) reject(path, `expected an array, got ${describe(value)}`);
  if (value.length > lengthMax) {
    reject(path, `${value.length} entries are too many (at most ${lengthMax})`);
  }
  return value;
}

/** A closed interval [min, max], or (min, max] when `minExclusive`. */
export interface Range {
  min: number;
  max: number;
  minExclusive?: boolean;
}

export function formatRange(range: Range): string {
  return `${range.minExclusive ? '(' : '['}${range.min}, ${range.max}]`;
}

/** A finite number in range; -0 becomes 0 so that the value survives a JSON round trip. */
export function readNumber(value: unknown, path: string, range: Range): number {
  if (typeof value !== 'number') reject(path, `expected a number, got ${describe(value)}`);
  if (!Number.isFinite(value)) reject(path, `${describe(value)} is not a finite number`);
  const below = range.minExclusive ? value <= range.min : value < range.min;
  if (below || value > range.max) {
    reject(path, `${describe(value)} is out of range ${formatRange(range)}`);
  }
  return value === 0 ? 0 : value;
}

export function readInteger(value: unknown, path: string, min: number, max: number): number {
  if (typeof value !== 'number') reject(path, `expected an integer, got ${describe(value)}`);
  if (!Number.isFinite(value)) reject(path, `${describe(value)} is not a finite number`);
  if (!Number.isInteger(value)) reject(path, `${describe(value)} is not an integer`);
  return readNumber(value, path, { min, max });
}

export function readBoolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') reject(path, `expected true or false, got ${describe(value)}`);
  return value;
}

// C0 controls, DEL and C1 controls: text shown on one line must not contain them.
// eslint-disable-next-line no-control-regex
const controlCharacter = /[\u0000-\u001f\u007f-\u009f]/;

export interface TextRule {
  charsMax: number;
  /** Rejects the empty string. */
  nonEmpty?: boolean;
  /** Rejects control characters (line breaks, tabs, escape sequences). */
  oneLine?: boolean;
}

export function readString(value: unknown, path: string, rule: TextRule): string {
  if (typeof value !== 'string') reject(path, `expected a string, got ${describe(value)}`);
  if (value.length > rule.charsMax) {
    reject(path, `a string of ${value.length} characters is too long (at most ${rule.charsMax})`);
  }
  if (rule.nonEmpty && value.length === 0) reject(path, 'must not be empty');
  if (rule.oneLine && controlCharacter.test(value)) {
    reject(path, `${describe(value)} contains a control character`);
  }
  return value;
}

export function readChoice<T extends string>(
  value: unknown,
  path: string,
  choices: readonly T[],
): T {
  const known: readonly string[] = choices;
  if (typeof value === 'string' && known.includes(value)) return value as T;
  const expected = choices.map((choice) => `'${choice}'`).join(', ');
  return reject(path, `expected one of ${expected}, got ${describe(value)}`);
}

/** A [low, high] pair of numbers in `range` with low ≤ high. */
export function readPair(
  value: unknown,
  path: string,
  range: Range,
  integer: boolean,
): [number, number] {
  const items = readArray(value, path, Infinity);
  if (items.length !== 2) reject(path, `expected [low, high], got ${describe(value)}`);
  const read = (item: unknown, index: number): number =>
    integer
      ? readInteger(item, indexPath(path, index), range.min, range.max)
      : readNumber(item, indexPath(path, index), range);
  const low = read(items[0], 0);
  const high = read(items[1], 1);
  if (low > high) reject(path, `[${low}, ${high}] is not a range: low is above high`);
  return [low, high];
}

/** An agent index 0 .. n−1. */
export function readAgent(value: unknown, path: string, n: number): number {
  if (typeof value !== 'number') reject(path, `expected an agent index, got ${describe(value)}`);
  if (!Number.isInteger(value)) reject(path, `${describe(value)} is not an agent index`);
  if (value < 0 || value >= n) reject(path, `agent ${value} does not exist (n = ${n})`);
  return value === 0 ? 0 : value;
}

/** A list of distinct agent indices, at least one. */
export function readAgentList(value: unknown, path: string, n: number): number[] {
  const items = readArray(value, path, Infinity);
  if (items.length === 0) reject(path, 'needs at least one agent');
  const seen = new Set<number>();
  return readItems(items, path, (item, itemPath) => {
    const agent = readAgent(item, itemPath, n);
    if (seen.has(agent)) reject(itemPath, `agent ${agent} is listed twice`);
    seen.add(agent);
    return agent;
  });
}

/**
 * Reads every item of an array into a fresh array. A plain loop, not `map`: `map` skips the
 * holes of a sparse array and would carry them into the result unchecked.
 */
export function readItems<T>(
  items: readonly unknown[],
  path: string,
  read: (item: unknown, itemPath: string, index: number) => T,
): T[] {
  const result: T[] = [];
  for (let index = 0; index < items.length; index += 1) {
    result.push(read(items[index], indexPath(path, index), index));
  }
  return result;
}
