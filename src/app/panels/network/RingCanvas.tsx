import { useThemeKey } from '../../components/useThemeKey';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { agentAt, drawRingMessages, drawRingStatic, paletteTokens, ringAround, ringStaticKey, type RingPalette } from './ringCanvas';
import type { RingMessages, RingStatic } from './ringLayout';

interface RingCanvasProps {
  ring: RingStatic;
  flight: RingMessages;
  selectedAgent: number | null;
  onSelectAgent(agent: number | null): void;
  /** The text alternative of the whole picture. */
  label: string;
}

function readPalette(element: Element): RingPalette {
  const style = getComputedStyle(element);
  const palette = {} as RingPalette;
  for (const [name, token] of Object.entries(paletteTokens) as [keyof RingPalette, string][]) {
    palette[name] = style.getPropertyValue(token).trim() || '#56607a';
  }
  return palette;
}

/** Tracks the element's CSS width, so the canvases get one backing pixel per device pixel. */
function useCssWidth(element: HTMLElement | null): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    if (element === null) return;
    setWidth(element.clientWidth);
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return width;
}

/** Sizes a canvas to `cssSize` × devicePixelRatio and maps drawing units onto it. */
function prepare(canvas: HTMLCanvasElement | null, cssSize: number, ring: RingStatic): CanvasRenderingContext2D | null {
  const context = canvas?.getContext('2d') ?? null;
  if (canvas === null || context === null || cssSize === 0) return null;
  const ratio = window.devicePixelRatio || 1;
  const pixels = Math.round(cssSize * ratio);
  if (canvas.width !== pixels) canvas.width = canvas.height = pixels;
  const scale = pixels / ring.width;
  context.setTransform(scale, 0, 0, scale, 0, 0);
  return context;
}

/**
 * The ring on two stacked canvases: a static layer (regions, agents, labels, selection)
 * redrawn only when it changes, and a message overlay painted once per animation frame.
 * Clicks and hovers are hit-tested against the layout; arrow keys walk the agents.
 */
export function RingCanvas({ ring, flight, selectedAgent, onSelectAgent, label }: RingCanvasProps) {
  const [box, setBox] = useState<HTMLDivElement | null>(null);
  const staticRef = useRef<HTMLCanvasElement>(null);
  const overlayRef = useRef<HTMLCanvasElement>(null);
  const cssWidth = useCssWidth(box);
  const [hovered, setHovered] = useState<number | null>(null);
  const palette = useRef<RingPalette | null>(null);

  // The theme's colours are read once, and again when the theme or the colour scheme changes.
  const themeKey = useThemeKey();
  useEffect(() => {
    palette.current = null;
  }, [themeKey]);

  // A new layout each tick repaints the static layer only if what it draws changed.
  const staticKey = useMemo(() => ringStaticKey(ring), [ring]);
  const drawn = useRef(ring);
  drawn.current = ring;
  useEffect(() => {
    if (box === null) return;
    const shown = drawn.current;
    palette.current ??= readPalette(box);
    const context = prepare(staticRef.current, cssWidth, shown);
    if (context === null) return;
    drawRingStatic(context, shown, palette.current, selectedAgent);
    const agent = hovered === null ? undefined : shown.agents[hovered];
    if (agent) ringAround(context, agent, shown.agentRadius + 4, palette.current.text, 1.5, []);
  }, [box, cssWidth, staticKey, selectedAgent, hovered, themeKey]);

  // The overlay is painted in the next animation frame, with whatever is latest by then.
  const latest = useRef({ flight, ring, cssWidth });
  latest.current = { flight, ring, cssWidth };
  const frame = useRef(0);
  useEffect(() => {
    if (frame.current !== 0) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      const now = latest.current;
      const context = prepare(overlayRef.current, now.cssWidth, now.ring);
      if (context !== null && palette.current !== null) drawRingMessages(context, now.ring, now.flight, palette.current);
    });
  }, [flight, ring, cssWidth]);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  const hoveredAgent = hovered === null ? undefined : ring.agents[hovered];
  const toDrawing = (event: MouseEvent<HTMLElement>): number | null => {
    const rect = event.currentTarget.getBoundingClientRect();
    if (rect.width === 0) return null;
    const scale = ring.width / rect.width;
    return agentAt(ring, (event.clientX - rect.left) * scale, (event.clientY - rect.top) * scale);
  };
  const select = (agent: number | null) => onSelectAgent(agent !== null && agent === selectedAgent ? null : agent);
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const n = ring.agents.length;
    const current = hovered ?? selectedAgent ?? -1;
    const moves: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
    // Handled keys stay here: the playback bar's window shortcuts (→ step, space play) must not fire.
    if (event.key in moves || event.key === 'Enter' || event.key === ' ' || event.key === 'Escape') {
      event.stopPropagation();
    }
    if (event.key in moves) {
      event.preventDefault();
      setHovered((Math.max(current, 0) + (current < 0 ? 0 : moves[event.key]!) + n) % n);
    } else if ((event.key === 'Enter' || event.key === ' ') && hovered !== null) {
      event.preventDefault();
      select(hovered);
    } else if (event.key === 'Escape') {
      onSelectAgent(null);
    }
  };
  const tipScale = cssWidth / ring.width;
  return (
    <div className="ring-canvas" ref={setBox} data-testid="ring-canvas">
      <canvas ref={staticRef} className="ring-canvas-layer" aria-hidden="true" />
      <canvas ref={overlayRef} className="ring-canvas-layer" aria-hidden="true" />
      <div
        className="ring-canvas-hit"
        role="application"
        tabIndex={0}
        aria-label={`${label}. Arrow keys move between agents, Enter selects.`}
        aria-describedby={hoveredAgent ? 'ring-canvas-agent' : undefined}
        data-hovered-agent={hovered ?? ''}
        onPointerMove={(event) => setHovered(toDrawing(event))}
        onPointerLeave={() => setHovered(null)}
        onClick={(event) => select(toDrawing(event))}
        onKeyDown={onKeyDown}
        onBlur={() => setHovered(null)}
      />
      {hoveredAgent && (
        <p
          id="ring-canvas-agent"
          className="ring-canvas-tip"
          role="status"
          style={{ left: hoveredAgent.x * tipScale, top: hoveredAgent.y * tipScale }}
        >
          {hoveredAgent.description}
        </p>
      )}
    </div>
  );
}
