import { memo, useLayoutEffect, useRef } from 'react';
import { LostCross } from './glyphs';
import { messageKey, messageStyles } from './messageStyles';
import { lostReason, placeDot, type DotPlace, type RingFlight } from './ringFlight';
import type { RingStatic } from './ringLayout';

interface RingMessagesLayerProps {
  /** The messages drawn (the set changes at half ticks only). */
  flight: RingFlight;
  ring: RingStatic;
  /** The exact time cursor, fractional while playing. */
  tick: number;
  /** False under `prefers-reduced-motion`: dots sit at their ends. */
  travel: boolean;
}

/**
 * The animated overlay: one lettered dot per drawn message. It ignores the pointer so clicks
 * reach the agents beneath.
 *
 * Policy: React draws the dots only when the drawn set changes (at most every half tick); every
 * other frame only moves them, writing each dot's translation (and a lost dot's fading) straight
 * into the DOM after React's commit. Reconciling ~400 dots of three elements each every animation
 * frame was the main-thread work that made playback at n = 100 miss frames (issue 11).
 */
export function RingMessagesLayer({ flight, ring, tick, travel }: RingMessagesLayerProps) {
  const layer = useRef<SVGGElement>(null);
  const place = useRef<DotPlace>({ x: 0, y: 0, fraction: 0, opacity: 1 });
  /** The opacity last written into each slot's dot, and the props React last drew the dots from. */
  const written = useRef<{ drawnFrom: Omit<RingMessagesLayerProps, 'tick'> | null; opacities: number[] }>({
    drawnFrom: null,
    opacities: [],
  });
  useLayoutEffect(() => {
    const dots = layer.current?.children;
    if (dots === undefined) return;
    const { current } = written;
    const from = current.drawnFrom;
    // React has drawn the dots again (see RingDots' comparison): what was written is gone.
    if (from === null || from.flight !== flight || from.ring !== ring || from.travel !== travel) {
      current.opacities = [];
      current.drawnFrom = { flight, ring, travel };
    }
    const count = Math.min(dots.length, flight.drawn.length);
    for (let i = 0; i < count; i++) {
      const at = placeDot(flight.drawn[i]!, tick, ring, travel, place.current);
      moveDot(dots[i] as SVGGElement, at);
      if (current.opacities[i] !== at.opacity) {
        dots[i]!.setAttribute('opacity', String(at.opacity));
        current.opacities[i] = at.opacity;
      }
    }
  }, [flight, ring, tick, travel]);
  return (
    <g className="ring-messages" aria-hidden="true" ref={layer}>
      <RingDots flight={flight} ring={ring} tick={tick} travel={travel} />
    </g>
  );
}

/** Moves one dot without building a transform string when the browser lets us. */
function moveDot(dot: SVGGElement, at: DotPlace): void {
  const transforms = dot.transform?.baseVal;
  if (transforms !== undefined && transforms.numberOfItems === 1) transforms.getItem(0).setTranslate(at.x, at.y);
  else dot.setAttribute('transform', `translate(${at.x},${at.y})`);
}

/**
 * The dots as React draws them, placed at the tick of the render; re-rendered only when the
 * drawn set, the ring or the motion setting changes (not when only the tick does).
 *
 * Policy: a dot is keyed by its slot, not by its message. When a broadcast tick replaces
 * hundreds of messages, the slots' elements are kept and get the new messages' colour and
 * letter, instead of hundreds of elements being removed and created; the dots are moved from
 * the drawn set every frame anyway, so nothing follows a message from element to element.
 */
const RingDots = memo(
  function RingDots({ flight, ring, tick, travel }: RingMessagesLayerProps) {
    const r = flight.dotRadius;
    const lettered = r >= 4.5;
    const at: DotPlace = { x: 0, y: 0, fraction: 0, opacity: 1 };
    return flight.drawn.map((message, slot) => {
      placeDot(message, tick, ring, travel, at);
      const style = messageStyles[messageKey(message)];
      const lost = lostReason(message) !== null;
      const classes = ['ring-message'];
      if (message.garbled === true) classes.push('is-garbled');
      if (lost) classes.push('is-lost');
      return (
        <g key={slot} className={classes.join(' ')} transform={`translate(${at.x},${at.y})`} opacity={at.opacity}>
          <circle r={r} fill={style.fill} />
          {lettered && (
            <text dy="0.35em" fill={style.ink} fontSize={style.label.length > 1 ? r * 0.95 : r * 1.25}>
              {style.label}
            </text>
          )}
          {lost && <LostCross size={r * 0.55} x={r * 1.7} y={-r * 1.1} />}
        </g>
      );
    });
  },
  (before, after) => before.flight === after.flight && before.ring === after.ring && before.travel === after.travel,
);
