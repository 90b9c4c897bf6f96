import { useEffect, type RefObject } from 'react';

/**
 * The CSS variables lessons.css sizes the ring and the lesson with: the height of what shares
 * the first screen with them (above the ring's drawing, between it and the lesson, and the
 * playback bar), and the lesson's own height.
 */
const roomVariable = '--lesson-fit-room';
const sheetVariable = '--lesson-fit-sheet';

/**
 * On a phone with a lesson open (lessons.css, `max-width: 700px`), the ring, the lesson and the
 * playback bar share the first screen: the ring takes the height the rest leaves. CSS cannot
 * know the height of a header that wraps, of the step's text or of the playback bar, so this
 * measures them (what lies above the ring's drawing, between it and the lesson, the sticky
 * footer, and the lesson) and hands them to the stylesheet, which subtracts them from `100svh`.
 * Policy: the small viewport height, so the ring does not change size as a phone's address
 * bar slides away.
 */
export function usePhoneLessonFit(appRef: RefObject<HTMLElement | null>, active: boolean): void {
  useEffect(() => {
    const app = appRef.current;
    if (!active || app === null) return undefined;
    const measure = () => {
      const ring = app.querySelector<HTMLElement>('[data-testid="network-view"] .ring');
      const drawing = ring?.firstElementChild ?? null;
      const lesson = app.querySelector<HTMLElement>('[data-testid="lesson-panel"]');
      const footer = app.querySelector<HTMLElement>('.app-footer');
      if (ring === null || drawing === null || lesson === null || footer === null) return;
      const drawingBox = drawing.getBoundingClientRect();
      const lessonBox = lesson.getBoundingClientRect();
      // Document coordinates: the same at any scroll position.
      const above = drawingBox.top + window.scrollY;
      const between = lessonBox.top - drawingBox.bottom;
      const room = Math.ceil(above + between + footer.getBoundingClientRect().height);
      setPixels(app, roomVariable, room);
      setPixels(app, sheetVariable, Math.ceil(lessonBox.height));
    };
    const observer = new ResizeObserver(measure);
    // The lesson grows with its step and its answer, the header wraps, the footer's controls
    // change; the ring's panel moves when a notice or an error appears above it.
    for (const selector of ['.app-header', '[data-testid="network-view"]', '[data-testid="lesson-panel"]', '.app-footer']) {
      const element = app.querySelector(selector);
      if (element !== null) observer.observe(element);
    }
    observer.observe(app);
    measure();
    return () => {
      observer.disconnect();
      app.style.removeProperty(roomVariable);
      app.style.removeProperty(sheetVariable);
    };
  }, [appRef, active]);
}

/** Sets a variable only when it changes, so the resize it causes does not measure again for nothing. */
function setPixels(element: HTMLElement, name: string, pixels: number): void {
  const value = `${pixels}px`;
  if (element.style.getPropertyValue(name) !== value) element.style.setProperty(name, value);
}
