import { useEffect, useState } from 'react';
import { useUi } from '../store/uiStore';

/**
 * A key that changes whenever the page's colours may have: the theme chosen in the page
 * (system, light, dark) or, under "system", the system's colour scheme. A canvas reads its
 * colours from CSS once per key and repaints when it changes.
 */
export function useThemeKey(): string {
  const theme = useUi((state) => state.theme);
  const [scheme, setScheme] = useState(0);
  useEffect(() => {
    const media = window.matchMedia?.('(prefers-color-scheme: dark)');
    const onChange = () => setScheme((count) => count + 1);
    media?.addEventListener('change', onChange);
    return () => media?.removeEventListener('change', onChange);
  }, []);
  return `${theme}:${scheme}`;
}
