import { useEffect, useImperativeHandle, useRef, useState, type MouseEvent, type ReactNode, type Ref } from 'react';
import { useThemeKey } from '../../components/useThemeKey';
import { opinionPaletteValues, type OpinionPalette } from './opinionCanvas';

interface OpinionCanvasProps {
  /** The chart's test id, on the box holding the canvas and its SVG overlay. */
  testId: string;
  /** The overlay's class (`opinion-scatter` or `opinion-hk`): the same box as the SVG chart. */
  className: string;
  /** The layout's size, in the units `draw` and the overlay use. */
  width: number;
  height: number;
  /** The text alternative of the picture: what it shows, how many agents and steps. */
  label: string;
  /** Paints the marks in layout units; a new function repaints. */
  draw(context: CanvasRenderingContext2D, palette: OpinionPalette): void;
  /** The pointer over the chart, in layout units (null when it leaves), and a click there. */
  onPointer?(point: [number, number] | null): void;
  onClick?(point: [number, number]): void;
  /** The hovered mark's description, shown as the chart's tooltip. */
  tooltip?: string;
  /** The SVG overlay: axes' text, labels, the selected agent, the cursor. */
  children?: ReactNode;
  /** Marks are moving (`data-animating` on the box); absent on a chart that never animates. */
  animating?: boolean;
  /** Repaints with the same `draw`, for an animation's frames (no render per frame). */
  ref?: Ref<OpinionCanvasHandle>;
}

export interface OpinionCanvasHandle {
  /** Paints `draw` again now (nothing while the canvas has no size yet). */
  repaint(): void;
}

/**
 * Resolves the palette's CSS values (tokens, `light-dark`, `color-mix`) to the colours the page
 * shows, through a probe element inside `element`, so the canvas follows the theme.
 */
function resolvePalette(element: HTMLElement): OpinionPalette {
  const probe = document.createElement('span');
  probe.hidden = true;
  element.append(probe);
  const palette = {} as OpinionPalette;
  for (const [name, value] of Object.entries(opinionPaletteValues) as [keyof OpinionPalette, string][]) {
    probe.style.color = value;
    palette[name] = getComputedStyle(probe).color || '#56607a';
  }
  probe.remove();
  return palette;
}


/**
 * A chart whose many marks are painted on a canvas (one backing pixel per device pixel) under
 * an SVG overlay of the same size: the opinion panel above the SVG limit (`usesCanvas`).
 */
export function OpinionCanvas(props: OpinionCanvasProps) {
  const { testId, className, width, height, label, draw, onPointer, onClick, tooltip, children, animating, ref } = props;
  const [box, setBox] = useState<HTMLDivElement | null>(null);
  const [canvas, setCanvas] = useState<HTMLCanvasElement | null>(null);
  const themeKey = useThemeKey();
  // The theme's colours are resolved once, and again when the theme changes.
  const palette = useRef<{ key: string; colours: OpinionPalette } | null>(null);
  // The box's CSS width, as the resize observer last reported it (0 before its first report).
  const cssWidth = useRef(0);
  const paint = useRef<() => void>(() => undefined);
  paint.current = () => {
    const context = canvas?.getContext('2d') ?? null;
    if (box === null || canvas === null || context === null || cssWidth.current === 0) return;
    palette.current ??= { key: themeKey, colours: resolvePalette(box) };
    const ratio = window.devicePixelRatio || 1;
    const pixelsWide = Math.round(cssWidth.current * ratio);
    const pixelsHigh = Math.round((cssWidth.current * ratio * height) / width);
    if (canvas.width !== pixelsWide || canvas.height !== pixelsHigh) {
      canvas.width = pixelsWide;
      canvas.height = pixelsHigh;
    }
    context.setTransform(pixelsWide / width, 0, 0, pixelsHigh / height, 0, 0);
    draw(context, palette.current.colours);
  };
  useImperativeHandle(ref, () => ({ repaint: () => paint.current() }), []);
  // Policy: the width comes from a resize observer, never from reading the layout during a
  // commit (a forced layout of the whole page at every new round). Its first report arrives
  // after layout and before the frame is painted, so a new chart never shows an empty frame.
  useEffect(() => {
    if (box === null || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const measured = entries[0]?.contentRect.width ?? 0;
      if (measured === cssWidth.current) return;
      cssWidth.current = measured;
      paint.current();
    });
    observer.observe(box);
    return () => observer.disconnect();
  }, [box]);
  useEffect(() => {
    if (palette.current === null || palette.current.key === themeKey) {
      paint.current();
      return;
    }
    // The page applies a new theme in its own effect, after this one: read it a frame later.
    const frame = requestAnimationFrame(() => {
      if (box !== null) palette.current = { key: themeKey, colours: resolvePalette(box) };
      paint.current();
    });
    return () => cancelAnimationFrame(frame);
  }, [box, canvas, width, height, draw, themeKey]);

  const toLayout = (event: MouseEvent<HTMLElement>): [number, number] | null => {
    const rect = event.currentTarget.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) return null;
    return [((event.clientX - rect.left) * width) / rect.width, ((event.clientY - rect.top) * height) / rect.height];
  };
  return (
    <div
      className="opinion-canvas-chart"
      ref={setBox}
      data-testid={testId}
      data-animating={animating === undefined ? undefined : String(animating)}
      title={tooltip}
      onPointerMove={onPointer && ((event) => onPointer(toLayout(event)))}
      onPointerLeave={onPointer && (() => onPointer(null))}
      onClick={
        onClick &&
        ((event) => {
          const point = toLayout(event);
          if (point !== null) onClick(point);
        })
      }
    >
      <canvas ref={setCanvas} className="opinion-canvas" role="img" aria-label={label} data-testid="opinion-canvas" />
      <svg className={`${className} opinion-overlay`} viewBox={`0 0 ${width} ${height}`} aria-hidden="true">
        {children}
      </svg>
    </div>
  );
}
