import type { PresetName } from '../../worker/api';
import {
  consensusTypeNames,
  councilDecisions,
  highlightMessages,
  highlightPanels,
  lessonInvariantNames,
  momentEventKinds,
  type Choice,
  type Highlight,
  type Lesson,
  type LessonStep,
  type Moment,
  type Predicate,
  type Question,
  type TryChange,
} from './lesson';

export type LessonResult = { ok: true; value: Lesson } | { ok: false; message: string };

/** Bounds of a lesson, so a hostile link cannot make the page read forever. */
export const lessonLimits = { stepsMax: 40, textMax: 600, titleMax: 80, choicesMin: 2, choicesMax: 4, notDepthMax: 4 } as const;

const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

/** Thrown inside the parser with the field's path; `parseLesson` turns it into a message. */
class LessonError extends Error {}

type Json = Record<string, unknown>;

function object(value: unknown, at: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new LessonError(`${at}: expected an object`);
  for (const key of Object.keys(value)) {
    if (forbiddenKeys.has(key)) throw new LessonError(`${at}: the key "${key}" is not allowed`);
  }
  return value as Json;
}

function onlyKeys(value: Json, at: string, allowed: readonly string[]): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) throw new LessonError(`${at}: unknown field "${key}"`);
  }
}

function text(value: unknown, at: string, max: number = lessonLimits.textMax): string {
  if (typeof value !== 'string' || value.trim() === '') throw new LessonError(`${at}: expected a non-empty text`);
  if (value.length > max) throw new LessonError(`${at}: ${value.length} characters, at most ${max}`);
  return value;
}

function count(value: unknown, at: string, min: number, max = 1_000_000): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new LessonError(`${at}: expected a whole number, got ${JSON.stringify(value)}`);
  if (value < min || value > max) throw new LessonError(`${at}: ${value} is out of range (${min} – ${max})`);
  return value;
}

function oneOf<T extends string>(value: unknown, at: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new LessonError(`${at}: ${JSON.stringify(value)} is not one of ${allowed.join(', ')}`);
  }
  return value as T;
}

function moment(value: unknown, at: string): Moment {
  const m = object(value, at);
  if ('tick' in m) {
    onlyKeys(m, at, ['tick']);
    return { tick: count(m.tick, `${at}.tick`, 0) };
  }
  if ('end' in m) {
    onlyKeys(m, at, ['end']);
    if (m.end !== true) throw new LessonError(`${at}.end: expected true`);
    return { end: true };
  }
  if ('event' in m) {
    onlyKeys(m, at, ['event', 'nth', 'agent', 'round']);
    const result: Moment = { event: oneOf(m.event, `${at}.event`, momentEventKinds) };
    if (m.nth !== undefined) result.nth = count(m.nth, `${at}.nth`, 1);
    if (m.agent !== undefined) result.agent = count(m.agent, `${at}.agent`, 0);
    if (m.round !== undefined) result.round = count(m.round, `${at}.round`, 1);
    return result;
  }
  throw new LessonError(`${at}: expected { tick }, { end: true } or { event }`);
}

function agents(value: unknown, at: string): number[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > 1000) throw new LessonError(`${at}: expected a list of agent indices`);
  return value.map((agent, index) => count(agent, `${at}[${index}]`, 0, 999));
}

function highlight(value: unknown, at: string): Highlight {
  const h = object(value, at);
  onlyKeys(h, at, ['agents', 'message', 'quorum', 'invariant', 'panel']);
  const result: Highlight = {};
  if (h.agents !== undefined) result.agents = agents(h.agents, `${at}.agents`);
  if (h.message !== undefined) result.message = oneOf(h.message, `${at}.message`, highlightMessages);
  if (h.quorum !== undefined) {
    if (h.quorum !== true) throw new LessonError(`${at}.quorum: expected true`);
    result.quorum = true;
  }
  if (h.invariant !== undefined) result.invariant = oneOf(h.invariant, `${at}.invariant`, lessonInvariantNames);
  if (h.panel !== undefined) result.panel = oneOf(h.panel, `${at}.panel`, highlightPanels);
  return result;
}

const predicateFields: Record<Predicate['is'], readonly string[]> = {
  committed: ['round'],
  commits: ['atLeast'],
  inQuorum: ['agent', 'round'],
  tampered: ['agent'],
  invariantFailed: ['name'],
  viewChanged: ['round'],
  certificate: ['agent'],
  quarantined: ['agent'],
  accusation: ['accused', 'decision'],
  councilDecision: ['round', 'decision'],
  stalled: [],
  consensusType: ['round', 'type'],
  sycophant: ['agent'],
  not: ['not'],
};
const predicateKinds = Object.keys(predicateFields) as Predicate['is'][];

