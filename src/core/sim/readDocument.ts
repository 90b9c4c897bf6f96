import { checkJsonSyntax } from './jsonSyntax';
import { parseScenario, type ScenarioError } from './parseScenario';
import type { Scenario } from './scenario';
import { quote, reject, required, ScenarioRejection, type Fields } from './scenarioReaders';

/**
 * Shared by the documents built on a scenario (a sweep, a "what if" comparison): reading their
 * text and their `base` scenario, with the scenario validator's field-named messages.
 */

/** The JSON value of a document's text: its length and nesting checked before it is parsed. */
export function parseDocumentText(text: string, charsMax: number, depthMax: number): unknown {
  if (text.length > charsMax) reject('', `text of ${text.length} characters is too long (at most ${charsMax})`);
  const problem = checkJsonSyntax(text, depthMax);
  if (problem) reject('', `invalid JSON at line ${problem.line}, column ${problem.column}: ${problem.reason}`);
  return JSON.parse(text) as unknown;
}

/** The document's `base` scenario, validated; a problem is named under `base.` (`base.n: …`). */
export function readBaseScenario(fields: Fields): Scenario {
  const parsed = parseScenario(required(fields, 'base', '', 'the base scenario'));
  if (!parsed.ok) {
    const { path, message } = parsed.error;
    const detail = path === '' ? message.replace(/^scenario: /, '') : message.slice(path.length + 2);
    reject(path === '' ? 'base' : `base.${path}`, detail);
  }
  return parsed.value;
}

/**
 * What a document's reader threw, as the error its parser returns: a field-named rejection as
 * it is (one about the whole document prefixed with `noun`), anything else as unreadable.
 */
export function documentError(error: unknown, noun: string): { ok: false; error: ScenarioError } {
  if (error instanceof ScenarioRejection) {
    const message = error.path === '' ? `${noun}: ${error.detail}` : error.message;
    return { ok: false, error: { path: error.path, message } };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { ok: false, error: { path: '', message: `${noun}: could not be read (${quote(detail)})` } };
}
