import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../core/sim/parseScenario';
import { isPresetName, preset, presetNames } from '../../core/sim/presets';
import { runScenario } from '../../core/sim/runScenario';
import type { Scenario } from '../../core/sim/scenario';
import type { StreamEvent } from '../../worker/api';
import { TraceIndex } from '../trace/traceIndex';
import { builtInLessons } from './builtInLessons';
import type { Lesson, LessonStep } from './lesson';
import { momentTick } from './moment';
import { parseLesson } from './parseLesson';
import { evaluatePredicate } from './predicates';
import { scenarioWith } from './scenarioPath';
import { stepSource } from './stepSource';

const traces = new Map<string, TraceIndex>();

/** The scenario a step source names, validated as the worker validates it. */
function scenarioOf(source: string | Record<string, unknown>): Scenario {
  if (typeof source === 'string') {
    if (!isPresetName(source)) throw new Error(`no preset ${source}`);
    return preset(source).scenario;
  }
  const parsed = parseScenario(source);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

/** The run of a scenario, as the page indexes it (simulated once per distinct scenario). */
function traceOf(scenario: Scenario): TraceIndex {
  const key = JSON.stringify(scenario);
  let trace = traces.get(key);
  if (trace === undefined) {
    trace = TraceIndex.of(runScenario(scenario).trace as readonly StreamEvent[]);
    traces.set(key, trace);
  }
  return trace;
}

/** The choices that hold at the step's moment of `scenario`'s run. */
function holding(step: LessonStep, scenario: Scenario): number[] {
  const trace = traceOf(scenario);
  const { tick } = momentTick(step.at, trace, trace.lastTick);
  return step.question!.choices.flatMap((choice, index) => (evaluatePredicate(choice.when, trace, tick).holds ? [index] : []));
}

/**
 * What each question's run shows (choice index), keyed `lesson/step` (steps from 1). The test
 * states what the simulated runs show; the lessons themselves carry no answer.
 */
const expected: Record<string, number> = {
  'quorum-intersection/2': 1,
  'quorum-intersection/5': 0,
  'quorum-intersection/8': 0,
  'sealed-and-signed/2': 0,
  'sealed-and-signed/4': 0,
  'sealed-and-signed/7': 0,
  'equivocation/2': 0,
  'equivocation/4': 0,
  'equivocation/5': 0,
  'view-change/2': 0,
  'view-change/4': 0,
  'view-change/6': 0,
  'partitions/2': 1,
  'partitions/5': 0,
  'locks-across-views/4': 1,
  'locks-across-views/5': 1,
  'locks-across-views/8': 0,
  'deliberation/3': 0,
  'deliberation/4': 1,
  'deliberation/5': 0,
  'deliberation/7': 0,
  'council-vote/2': 0,
  'council-vote/3': 0,
  'council-vote/6': 0,
  'evidence-to-action/3': 0,
  'evidence-to-action/4': 1,
  'evidence-to-action/6': 1,
};

/**
 * Questions without a "try this" change, and a change of their scenario that changes what
 * the run shows (path, value), so no answer can be fixed in advance.
 */
const flips: Record<string, { path: string; value: unknown }> = {
  'quorum-intersection/2': { path: 'faults', value: [{ kind: 'silent', agents: [5, 6] }] },
  'sealed-and-signed/4': { path: 'faults', value: [{ kind: 'silent', agents: [0, 3, 4] }] },
  'equivocation/2': { path: 'faults', value: [{ kind: 'silent', agents: [3] }] },
  'equivocation/4': { path: 'faults', value: [{ kind: 'silent', agents: [0, 1, 2] }] },
  'view-change/2': { path: 'faults', value: [] },
  'view-change/4': { path: 'faults', value: [{ kind: 'silent', agents: [0, 1, 2] }] },
  'partitions/2': { path: 'network.partitions', value: [{ groups: [[0, 1, 2, 3, 4], [5, 6]], from: 0, healAt: 200 }] },
  'locks-across-views/4': { path: 'network.partitions', value: [] },
  'deliberation/3': { path: 'seed', value: 2 },
  'deliberation/4': { path: 'seed', value: 7 },
  'deliberation/7': { path: 'seed', value: 1 },
  'council-vote/2': { path: 'faults', value: [{ kind: 'biased', agents: [2, 3, 4, 5, 6] }] },
  'council-vote/6': { path: 'faults', value: [{ kind: 'bloc', agents: [4, 5, 6, 7, 8] }] },
  'evidence-to-action/3': { path: 'resonance.accountability', value: false },
};

const questionSteps = builtInLessons.flatMap((lesson) =>
  lesson.steps.flatMap((step, index) => (step.question ? [{ lesson, step, index, key: `${lesson.id}/${index + 1}` }] : [])),
);

describe('the built-in lessons', () => {
  it('are the lessons SPEC §7 names, each of 6 to 12 steps, and each validates', () => {
    expect(builtInLessons.map((lesson) => lesson.id)).toEqual([
      'quorum-intersection',
      'sealed-and-signed',
      'equivocation',
      'view-change',
      'partitions',
      'locks-across-views',
      'deliberation',
      'council-vote',
      'evidence-to-action',
    ]);
    for (const lesson of builtInLessons) {
      expect(lesson.steps.length, lesson.id).toBeGreaterThanOrEqual(6);
      expect(lesson.steps.length, lesson.id).toBeLessThanOrEqual(12);
      const parsed = parseLesson(JSON.parse(JSON.stringify(lesson)), presetNames);
      expect(parsed, lesson.id).toEqual({ ok: true, value: lesson });
    }
  });

  it('reach every step\'s moment in the step\'s run', () => {
    for (const lesson of builtInLessons) {
      lesson.steps.forEach((step, index) => {
        const trace = traceOf(scenarioOf(stepSource(lesson, index)));
        expect(momentTick(step.at, trace, trace.lastTick).missed, `${lesson.id}/${index + 1}`).toBe(false);
      });
    }
  });

  it.each(questionSteps.map((entry) => [entry.key, entry] as const))(
    '%s: exactly one choice holds, the one the run shows',
    (key, { lesson, step, index }) => {
      expect(holding(step, scenarioOf(stepSource(lesson, index)))).toEqual([expected[key]]);
    },
  );

  it.each(questionSteps.map((entry) => [entry.key, entry] as const))(
    '%s: the answer changes when the scenario changes the outcome',
    (key, { lesson, step, index }) => {
      const change = step.try?.set ?? flips[key];
      expect(change, `${key} needs a "try this" change or a flip in this test`).toBeDefined();
      const changed = scenarioOf(scenarioWith(scenarioOf(stepSource(lesson, index)), change!.path, change!.value) as never);
      const answer = holding(step, changed);
      expect(answer.length, `${key} after ${change!.path}`).toBeLessThanOrEqual(1);
      expect(answer, `${key} after ${change!.path}`).not.toEqual([expected[key]]);
    },
  );

  it('ask only questions the table above answers', () => {
    expect(questionSteps.map((entry) => entry.key).sort()).toEqual(Object.keys(expected).sort());
  });
});

describe('parseLesson', () => {
  const base = (): Lesson => ({ v: 1, title: 'T', steps: [{ scenario: 'happy-path', at: { tick: 0 }, say: 'Hello.' }] });
  const message = (input: unknown) => {
    const parsed = parseLesson(input, presetNames);
    return parsed.ok ? null : parsed.message;
  };

  it('names the field and the value it refuses', () => {
    expect(message({ ...base(), v: 2 })).toBe('v: expected 1, got 2');
    expect(message({ ...base(), steps: [] })).toBe('steps: expected at least one step');
    expect(message({ ...base(), steps: [{ at: { tick: 0 }, say: 'x' }] })).toMatch(/^steps\[0\]\.scenario: the first step needs a scenario/);
    expect(message({ ...base(), steps: [{ scenario: 'nope', at: { tick: 0 }, say: 'x' }] })).toBe('steps[0].scenario: there is no preset "nope"');
    expect(message({ ...base(), steps: [{ scenario: 'happy-path', at: { tick: -1 }, say: 'x' }] })).toMatch(/^steps\[0\]\.at\.tick: -1 is out of range/);
    expect(message({ ...base(), steps: [{ scenario: 'happy-path', at: { event: 'boom' }, say: 'x' }] })).toMatch(/^steps\[0\]\.at\.event: "boom" is not one of/);
    const question = { ask: 'Q?', choices: [{ say: 'A', when: { is: 'committed', round: 0 }, why: 'w' }, { say: 'B', when: { is: 'stalled' }, why: 'w' }] };
    expect(message({ ...base(), steps: [{ ...base().steps[0], question }] })).toBe('steps[0].question.choices[0].when.round: 0 is out of range (1 – 10000)');
    const one = { ask: 'Q?', choices: [{ say: 'A', when: { is: 'stalled' }, why: 'w' }] };
    expect(message({ ...base(), steps: [{ ...base().steps[0], question: one }] })).toBe('steps[0].question.choices: expected 2 to 4 choices');
    expect(message({ ...base(), steps: [{ ...base().steps[0], highlight: { panel: 'kitchen' } }] })).toMatch(/^steps\[0\]\.highlight\.panel: "kitchen" is not one of/);
    expect(message({ ...base(), extra: 1 })).toBe('lesson: unknown field "extra"');
    expect(message(JSON.parse('{"v":1,"title":"T","steps":[],"__proto__":{"x":1}}'))).toBe('lesson: the key "__proto__" is not allowed');
    const deep = { is: 'not', not: { is: 'not', not: { is: 'not', not: { is: 'not', not: { is: 'not', not: { is: 'stalled' } } } } } };
    const deepQuestion = { ask: 'Q?', choices: [{ say: 'A', when: deep, why: 'w' }, { say: 'B', when: { is: 'stalled' }, why: 'w' }] };
    expect(message({ ...base(), steps: [{ ...base().steps[0], question: deepQuestion }] })).toMatch(/"not" nested too deep/);
    expect(message({ ...base(), steps: [{ ...base().steps[0], try: { say: 's', set: { path: '__proto__.x', value: 1 } } }] })).toMatch(/is not a dotted scenario field/);
    expect(message('nonsense')).toBe('lesson: expected an object');
  });

  it('accepts a minimal lesson', () => {
    expect(parseLesson(base(), presetNames)).toEqual({ ok: true, value: base() });
  });
});
