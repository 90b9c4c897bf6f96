import { useEffect, useState, type RefObject } from 'react';

/**
 * The element's content width in CSS pixels, followed as the page reflows, so an SVG can be
 * laid out at 1:1 scale (text keeps its size from a 1024 px window to a wide row).
 */
export function useElementWidth(ref: RefObject<HTMLElement | null>, fallback: number): number {
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const element = ref.current;
    if (element === null || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const measured = Math.floor(entries[0]?.contentRect.width ?? 0);
      // Policy: ignore a zero width (a hidden panel) and sub-pixel jitter.
      if (measured > 0) setWidth((current) => (Math.abs(current - measured) >= 1 ? measured : current));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
