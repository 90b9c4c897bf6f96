/** Small SVG glyphs shared by the ring and its legend, centred on (0, 0). */

/** A seal disc with a crack through it: the Byzantine mark (UI.md). */
export function BrokenSeal({ size, x = 0, y = 0 }: { size: number; x?: number; y?: number }) {
  const s = size;
  return (
    <g className="ring-seal" transform={`translate(${x},${y})`} aria-hidden="true">
      <circle r={s} />
      <path d={`M${-0.25 * s},${-s} L${0.2 * s},${-0.3 * s} L${-0.2 * s},${0.25 * s} L${0.25 * s},${s}`} />
    </g>
  );
}

/** A padlock: the agent has locked a value for this round. */
export function LockGlyph({ size, x = 0, y = 0 }: { size: number; x?: number; y?: number }) {
  const s = size;
  return (
    <g className="ring-lock" transform={`translate(${x},${y})`} aria-hidden="true">
      <path className="ring-lock-shackle" d={`M${-0.5 * s},0 V${-0.55 * s} A${0.5 * s},${0.5 * s} 0 0 1 ${0.5 * s},${-0.55 * s} V0`} />
      <rect x={-0.8 * s} y={-0.1 * s} width={1.6 * s} height={1.2 * s} rx={0.2 * s} />
    </g>
  );
}

/** A small ✕ beside a dropped message. */
export function LostCross({ size, x = 0, y = 0 }: { size: number; x?: number; y?: number }) {
  const s = size;
  return (
    <path
      className="ring-lost-cross"
      transform={`translate(${x},${y})`}
      d={`M${-s},${-s} L${s},${s} M${s},${-s} L${-s},${s}`}
      aria-hidden="true"
    />
  );
}

/** A barred circle: quarantined by a Council vote (accountability). */
export function QuarantineGlyph({ size, x = 0, y = 0 }: { size: number; x?: number; y?: number }) {
  const s = size;
  const d = s * 0.7;
  return (
    <g className="ring-quarantine-glyph" transform={`translate(${x},${y})`} aria-hidden="true">
      <circle r={s} />
      <path d={`M${-d},${d} L${d},${-d}`} />
    </g>
  );
}
