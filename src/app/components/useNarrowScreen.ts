import { useSyncExternalStore } from 'react';

/** The phone layout's breakpoint (styles.css): one column below it. */
const query = '(max-width: 700px)';

let mediaList: MediaQueryList | null | undefined;

function list(): MediaQueryList | null {
  if (mediaList === undefined) {
    mediaList = typeof window !== 'undefined' && window.matchMedia ? window.matchMedia(query) : null;
  }
  return mediaList;
}

function subscribe(onChange: () => void): () => void {
  const media = list();
  if (media === null) return () => {};
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

/** True on a phone-sized screen, where the page is one column. */
export function useNarrowScreen(): boolean {
  return useSyncExternalStore(subscribe, () => list()?.matches ?? false, () => false);
}
