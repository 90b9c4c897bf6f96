import { useEffect } from 'react';
import { useExplore } from '../store/exploreStore';

/**
 * Sweep links in the address bar (SPEC §7): a page opened on `#x=1.…`, or such a link pasted
 * into an open tab, shows Explore with that sweep, run as a fresh page would; any other link
 * (a run's `#s=`) shows the simulator again.
 */
export function useExploreAddress(): void {
  useEffect(() => {
    const follow = () => {
      const fragment = location.hash;
      const explore = useExplore.getState();
      if (fragment.startsWith('#x=')) {
        if (fragment !== explore.link || !explore.open) void explore.openLink(fragment);
      } else if (explore.open) {
        useExplore.setState({ open: false });
      }
    };
    if (location.hash.startsWith('#x=')) follow();
    window.addEventListener('hashchange', follow);
    window.addEventListener('popstate', follow);
    return () => {
      window.removeEventListener('hashchange', follow);
      window.removeEventListener('popstate', follow);
    };
  }, []);
}
