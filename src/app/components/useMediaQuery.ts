import { useSyncExternalStore } from 'react';

/** One query list per media query for the whole page: snapshots run on every render. */
const lists = new Map<string, MediaQueryList | null>();

function list(query: string): MediaQueryList | null {
  let media = lists.get(query);
  if (media === undefined) {
    media = typeof window !== 'undefined' && window.matchMedia ? window.matchMedia(query) : null;
    lists.set(query, media);
  }
  return media;
}

/** True while the CSS media query matches (false where there is no window, as in tests). */
function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const media = list(query);
      if (media === null) return () => {};
      media.addEventListener('change', onChange);
      return () => media.removeEventListener('change', onChange);
    },
    () => list(query)?.matches ?? false,
    () => false,
  );
}

/** True when the user asked for less motion (UI.md: no travel, only send and delivery). */
export function usePrefersReducedMotion(): boolean {
  return useMediaQuery('(prefers-reduced-motion: reduce)');
}

/** True on a phone-sized screen, where the page is one column (the breakpoint of styles.css). */
export function useNarrowScreen(): boolean {
  return useMediaQuery('(max-width: 700px)');
}
