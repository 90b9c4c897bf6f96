import { useEffect } from 'react';
import { useCompare } from '../store/compareStore';

/**
 * Compare links in the address bar (SPEC §7): a page opened on `#c=1.…`, or such a link
 * pasted into an open tab (or reached by Back and Forward), shows the pair, simulated as a
 * fresh page would; any other fragment shows the simulator (or Explore) again.
 */
export function useCompareAddress(): void {
  useEffect(() => {
    const follow = () => {
      const fragment = location.hash;
      const compare = useCompare.getState();
      if (fragment.startsWith('#c=')) void compare.openLink(fragment);
      else if (compare.open) compare.hide();
    };
    if (location.hash.startsWith('#c=')) follow();
    window.addEventListener('hashchange', follow);
    window.addEventListener('popstate', follow);
    return () => {
      window.removeEventListener('hashchange', follow);
      window.removeEventListener('popstate', follow);
    };
  }, []);
}
