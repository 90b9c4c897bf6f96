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

type Subscribe = (onChange: () => void) => () => void;

/**
 * One subscribe function per query. Policy: React subscribes again whenever it is given another
 * function, so a fresh closure per render would re-register the listener on every frame of the
 * ring, which re-renders each animation frame.
 */
const subscribers = new Map<string, Subscribe>();

function subscriber(query: string): Subscribe {
  let subscribe = subscribers.get(query);
  if (subscribe === undefined) {
    subscribe = (onChange) => {
      const media = list(query);
      if (media === null) return () => {};
      media.addEventListener('change', onChange);
      return () => media.removeEventListener('change', onChange);
    };
    subscribers.set(query, subscribe);
  }
  return subscribe;
}

/** True while the CSS media query matches (false where there is no window, as in tests). */
function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(subscriber(query), () => list(query)?.matches ?? false, () => false);
}

/** True when the user asked for less motion (UI.md: no travel, only send and delivery). */
export function usePrefersReducedMotion(): boolean {
  return useMediaQuery('(prefers-reduced-motion: reduce)');
}

/** True on a phone-sized screen, where the page is one column (the breakpoint of styles.css). */
export function useNarrowScreen(): boolean {
  return useMediaQuery('(max-width: 700px)');
}
