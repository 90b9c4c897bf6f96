import { create } from 'zustand';
import type { Lesson, LessonStep } from '../lessons/lesson';

/**
 * The lesson a teacher is making (issue 14, "Make a lesson"): steps recorded from the live
 * page, kept while the maker is closed and reopened.
 */
export interface LessonMakerState {
  open: boolean;
  title: string;
  steps: LessonStep[];
  setOpen(open: boolean): void;
  setTitle(title: string): void;
  addStep(step: LessonStep): void;
  removeStep(index: number): void;
  /** Replaces the draft with a lesson (an imported file). */
  load(lesson: Lesson): void;
  /** The draft as a lesson, for the player, a link or a file. */
  lesson(): Lesson;
}

export const useLessonMaker = create<LessonMakerState>()((set, get) => ({
  open: false,
  title: 'My lesson',
  steps: [],
  setOpen: (open) => set({ open }),
  setTitle: (title) => set({ title }),
  addStep: (step) => set((state) => ({ steps: [...state.steps, step] })),
  removeStep: (index) => set((state) => ({ steps: state.steps.filter((_, at) => at !== index) })),
  load: (lesson) => set({ title: lesson.title, steps: lesson.steps }),
  lesson: () => ({ v: 1, title: get().title, steps: get().steps }),
}));
