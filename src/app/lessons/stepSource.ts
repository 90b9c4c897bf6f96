import type { PresetName } from '../../worker/api';
import type { Lesson } from './lesson';

/** The scenario a step shows: its own, or the nearest earlier step's. */
export function stepSource(lesson: Lesson, stepIndex: number): PresetName | Record<string, unknown> {
  for (let index = stepIndex; index >= 0; index -= 1) {
    const source = lesson.steps[index]?.scenario;
    if (source !== undefined) return source;
  }
  throw new Error('A lesson needs a scenario on its first step.');
}
