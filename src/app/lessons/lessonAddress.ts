/**
 * Lesson links (SPEC §7): `#l=<id>` opens a built-in lesson at its first step, `#l=<id>/<step>`
 * at a step (counted from 1, as the progress line counts).
 */
export type LessonAddress =
  | { ok: true; id: string; step: number | null }
  /** A teacher-made lesson carried in the link itself (`#l=1.…`). */
  | { ok: true; link: string }
  | { ok: false; message: string };

const idPattern = /^[a-z0-9-]{1,40}$/;

/** Reads a `#l=` fragment; a mangled one gets a message that says what is wrong with it. */
export function parseLessonAddress(fragment: string): LessonAddress {
  const body = fragment.replace(/^#?l=/, '');
  if (/^[0-9]+\./.test(body)) return { ok: true, link: fragment.startsWith('#') ? fragment : `#${fragment}` };
  const [rawId = '', rawStep, ...rest] = body.split('/');
  let id: string;
  try {
    id = decodeURIComponent(rawId);
  } catch {
    return { ok: false, message: 'the lesson name in the link is garbled' };
  }
  if (rest.length > 0) return { ok: false, message: 'a lesson link has the form #l=<lesson>/<step>' };
  if (!idPattern.test(id)) return { ok: false, message: `"${id.slice(0, 40)}" is not a lesson name` };
  if (rawStep === undefined || rawStep === '') return { ok: true, id, step: null };
  if (!/^[0-9]{1,3}$/.test(rawStep) || Number(rawStep) < 1) {
    return { ok: false, message: `"${rawStep.slice(0, 12)}" is not a step number (steps count from 1)` };
  }
  return { ok: true, id, step: Number(rawStep) };
}

/** The link of a lesson's step (`stepIndex` counts from 0). */
export function lessonFragment(id: string, stepIndex: number): string {
  return `#l=${id}/${stepIndex + 1}`;
}
