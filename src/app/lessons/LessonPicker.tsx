import { useLesson } from '../store/lessonStore';
import { builtInLessons } from './builtInLessons';

const noLesson = '';

/** The header's lesson picker: opens a built-in lesson at its first step, or closes the open one. */
export function LessonPicker() {
  const lesson = useLesson((state) => state.lesson);
  const value = lesson?.id ?? noLesson;
  return (
    <label className="lesson-picker">
      <span className="visually-hidden">Lesson</span>
      <select
        data-testid="lesson-select"
        value={value}
        onChange={(event) => {
          const id = event.target.value;
          if (id === noLesson) useLesson.getState().close();
          else void useLesson.getState().openLesson(id);
        }}
      >
        <option value={noLesson}>{lesson === null ? 'Lessons…' : 'Close the lesson'}</option>
        {builtInLessons.map((known) => (
          <option key={known.id} value={known.id}>
            {known.title}
          </option>
        ))}
      </select>
    </label>
  );
}
