import type { Lesson } from './lesson';
import { councilVote } from './builtIn/councilVote';
import { deliberation } from './builtIn/deliberation';
import { equivocation } from './builtIn/equivocation';
import { evidenceToAction } from './builtIn/evidenceToAction';
import { locksAcrossViews } from './builtIn/locksAcrossViews';
import { partitions } from './builtIn/partitions';
import { quorumIntersection } from './builtIn/quorumIntersection';
import { sealedAndSigned } from './builtIn/sealedAndSigned';
import { viewChange } from './builtIn/viewChange';

/** The built-in lessons of SPEC §7, in teaching order; their ids are their links (`#l=<id>`). */
export const builtInLessons: readonly (Lesson & { id: string })[] = [
  quorumIntersection,
  sealedAndSigned,
  equivocation,
  viewChange,
  partitions,
  locksAcrossViews,
  deliberation,
  councilVote,
  evidenceToAction,
] as (Lesson & { id: string })[];

export function lessonById(id: string): (Lesson & { id: string }) | null {
  return builtInLessons.find((lesson) => lesson.id === id) ?? null;
}