export function parsePredicate(value: unknown, at: string, depth = 0): Predicate {
  const p = object(value, at);
  const is = oneOf(p.is, `${at}.is`, predicateKinds);
  onlyKeys(p, at, ['is', ...predicateFields[is]]);
  const round = () => count(p.round, `${at}.round`, 1, 10000);
  const agent = (field = 'agent') => count(p[field], `${at}.${field}`, 0, 999);
  switch (is) {
    case 'committed':
      return { is, round: round() };
    case 'commits':
      return { is, atLeast: count(p.atLeast, `${at}.atLeast`, 0, 10000) };
    case 'inQuorum':
      return { is, agent: agent(), round: round() };
    case 'tampered':
    case 'certificate':
    case 'quarantined':
    case 'sycophant':
      return { is, agent: agent() };
    case 'invariantFailed':
      return { is, name: oneOf(p.name, `${at}.name`, lessonInvariantNames) };
    case 'viewChanged':
      return p.round === undefined ? { is } : { is, round: round() };
    case 'accusation':
      return { is, accused: agent('accused'), decision: oneOf(p.decision, `${at}.decision`, councilDecisions) };
    case 'councilDecision':
      return { is, round: round(), decision: oneOf(p.decision, `${at}.decision`, councilDecisions) };
    case 'stalled':
      return { is };
    case 'consensusType':
      return { is, round: round(), type: oneOf(p.type, `${at}.type`, consensusTypeNames) };
    case 'not':
      if (depth >= lessonLimits.notDepthMax) throw new LessonError(`${at}: "not" nested too deep`);
      return { is, not: parsePredicate(p.not, `${at}.not`, depth + 1) };
    default: {
      const unknown: never = is;
      throw new LessonError(`${at}.is: unknown predicate ${String(unknown)}`);
    }
  }
}

function question(value: unknown, at: string): Question {
  const q = object(value, at);
  onlyKeys(q, at, ['ask', 'choices']);
  const { choicesMin, choicesMax } = lessonLimits;
  if (!Array.isArray(q.choices) || q.choices.length < choicesMin || q.choices.length > choicesMax) {
    throw new LessonError(`${at}.choices: expected ${choicesMin} to ${choicesMax} choices`);
  }
  const choices = q.choices.map((raw, index): Choice => {
    const where = `${at}.choices[${index}]`;
    const c = object(raw, where);
    onlyKeys(c, where, ['say', 'when', 'why']);
    return { say: text(c.say, `${where}.say`, 200), when: parsePredicate(c.when, `${where}.when`), why: text(c.why, `${where}.why`) };
  });
  return { ask: text(q.ask, `${at}.ask`), choices };
}

function tryChange(value: unknown, at: string): TryChange {
  const t = object(value, at);
  onlyKeys(t, at, ['say', 'set']);
  const set = object(t.set, `${at}.set`);
  onlyKeys(set, `${at}.set`, ['path', 'value']);
  const path = text(set.path, `${at}.set.path`, 120);
  if (!/^[A-Za-z]+(\.[A-Za-z0-9]+)*$/.test(path) || path.split('.').some((part) => forbiddenKeys.has(part))) {
    throw new LessonError(`${at}.set.path: "${path}" is not a dotted scenario field`);
  }
  if (!('value' in set)) throw new LessonError(`${at}.set.value: missing`);
  return { say: text(t.say, `${at}.say`), set: { path, value: set.value } };
}

function step(value: unknown, at: string, first: boolean, presets: readonly PresetName[]): LessonStep {
  const s = object(value, at);
  onlyKeys(s, at, ['scenario', 'at', 'say', 'highlight', 'question', 'try']);
  const result: LessonStep = { at: moment(s.at, `${at}.at`), say: text(s.say, `${at}.say`) };
  if (s.scenario === undefined) {
    if (first) throw new LessonError(`${at}.scenario: the first step needs a scenario (a preset name or a scenario)`);
  } else if (typeof s.scenario === 'string') {
    if (!(presets as readonly string[]).includes(s.scenario)) throw new LessonError(`${at}.scenario: there is no preset "${s.scenario.slice(0, 40)}"`);
    result.scenario = s.scenario as PresetName;
  } else {
    // The inline scenario's own fields are checked by the scenario validator when the step opens.
    result.scenario = object(s.scenario, `${at}.scenario`);
  }
  if (s.highlight !== undefined) result.highlight = highlight(s.highlight, `${at}.highlight`);
  if (s.question !== undefined) result.question = question(s.question, `${at}.question`);
  if (s.try !== undefined) result.try = tryChange(s.try, `${at}.try`);
  return result;
}

/**
 * A lesson from untrusted input (a link, a file), checked field by field: the message names
 * the field and the value (`steps[2].question.choices[1].when.round: 0 is out of range`).
 * `presets` are the preset names a step may name (the worker's list; core's in tests).
 */
export function parseLesson(input: unknown, presets: readonly PresetName[]): LessonResult {
  try {
    const l = object(input, 'lesson');
    onlyKeys(l, 'lesson', ['v', 'id', 'title', 'steps']);
    if (l.v !== 1) throw new LessonError(`v: expected 1, got ${JSON.stringify(l.v)}`);
    const lesson: Lesson = { v: 1, title: text(l.title, 'title', lessonLimits.titleMax), steps: [] };
    if (l.id !== undefined) {
      if (typeof l.id !== 'string' || !/^[a-z0-9-]{1,40}$/.test(l.id)) throw new LessonError('id: expected lowercase letters, digits and dashes');
      lesson.id = l.id;
    }
    if (!Array.isArray(l.steps) || l.steps.length === 0) throw new LessonError('steps: expected at least one step');
    if (l.steps.length > lessonLimits.stepsMax) throw new LessonError(`steps: ${l.steps.length} steps, at most ${lessonLimits.stepsMax}`);
    lesson.steps = l.steps.map((raw, index) => step(raw, `steps[${index}]`, index === 0, presets));
    return { ok: true, value: lesson };
  } catch (error) {
    if (error instanceof LessonError) return { ok: false, message: error.message };
    throw error;
  }
}
