import { useSyncExternalStore } from 'react';

const query = '(prefers-reduced-motion: reduce)';

/** One query list for the page: `snapshot` runs on every render, once per animation frame. */
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

function snapshot(): boolean {
  return list()?.matches ?? false;
}

/** True when the user asked for less motion (UI.md: no travel, only send and delivery). */
export function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, snapshot, () => false);
}
