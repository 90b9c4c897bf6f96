/**
 * What each built-in lesson's runs show, simulated in Node with core (not by the page): for
 * every step, the tick of its moment and, for a question, which choices hold there. The lesson
 * spec runs this with tsx (Playwright's loader cannot import core's preset files) and checks
 * the page's reveals against it. Prints JSON: `{ [lessonId]: { tick, holds }[] }`.
 */
import { isPresetName, preset } from '../src/core/sim/presets';
import { runScenario } from '../src/core/sim/runScenario';
import type { StreamEvent } from '../src/worker/api';
import { TraceIndex } from '../src/app/trace/traceIndex';
import { builtInLessons } from '../src/app/lessons/builtInLessons';
import { momentTick } from '../src/app/lessons/moment';
import { evaluatePredicate } from '../src/app/lessons/predicates';
import { stepSource } from '../src/app/lessons/stepSource';

const traces = new Map<string, TraceIndex>();
const facts: Record<string, { tick: number; holds: boolean[] | null }[]> = {};
for (const lesson of builtInLessons) {
  facts[lesson.id] = lesson.steps.map((step, index) => {
    const source = stepSource(lesson, index);
    if (typeof source !== 'string' || !isPresetName(source)) throw new Error(`${lesson.id}: built-in lessons use presets`);
    let trace = traces.get(source);
    if (trace === undefined) {
      trace = TraceIndex.of(runScenario(preset(source).scenario).trace as readonly StreamEvent[]);
      traces.set(source, trace);
    }
    const { tick } = momentTick(step.at, trace, trace.lastTick);
    const holds = step.question?.choices.map((choice) => evaluatePredicate(choice.when, trace, tick).holds) ?? null;
    return { tick, holds };
  });
}
process.stdout.write(JSON.stringify(facts));
