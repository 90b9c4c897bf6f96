import { LostCross } from './glyphs';
import { messageStyles } from './messageStyles';
import type { RingMessages } from './ringLayout';

/**
 * The animated overlay: one lettered dot per drawn message. It ignores the pointer so clicks
 * reach the agents beneath.
 */
export function RingMessagesLayer({ flight }: { flight: RingMessages }) {
  const r = flight.dotRadius;
  const lettered = r >= 4.5;
  return (
    <g className="ring-messages" aria-hidden="true">
      {flight.messages.map((message) => {
        const style = messageStyles[message.key];
        const classes = ['ring-message'];
        if (message.garbled) classes.push('is-garbled');
        if (message.lost) classes.push('is-lost');
        return (
          <g
            key={message.id}
            className={classes.join(' ')}
            transform={`translate(${message.x},${message.y})`}
            opacity={message.opacity}
          >
            <circle r={r} fill={style.fill} />
            {lettered && (
              <text dy="0.35em" fill={style.ink} fontSize={style.label.length > 1 ? r * 0.95 : r * 1.25}>
                {style.label}
              </text>
            )}
            {message.lost && <LostCross size={r * 0.55} x={r * 1.7} y={-r * 1.1} />}
          </g>
        );
      })}
    </g>
  );
}
