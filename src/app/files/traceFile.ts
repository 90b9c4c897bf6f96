import type { Scenario, SimEvent } from '../../worker/api';
import { canonicalText } from './canonicalText';

export const traceFormat = 'bft-lab-trace';
export const traceFormatVersion = 1;

/** A run written to a file: its scenario, its events and the hash the worker gave them. */
export interface TraceFile {
  format: typeof traceFormat;
  v: typeof traceFormatVersion;
  /** Still unchecked when read from a file: the worker validates it before it runs. */
  scenario: unknown;
  traceHash: string;
  events: unknown[];
}

/** A scenario as a file: canonical (sorted keys), indented, ending with a newline. */
export function scenarioFileText(scenario: Scenario): string {
  return `${canonicalText(scenario, 2)}\n`;
}

/**
 * A trace as a file. Policy: one event per line, so a diff of two traces lines up event by
 * event, and a 50,000-event trace stays a file an editor can open.
 */
export function traceFileText(
  scenario: Scenario,
  traceHash: string,
  events: readonly SimEvent[],
): string {
  const scenarioText = canonicalText(scenario, 2).replace(/\n/g, '\n  ');
  const eventLines = events.map((event) => `    ${canonicalText(event)}`).join(',\n');
  return [
    '{',
    `  "format": ${JSON.stringify(traceFormat)},`,
    `  "v": ${traceFormatVersion},`,
    `  "scenario": ${scenarioText},`,
    `  "traceHash": ${JSON.stringify(traceHash)},`,
    events.length === 0 ? '  "events": []' : `  "events": [\n${eventLines}\n  ]`,
    '}',
    '',
  ].join('\n');
}

/** A file name made from a scenario name: lower case, dashes, at most 60 characters. */
export function fileStem(name: string | undefined, fallback = 'scenario'): string {
  const stem = (name ?? '')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return stem === '' ? fallback : stem;
}

/**
 * The index of the first event where a file's trace and a re-run differ (or the length of the
 * shorter one when one is a prefix of the other); null when they are the same events.
 */
export function firstTraceDifference(
  fileEvents: readonly unknown[],
  runEvents: readonly SimEvent[],
): number | null {
  const count = Math.min(fileEvents.length, runEvents.length);
  for (let index = 0; index < count; index += 1) {
    if (canonicalText(fileEvents[index]) !== canonicalText(runEvents[index])) return index;
  }
  return fileEvents.length === runEvents.length ? null : count;
}
