import { memo, type ReactNode } from 'react';
import { BrokenSeal, LockGlyph, LostCross, QuarantineGlyph } from './glyphs';
import { legendMessageKeys, messageStyles, type MessageKey } from './messageStyles';

const councilKeys: readonly MessageKey[] = ['CP', 'CV'];

function Icon({ children }: { children: ReactNode }) {
  return (
    <svg className="ring-legend-icon" viewBox="-10 -10 20 20" width="18" height="18" aria-hidden="true">
      {children}
    </svg>
  );
}

/**
 * Every mark on the ring, explained (UI.md: every colour has a legend, never colour alone).
 * Memoised: the ring panel renders every animation frame, its legend only with the scenario.
 */
export const RingLegend = memo(function RingLegend({ protocol, quarantine = false }: {
  protocol: 'resonance' | 'council' | null;
  quarantine?: boolean;
}) {
  const keys = legendMessageKeys.filter((key) =>
    protocol === null ? true : protocol === 'council' ? councilKeys.includes(key) : !councilKeys.includes(key),
  );
  return (
    <div className="ring-legend">
      <ul className="legend" aria-label="Message types">
        {keys.map((key) => {
          const style = messageStyles[key];
          return (
            <li key={key} data-message={key}>
              <Icon>
                <circle r={8} fill={style.fill} />
                <text className="ring-legend-letter" dy="0.35em" fill={style.ink} fontSize={style.label.length > 1 ? 8 : 10}>
                  {style.label}
                </text>
              </Icon>
              {style.name}
            </li>
          );
        })}
        <li>
          <Icon>
            <circle r={5} fill="var(--pending)" opacity={0.5} />
            <LostCross size={3} x={5} y={-5} />
          </Icon>
          lost
        </li>
        <li>
          <Icon>
            <circle className="ring-legend-garbled" r={6} fill="var(--pending)" />
          </Icon>
          garbled (flickers)
        </li>
      </ul>
      <ul className="legend" aria-label="Agent roles">
        <li>
          <Icon>
            <circle className="ring-legend-agent" r={5.5} />
            <circle className="ring-legend-leader" r={8} />
          </Icon>
          leader
        </li>
        <li>
          <Icon>
            <circle className="ring-legend-agent byzantine" r={7} />
            <BrokenSeal size={3.5} x={4.5} y={-4.5} />
          </Icon>
          Byzantine
        </li>
        <li>
          <Icon>
            <circle className="ring-legend-agent equivocator" r={7} />
            <BrokenSeal size={3.5} x={4.5} y={-4.5} />
          </Icon>
          equivocator
        </li>
        <li>
          <Icon>
            <circle className="ring-legend-agent down" r={7} />
          </Icon>
          silent or crashed
        </li>
        <li>
          <Icon>
            <LockGlyph size={6} y={1} />
          </Icon>
          locked
        </li>
        {quarantine && (
          <li>
            <Icon>
              <circle className="ring-legend-agent" r={5} />
              <circle className="ring-quarantine" r={8} />
              <QuarantineGlyph size={3.5} x={-4.5} y={4.5} />
            </Icon>
            quarantined (Council vote)
          </li>
        )}
        <li>
          <span className="ring-legend-committed">✓N</span> rounds committed
        </li>
        {protocol !== 'council' && (
          <li>
            <span className="swatch ring-legend-side" /> partition side
          </li>
        )}
      </ul>
    </div>
  );
});
