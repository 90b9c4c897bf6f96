import { useThemeKey } from '../../components/useThemeKey';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import {
  agentAt,
  drawRingMessages,
  drawRingStatic,
  paletteTokens,
  ringAround,
  ringMarks,
  ringStaticKey,
  type RingMarks,
  type RingPalette,
} from './ringCanvas';
import type { RingMessages, RingStatic } from './ringLayout';

interface RingCanvasProps {
  ring: RingStatic;
  flight: RingMessages;
  selectedAgent: number | null;
  onSelectAgent(agent: number | null): void;
  /** The text alternative of the whole picture. */
  label: string;
  /** Agents a lesson step points at: outlined and marked ◆, as on the SVG ring. */
  focusAgents?: readonly number[];
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
 * The marks in words, for the picture's text alternative: what the rings around agents say.
 * The fork's sides are counted here and named agent by agent in the fork legend below the ring.
 */
function marksInWords(marks: RingMarks): string {
  const names = (indices: number[]) => indices.map((index) => `a${index}`).join(', ');
  const parts: string[] = [];
  if (marks.quarantined.length > 0) parts.push(`quarantined by Council vote: ${names(marks.quarantined)}`);
  if (marks.forked.length > 0) {
    const counts = new Map<string, number>();
    for (const mark of marks.forked) counts.set(mark.name, (counts.get(mark.name) ?? 0) + 1);
    const sides = [...counts].map(([name, count]) => `value ${name} committed by ${count}`).join(', ');
    parts.push(`a fork: ${sides}`);
  }
  if (marks.focus.length > 0) parts.push(`the lesson points at ${names(marks.focus)}`);
  return parts.map((part) => `; ${part}`).join('');
}

/**
 * The ring on two stacked canvases: a static layer (regions, agents and the marks around them,
 * labels, selection) redrawn only when it changes, and a message overlay painted once per
 * animation frame. Clicks and hovers are hit-tested against the layout; arrow keys walk the agents.
 */
export function RingCanvas({ ring, flight, selectedAgent, onSelectAgent, label, focusAgents }: RingCanvasProps) {
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
  const marks = useMemo(() => ringMarks(ring, focusAgents), [ring, focusAgents]);
  const staticKey = useMemo(() => ringStaticKey(ring, marks), [ring, marks]);
  const drawn = useRef({ ring, marks });
  drawn.current = { ring, marks };
  useEffect(() => {
    if (box === null) return;
    const { ring: shown, marks: shownMarks } = drawn.current;
    palette.current ??= readPalette(box);
    const context = prepare(staticRef.current, cssWidth, shown);
    if (context === null) return;
    drawRingStatic(context, shown, palette.current, selectedAgent, shownMarks);
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
  const hoveredFocus = hovered !== null && marks.focus.includes(hovered);
  // What is painted, by agent index, for tests and assistive tech (the SVG has an element each).
  return (
    <div
      className="ring-canvas"
      ref={setBox}
      data-testid="ring-canvas"
      data-quarantined={marks.quarantined.join(' ')}
      data-forked={marks.forked.map((mark) => `${mark.index}:${mark.name}`).join(' ')}
      data-focus={marks.focus.join(' ')}
    >
      <canvas ref={staticRef} className="ring-canvas-layer" aria-hidden="true" />
      <canvas ref={overlayRef} className="ring-canvas-layer" aria-hidden="true" />
      <div
        className="ring-canvas-hit"
        role="application"
        tabIndex={0}
        aria-label={`${label}${marksInWords(marks)}. Arrow keys move between agents, Enter selects.`}
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
          {hoveredFocus ? `${hoveredAgent.description}; the lesson points here` : hoveredAgent.description}
        </p>
      )}
    </div>
  );
}
