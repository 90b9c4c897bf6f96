import { traceFormat, traceFormatVersion, type TraceFile } from './traceFile';

/** Files above this size are refused before they are read (a trace of 50 MB is ~250k events). */
export const importBytesMax = 50 * 1024 * 1024;
/** Nesting deeper than this is refused: no scenario or trace needs it, and walking it costs. */
export const importDepthMax = 64;
/** Keys refused anywhere in a file (SPEC §4): they could reach an object's prototype. */
const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);
const traceKeys = new Set(['format', 'v', 'scenario', 'traceHash', 'events']);

export type ImportedFile =
  | { kind: 'scenario'; scenario: unknown }
  | { kind: 'trace'; trace: TraceFile };
export type ImportResult = { ok: true; value: ImportedFile } | { ok: false; message: string };

const fail = (message: string): ImportResult => ({ ok: false, message });
const notOurs = 'This file is not a BFT Lab scenario or trace';

/** A refusal for a file too big to read, or null when its size is fine. */
export function importSizeProblem(sizeBytes: number): string | null {
  if (sizeBytes <= importBytesMax) return null;
  const megabytes = (sizeBytes / 1024 / 1024).toFixed(1);
  const capMegabytes = importBytesMax / 1024 / 1024;
  return `This file is ${megabytes} MB; files over ${capMegabytes} MB are not opened.`;
}

/**
 * Reads the text of an imported file: a scenario (checked further by the worker) or a trace
 * (its envelope checked here). Never throws; every refusal names the field and the problem.
 */
export function parseImport(text: string): ImportResult {
  const size = importSizeProblem(text.length);
  if (size !== null) return fail(size);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return fail(
      `This file is not valid JSON (${detail}); it may be truncated or not a BFT Lab file.`,
    );
  }
  const unsafe = forbiddenKeyPath(value, '', 0);
  if (unsafe !== null) return fail(unsafe);
  if (!isRecord(value)) {
    return fail(`${notOurs}: expected a JSON object, got ${describe(value)}.`);
  }
  if ('format' in value) return parseTrace(value);
  if (!('protocol' in value) && !('n' in value)) {
    return fail(`${notOurs}: it has neither "protocol" nor "format".`);
  }
  return { ok: true, value: { kind: 'scenario', scenario: value } };
}

function parseTrace(value: Record<string, unknown>): ImportResult {
  if (value.format !== traceFormat) {
    return fail(`format: expected "${traceFormat}", got ${describe(value.format)}.`);
  }
  if (value.v !== traceFormatVersion) {
    const version = describe(value.v);
    return fail(`v: this trace file is version ${version}; this BFT Lab reads version 1.`);
  }
  const unknown = Object.keys(value).find((key) => !traceKeys.has(key));
  if (unknown !== undefined) return fail(`${unknown}: unknown key in a trace file.`);
  if (!isRecord(value.scenario)) {
    return fail(`scenario: expected an object, got ${describe(value.scenario)}.`);
  }
  if (typeof value.traceHash !== 'string' || !/^[0-9a-f]{64}$/.test(value.traceHash)) {
    return fail(`traceHash: expected 64 hexadecimal digits, got ${describe(value.traceHash)}.`);
  }
  if (!Array.isArray(value.events)) {
    return fail(`events: expected an array, got ${describe(value.events)}.`);
  }
  const events: unknown[] = value.events;
  for (let index = 0; index < events.length; index += 1) {
    const problem = eventProblem(events[index]);
    if (problem !== null) return fail(`events[${index}]: ${problem}.`);
  }
  const trace: TraceFile = {
    format: traceFormat,
    v: traceFormatVersion,
    scenario: value.scenario,
    traceHash: value.traceHash,
    events,
  };
  return { ok: true, value: { kind: 'trace', trace } };
}

function eventProblem(event: unknown): string | null {
  if (!isRecord(event)) return `expected an event object, got ${describe(event)}`;
  if (typeof event.t !== 'number' || !Number.isInteger(event.t) || event.t < 0) {
    return `t: expected a tick (an integer ≥ 0), got ${describe(event.t)}`;
  }
  if (typeof event.kind !== 'string' || event.kind === '') {
    return `kind: expected an event kind, got ${describe(event.kind)}`;
  }
  return null;
}

/** The path of the first forbidden key or over-deep value, as a message; null when clean. */
function forbiddenKeyPath(value: unknown, path: string, depth: number): string | null {
  if (value === null || typeof value !== 'object') return null;
  if (depth > importDepthMax) {
    return `${path || 'file'}: nested deeper than ${importDepthMax} levels.`;
  }
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      const found = forbiddenKeyPath(value[index], `${path}[${index}]`, depth + 1);
      if (found !== null) return found;
    }
    return null;
  }
  for (const key of Object.keys(value)) {
    const at = path === '' ? key : `${path}.${key}`;
    if (forbiddenKeys.has(key)) return `${at}: the key "${key}" is not allowed in a BFT Lab file.`;
    const found = forbiddenKeyPath((value as Record<string, unknown>)[key], at, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A short description of a wrong value for a message: its type, or the value if short. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') {
    return value.length <= 40 ? JSON.stringify(value) : 'a long string';
  }
  if (typeof value === 'undefined') return 'nothing';
  return String(value);
}
