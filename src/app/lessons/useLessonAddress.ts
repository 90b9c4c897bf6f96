import { useEffect } from 'react';
import { useLesson } from '../store/lessonStore';

/**
 * Lesson links in the address bar (SPEC §7): a page opened on `#l=<id>` or `#l=<id>/<step>`,
 * or such a link pasted into an open tab, opens the lesson at that step as a fresh page would;
 * any other link closes the lesson (the run store opens it).
 */
export function useLessonAddress(): void {
  useEffect(() => {
    const follow = () => {
      const fragment = location.hash;
      const lesson = useLesson.getState();
      if (fragment.startsWith('#l=')) void lesson.openAddress(fragment);
      else if (lesson.lesson !== null) lesson.close(false);
    };
    if (location.hash.startsWith('#l=')) follow();
    window.addEventListener('hashchange', follow);
    window.addEventListener('popstate', follow);
    return () => {
      window.removeEventListener('hashchange', follow);
      window.removeEventListener('popstate', follow);
    };
  }, []);
}
