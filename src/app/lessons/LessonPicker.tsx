import { useLesson } from '../store/lessonStore';
import { useLessonMaker } from '../store/lessonMakerStore';
import { builtInLessons } from './builtInLessons';

const noLesson = '';
const makeLesson = 'make';
const customLesson = 'custom';

/** The header's lesson picker: opens a built-in lesson at its first step, or closes the open one. */
export function LessonPicker() {
  const lesson = useLesson((state) => state.lesson);
  const value = lesson === null ? noLesson : (lesson.id ?? customLesson);
  return (
    <label className="lesson-picker">
      <span className="visually-hidden">Lesson</span>
      <select
        data-testid="lesson-select"
        value={value}
        onChange={(event) => {
          const id = event.target.value;
          if (id === makeLesson) useLessonMaker.getState().setOpen(true);
          else if (id === noLesson) useLesson.getState().close();
          else if (id !== customLesson) void useLesson.getState().openLesson(id);
        }}
      >
        <option value={noLesson}>{lesson === null ? 'Lessons…' : 'Close the lesson'}</option>
        {lesson !== null && lesson.id === undefined && <option value={customLesson}>{lesson.title}</option>}
        {builtInLessons.map((known) => (
          <option key={known.id} value={known.id}>
            {known.title}
          </option>
        ))}
        <option value={makeLesson}>Make a lesson…</option>
      </select>
    </label>
  );
}
